// Reads .env (creating it from .env.example with fresh secrets on first run).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function parseEnv(text) {
  const env = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) env[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return env;
}

export function loadEnvFile() {
  if (!existsSync('.env')) {
    const example = readFileSync('.env.example', 'utf8')
      .replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${randomBytes(32).toString('hex')}`)
      .replace(/^ENCRYPTION_KEY=.*$/m, `ENCRYPTION_KEY=k1:${randomBytes(32).toString('base64')}`)
      .replace(
        /^AUDIT_SIGNING_KEY=.*$/m,
        `AUDIT_SIGNING_KEY=a1:${randomBytes(32).toString('base64')}`,
      );
    writeFileSync('.env', example);
    console.log('[rounds] wrote .env from .env.example with fresh secrets');
  }
  return { ...parseEnv(readFileSync('.env', 'utf8')), ...process.env };
}
