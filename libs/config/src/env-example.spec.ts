import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from './app-config';
import { EXAMPLE_SECRETS } from './production-guards';

const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
const exampleEnv = Object.fromEntries(
  [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(([, key, value]) => [key, value]),
);

describe('.env.example', () => {
  it('lists every setting of AppConfig', () => {
    const settings = getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName);
    const missing = [...new Set(settings)].filter((key) => !(key in exampleEnv));
    expect(missing).toEqual([]);
  });

  it('is a valid configuration as it stands', () => {
    expect(() => loadConfig(exampleEnv)).not.toThrow();
  });

  it('has every secret of it on the list production refuses', () => {
    for (const key of ['JWT_SECRET', 'ENCRYPTION_KEY', 'X_CLIENT_SECRET', 'GOOGLE_CLIENT_SECRET']) {
      expect(EXAMPLE_SECRETS).toContain(exampleEnv[key]);
    }
  });

  it('is refused as it stands with NODE_ENV=production', () => {
    expect(() => loadConfig({ ...exampleEnv, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
