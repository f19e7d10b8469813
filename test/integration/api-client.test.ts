import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(300_000);

describe('the dashboard API client', () => {
  it('is generated from the API as it is now', () => {
    const result = spawnSync(
      process.execPath,
      [join(__dirname, '../../scripts/generate-api-client.mjs'), '--check'],
      { cwd: join(__dirname, '../..'), encoding: 'utf8' },
    );
    // On failure the message is the fix: "… does not match the API: run npm run api:client".
    expect(result.stderr.trim()).toBe('');
    expect(result.stdout).toContain('apps/dashboard/src/api/schema.d.ts matches the API');
    expect(result.status).toBe(0);
  });
});
