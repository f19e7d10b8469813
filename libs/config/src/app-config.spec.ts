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

  it('names a malformed variable and the value it got', () => {
    expect(() => loadConfig({ ...valid, REDIS_URL: 'localhost:6379' })).toThrow(
      /REDIS_URL: .*URL.*got "localhost:6379"/,
    );
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(() => loadConfig({ ...valid, ENCRYPTION_KEY: 'k1:c2hvcnQ=' })).toThrow(/ENCRYPTION_KEY/);
  });
});
