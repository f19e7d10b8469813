import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApi, TestApi } from '../support/test-api';

const ROOT = join(__dirname, '../..');
const EXAMPLE = Object.fromEntries(
  [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(
    ([, key, value]) => [key, value],
  ),
);

/** Runs an entry point from source as a deployment would start it; its exit code and output. */
function boot(args: string[], env: Record<string, string>) {
  return promisify(execFile)(process.execPath, ['-r', '@swc-node/register', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe('boot guards', () => {
  describe('with NODE_ENV=production and the values of .env.example', () => {
    const production = { ...EXAMPLE, NODE_ENV: 'production' };
    const exampleSecrets = [EXAMPLE.JWT_SECRET, EXAMPLE.ENCRYPTION_KEY, EXAMPLE.AUDIT_SIGNING_KEY];

    it.each([
      ['the API', ['apps/api/src/main.ts']],
      ['the worker', ['apps/worker/src/main.ts']],
      [
        'the migrations',
        ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'libs/database/src/data-source.ts'],
      ],
    ])('%s refuses to start, naming the settings and never their values', async (_, args) => {
      const { code, output } = await boot(args, production);
      expect(code).not.toBe(0);
      expect(output).toContain('JWT_SECRET: is the public example value');
      expect(output).toContain('ENCRYPTION_KEY: is the public example value');
      for (const secret of exampleSecrets) expect(output).not.toContain(secret);
    });

    it('the demo seed refuses to run', async () => {
      const { code, output } = await boot(['apps/sandbox/src/seed/seed.ts'], production);
      expect(code).not.toBe(0);
      expect(output).toMatch(/refuses to run with NODE_ENV=production/);
    });
  });

  describe('TRUST_PROXY decides which client address the rate limit sees', () => {
    /** Four sign-up attempts from four claimed addresses, one address's limit being three. */
    async function statusesBehind(trustProxy: string | undefined): Promise<number[]> {
      const api = await startTestApi({
        AUTH_RATE_LIMIT_PER_ADDRESS: '3',
        ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }),
      });
      try {
        const statuses: number[] = [];
        for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
          const response = await request(api.url)
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', client)
            .send({ email: `nobody-${client}@hospital.test`, password: 'not a password at all' });
          statuses.push(response.status);
        }
        return statuses;
      } finally {
        await api.close();
      }
    }

    it('by default trusts no proxy: a client cannot pick its own address', async () => {
      expect(await statusesBehind(undefined)).toEqual([401, 401, 401, 429]);
    });

    it('with the proxy named, each forwarded client has its own limit', async () => {
      expect(await statusesBehind('loopback')).toEqual([401, 401, 401, 401]);
    });
  });

  describe('the database pool', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({
        DB_STATEMENT_TIMEOUT_MS: '700',
        DB_LOCK_TIMEOUT_MS: '600',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
        DB_CONNECT_TIMEOUT_MS: '4000',
      });
    });
    afterAll(() => api.close());

    it('sets the statement, lock and idle-in-transaction timeouts on every connection', async () => {
      const settings = await api.dataSource.query(
        `SELECT current_setting('statement_timeout') AS statement,
                current_setting('lock_timeout') AS lock,
                current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(settings).toEqual([{ statement: '700ms', lock: '600ms', idle: '5s' }]);
    });

    it('cancels a statement that runs too long', async () => {
      await expect(api.dataSource.query('SELECT pg_sleep(3)')).rejects.toThrow(/statement timeout/);
    });

    it('gives up waiting for a lock', async () => {
      const holder = api.dataSource.createQueryRunner();
      await holder.startTransaction();
      try {
        await holder.query('LOCK TABLE notifications IN ACCESS EXCLUSIVE MODE');
        await expect(api.dataSource.query('SELECT count(*) FROM notifications')).rejects.toThrow(
          /lock timeout/,
        );
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
    });

    it('gives up connecting after DB_CONNECT_TIMEOUT_MS', () => {
      const driver = api.dataSource.driver as unknown as {
        master: { options: { connectionTimeoutMillis: number } };
      };
      expect(driver.master.options.connectionTimeoutMillis).toBe(4000);
    });
  });
});
