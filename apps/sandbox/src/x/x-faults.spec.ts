import { ApiRequestError, ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { X_DEMO_ACCOUNTS } from '../demo-accounts';
import { useSandbox } from '../testing/sandbox-suite';
import { redirectedTwitterApi } from '../testing/redirected-twitter-api';

const [demo] = X_DEMO_ACCOUNTS;

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('fake X under injected faults', () => {
  const sandbox = useSandbox();
  let x: TwitterApi;

  beforeEach(() => {
    x = redirectedTwitterApi(sandbox.url, demo.accessToken, { timeoutMs: 500 });
  });

  it('answers a 429 fault with the X body and real rate-limit headers', async () => {
    const fault = await sandbox.control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      count: 1,
      resetInSeconds: 300,
    });

    const error = (await thrown(x.v2.tweet('Hello'))) as ApiResponseError;

    expect(error).toBeInstanceOf(ApiResponseError);
    expect(error.rateLimitError).toBe(true);
    expect(error.data).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
    expect(error.rateLimit).toEqual({ limit: 100, remaining: 0, reset: expect.any(Number) });
    // The reset is counted from the hit, so a recurring 429 fault always points 300 s ahead.
    expect(fault.resetInSeconds).toBe(300);
    expect(error.rateLimit!.reset - Date.now() / 1000).toBeGreaterThan(290);
    expect(error.rateLimit!.reset - Date.now() / 1000).toBeLessThanOrEqual(301);
    await expect(x.v2.tweet('Hello')).resolves.toBeDefined();
    expect(await sandbox.control.xTweets()).toHaveLength(1);
  });

  it('answers a 503 fault with the X problem body and no tweet', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      path: '/2/tweets',
      mode: 'status',
      status: 503,
      count: 1,
    });

    const error = (await thrown(x.v2.tweet('Hello'))) as ApiResponseError;

    expect(error.code).toBe(503);
    expect(error.data).toMatchObject({ title: 'Service Unavailable', status: 503 });
    expect(await sandbox.control.xTweets()).toEqual([]);
  });

  it('answers a 401 fault like an expired token', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      path: '/2/users/me',
      mode: 'status',
      status: 401,
      count: 1,
    });

    const error = (await thrown(x.v2.me())) as ApiResponseError;

    expect(error.code).toBe(401);
    expect(error.isAuthError).toBe(true);
    await expect(x.v2.me()).resolves.toBeDefined();
  });

  it('holds a timeout fault open until the client gives up', async () => {
    await sandbox.control.addFault({ platform: 'x', path: '/2/tweets', mode: 'timeout', count: 1 });

    const started = Date.now();
    const error = (await thrown(x.v2.tweet('Anyone there?'))) as ApiRequestError;

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(await sandbox.control.xTweets()).toEqual([]);
  });

  it('drops the connection after accepting: the tweet exists, the client sees a socket error', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'drop-after-accept',
      count: 1,
    });

    const error = (await thrown(x.v2.tweet('Did it post?'))) as ApiRequestError;

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(await sandbox.control.xTweets(demo.id)).toEqual([
      expect.objectContaining({ text: 'Did it post?', authorId: demo.id }),
    ]);
    const logged = await sandbox.control.requests({ platform: 'x', path: '/2/tweets' });
    expect(logged.map((r) => r.status)).toEqual([0]);
  });

  it('answers 503 after creating the tweet: the tweet exists, the client sees the 503', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status-after-accept',
      status: 503,
      count: 1,
    });

    const error = (await thrown(x.v2.tweet('Under load'))) as ApiResponseError;

    expect(error.code).toBe(503);
    expect(await sandbox.control.xTweets(demo.id)).toEqual([
      expect.objectContaining({ text: 'Under load', authorId: demo.id }),
    ]);
  });

  it('hits every Nth request of an "every" fault, with a 429 reset counted from each hit', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      every: 3,
      resetInSeconds: 10,
    });
    const answers: (number | 'ok')[] = [];
    for (let i = 1; i <= 6; i++) {
      answers.push(
        await x.v2.tweet(`Every third ${i}`).then(
          () => 'ok' as const,
          (error: ApiResponseError) => error.code,
        ),
      );
    }
    expect(answers).toEqual(['ok', 'ok', 429, 'ok', 'ok', 429]);
  });

  it('answers a slow fault late but normally, and the duplicate rule can be switched off', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      path: '/2/tweets',
      mode: 'slow',
      delayMs: 300,
    });
    await sandbox.control.setXDuplicateRule(false);
    const started = Date.now();
    await x.v2.tweet('Twice on purpose');
    await x.v2.tweet('Twice on purpose');
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect((await sandbox.control.xTweets(demo.id)).map((t) => t.text)).toEqual([
      'Twice on purpose',
      'Twice on purpose',
    ]);
    await sandbox.control.setXDuplicateRule(true);
    await expect(thrown(x.v2.tweet('Twice on purpose'))).resolves.toMatchObject({ code: 403 });
  });

  it('carries out a slow create whose client gave up, as X does with a request it received', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      path: '/2/tweets',
      mode: 'slow',
      delayMs: 1_000,
    });
    // The client's timeout is 500 ms: it hangs up while the sandbox is still working.
    expect(await thrown(x.v2.tweet('Landed after the timeout'))).toBeInstanceOf(ApiRequestError);
    expect(await sandbox.control.xTweets(demo.id)).toEqual([]);
    await waitUntil(async () => (await sandbox.control.xTweets(demo.id)).length === 1);
    expect((await sandbox.control.xTweets(demo.id)).map((t) => t.text)).toEqual([
      'Landed after the timeout',
    ]);
  });

  it('matches faults by method and by a path regular expression, and counts them down', async () => {
    await sandbox.control.addFault({
      platform: 'x',
      method: 'GET',
      path: '^/2/tweets/\\d+$',
      mode: 'status',
      status: 500,
      count: 2,
    });
    const { data } = await x.v2.tweet('Still fine');

    for (let i = 0; i < 2; i++) {
      expect(((await thrown(x.v2.singleTweet(data.id))) as ApiResponseError).code).toBe(500);
    }
    await expect(x.v2.singleTweet(data.id)).resolves.toMatchObject({ data: { id: data.id } });
    expect(await sandbox.control.faults()).toEqual([]);
  });

  it('never applies faults to the control API', async () => {
    await sandbox.control.addFault({ platform: 'x', mode: 'status', status: 500 });

    const res = await fetch(`${sandbox.url}/_sandbox/faults`);

    expect(res.status).toBe(200);
    expect(((await thrown(x.v2.me())) as ApiResponseError).code).toBe(500);
  });
});
