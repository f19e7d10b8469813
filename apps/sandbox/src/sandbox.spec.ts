import { Agent, request } from 'node:http';
import { X_DEMO_ACCOUNTS } from './demo-accounts';
import { useSandbox } from './testing/sandbox-suite';

const [demo] = X_DEMO_ACCOUNTS;
const asDemo = { authorization: `Bearer ${demo.accessToken}` };

/** One GET through a shared keep-alive agent; resolves with the status code. */
function get(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('sandbox core and control API', () => {
  const sandbox = useSandbox();

  it('adds the configured latency to platform calls only', async () => {
    await sandbox.control.setLatency(200);

    const started = Date.now();
    await fetch(`${sandbox.url}/2/users/me`, { headers: asDemo });
    const platformMs = Date.now() - started;
    const controlStarted = Date.now();
    await sandbox.control.faults();

    expect(platformMs).toBeGreaterThanOrEqual(195);
    expect(Date.now() - controlStarted).toBeLessThan(150);
    const refused = await fetch(`${sandbox.url}/_sandbox/latency`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: -1 }),
    });
    expect(refused.status).toBe(400);
  });

  it('waits on timers, not in line: 1,000 requests at 100 ms overlap instead of taking 100 s', async () => {
    await sandbox.control.setLatency(100);
    const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });

    const started = Date.now();
    const statuses = await Promise.all(
      // Unauthenticated on purpose: the per-user rate limit would cut in at 900.
      Array.from({ length: 1_000 }, () => get(`${sandbox.url}/2/tweets?ids=1`, agent)),
    );
    const elapsed = Date.now() - started;
    agent.destroy();

    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('logs platform and control requests with their final status, filtered on demand', async () => {
    await fetch(`${sandbox.url}/2/users/me`, { headers: asDemo });
    await fetch(`${sandbox.url}/2/users/me`);

    const x = await sandbox.control.requests({ platform: 'x' });
    const controls = await sandbox.control.requests({ platform: 'control' });

    expect(x.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/2/users/me', 200],
      ['GET', '/2/users/me', 401],
    ]);
    expect(controls.length).toBeGreaterThan(0);
    expect(await sandbox.control.requests({ path: '/2/tweets' })).toEqual([]);
    await sandbox.control.clearRequests();
    expect(await sandbox.control.requests({ platform: 'x' })).toEqual([]);
  });

  it('caps the request log at 50,000 entries, dropping the oldest', async () => {
    const filler = {
      at: '',
      answeredAt: '',
      platform: 'x' as const,
      method: 'GET',
      path: '/old',
      status: 200,
    };
    sandbox.context.requests.push(...Array.from({ length: 55_000 }, () => ({ ...filler })));

    await fetch(`${sandbox.url}/2/users/me`, { headers: asDemo });
    await sandbox.control.faults();

    expect(sandbox.context.requests.length).toBeLessThanOrEqual(50_001);
    expect(sandbox.context.requests.some((r) => r.path === '/2/users/me')).toBe(true);
  });

  it('creates faults with the platform error body, lists and clears them', async () => {
    const google = await sandbox.control.addFault({
      platform: 'google',
      mode: 'status',
      status: 503,
    });

    expect(google.body).toEqual({
      error: {
        code: 503,
        message: 'The service is currently unavailable.',
        errors: [
          {
            message: 'The service is currently unavailable.',
            domain: 'global',
            reason: 'backendError',
          },
        ],
        status: 'UNAVAILABLE',
      },
    });
    expect(await sandbox.control.faults()).toEqual([google]);
    await sandbox.control.clearFaults();
    expect(await sandbox.control.faults()).toEqual([]);
  });

  it.each([
    [{ platform: 'facebook', mode: 'status', status: 500 }, /platform/],
    [{ platform: 'x', mode: 'explode' }, /mode/],
    [{ platform: 'x', mode: 'status', status: 200 }, /status/],
    [{ platform: 'x', mode: 'timeout', count: 0 }, /count/],
  ])('refuses the fault %j', async (fault, message) => {
    const res = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it('resets everything: faults, latency, log, tweets and expired demo tokens', async () => {
    await sandbox.control.setLatency(50);
    await sandbox.control.addFault({
      platform: 'x',
      mode: 'status',
      status: 500,
      path: '/2/tweets',
    });
    await sandbox.control.expireXTokens(demo.id);

    await sandbox.control.reset();

    expect(await sandbox.control.faults()).toEqual([]);
    expect(sandbox.context.latencyMs).toBe(0);
    expect((await fetch(`${sandbox.url}/2/users/me`, { headers: asDemo })).status).toBe(200);
    expect(await sandbox.control.xTweets()).toEqual([]);
  });

  it('serves the Google fake beside the fake X, its controls included', async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/google/accounts`);

    expect(res.status).toBe(200);
  });

  it('answers unknown paths with 404 JSON', async () => {
    const res = await fetch(`${sandbox.url}/nothing/here`);

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'No sandbox endpoint GET /nothing/here' });
  });
});
