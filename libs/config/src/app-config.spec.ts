import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';

const valid = {
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  AUDIT_SIGNING_KEY: `a1:${Buffer.alloc(32, 2).toString('base64')}`,
};

describe('loadConfig', () => {
  it('fills safe local defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/rounds');
  });

  it('converts numbers', () => {
    expect(loadConfig({ ...valid, PORT: '4100' }).PORT).toBe(4100);
  });

  it('names a missing variable and what it expects', () => {
    expect(() => loadConfig({ ENCRYPTION_KEY: valid.ENCRYPTION_KEY })).toThrow(
      /JWT_SECRET: .*at least 32 characters.*\(missing\)/,
    );
  });

  it('names a malformed variable without printing its value', () => {
    const secret = 'short-but-secret';
    const attempt = () => loadConfig({ ...valid, REDIS_URL: 'localhost:6379', JWT_SECRET: secret });
    expect(attempt).toThrow(/REDIS_URL: .*URL.*\(invalid\)/);
    expect(attempt).toThrow(/JWT_SECRET: .*\(invalid\)/);
    expect(attempt).not.toThrow(/localhost:6379|short-but-secret/);
  });

  it.each([
    'redis://127.0.0.1:6379/2',
    'rediss://:secret@cache.internal:6380',
    'redis+cluster://10.0.0.1:7000,10.0.0.2:7001',
    'redis+sentinel://s1:26379,s2:26379/rounds',
  ])('takes REDIS_URL %s', (url) => {
    expect(loadConfig({ ...valid, REDIS_URL: url }).REDIS_URL).toBe(url);
  });

  it('wants the master name with REDIS_SENTINELS, and host:port lists', () => {
    expect(() => loadConfig({ ...valid, REDIS_SENTINELS: 's1:26379' })).toThrow(
      /REDIS_SENTINEL_NAME: .*required with REDIS_SENTINELS \(missing\)/,
    );
    expect(() => loadConfig({ ...valid, REDIS_CLUSTER_NODES: 'a:7000;b' })).toThrow(
      /REDIS_CLUSTER_NODES: .*must be host:port/,
    );
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(() => loadConfig({ ...valid, ENCRYPTION_KEY: 'k1:c2hvcnQ=' })).toThrow(/ENCRYPTION_KEY/);
  });
});

describe('loadConfig with NODE_ENV=production', () => {
  const strong = {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: `a1:${randomBytes(32).toString('base64')}`,
    X_CLIENT_SECRET: 'x-secret-from-the-portal',
    GOOGLE_CLIENT_SECRET: 'google-secret-from-the-console',
  };

  it('starts with random secrets of its own', () => {
    expect(() => loadConfig(strong)).not.toThrow();
  });

  it.each([
    ['JWT_SECRET', 'local-development-secret-change-me-0123456789', /JWT_SECRET: is the public/],
    ['ENCRYPTION_KEY', 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', /ENCRYPTION_KEY: is the/],
    ['X_CLIENT_SECRET', 'rounds-local-secret', /X_CLIENT_SECRET: is the public/],
    ['JWT_SECRET', 'a'.repeat(64), /JWT_SECRET: must be at least 32 random bytes/],
    ['JWT_SECRET', 'correct-horse-battery-staple-correct-horse', /JWT_SECRET: must be at least/],
    ['JWT_SECRET', randomBytes(16).toString('hex'), /JWT_SECRET: must be at least 32 random/],
    ['ENCRYPTION_KEY', `k2:${Buffer.alloc(32, 7).toString('base64')}`, /key k2 is all zero/],
  ])('refuses %s = %s, without printing it', (name, value, problem) => {
    const attempt = () => loadConfig({ ...strong, [name]: value });
    expect(attempt).toThrow(problem);
    expect(attempt).not.toThrow(value);
  });
});
