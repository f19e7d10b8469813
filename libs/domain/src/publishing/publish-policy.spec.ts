import { PlatformError } from '@rounds/platforms';
import { ChannelUnavailableError } from '../channels/channel-errors';
import { backoffMs, decide, RetryPolicy } from './publish-policy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };
const now = new Date('2030-05-01T12:00:00Z');
const inSeconds = (s: number) => new Date(now.getTime() + s * 1000);

describe('decide: how one failed try of a publication ends', () => {
  it('waits for the channel until the 429 reset', () => {
    const error = new PlatformError('rate_limited', 'Too Many Requests', 429, inSeconds(90));
    expect(decide(error, 1, policy, now, true)).toEqual({
      action: 'wait_for_channel',
      until: inSeconds(90),
      error: 'Too Many Requests',
    });
  });

  it('waits for the next quota day when YouTube quota is spent', () => {
    const midnight = new Date('2030-05-02T07:00:00Z');
    const error = new PlatformError('quota', 'quotaExceeded', 403, midnight);
    expect(decide(error, 1, policy, now, false)).toMatchObject({
      action: 'wait_for_quota',
      until: midnight,
    });
  });

  it('retries 5xx and timeouts later and later, then fails with the reason', () => {
    const error = new PlatformError('transient', 'Service Unavailable', 503);
    const first = decide(error, 1, policy, now, true);
    expect(first).toMatchObject({ action: 'retry', error: 'Service Unavailable' });
    expect(decide(error, 4, policy, now, true)).toEqual({
      action: 'failed',
      error: 'gave up after 4 tries: Service Unavailable',
    });
  });

  it('fails at once with the platform message on a content error', () => {
    const error = new PlatformError('content', 'Your Tweet text is too long.', 403);
    expect(decide(error, 1, policy, now, true)).toEqual({
      action: 'failed',
      error: 'Your Tweet text is too long.',
    });
  });

  it('takes a duplicate answered to a resend as the post being there, to a first send as a refusal', () => {
    const error = new PlatformError(
      'duplicate',
      'You are not allowed to create a Tweet with duplicate content.',
      403,
    );
    expect(decide(error, 1, policy, now, true, false)).toEqual({
      action: 'failed',
      error: 'You are not allowed to create a Tweet with duplicate content.',
    });
    expect(decide(error, 2, policy, now, true, true)).toMatchObject({ action: 'exists' });
  });

  it('marks a lost answer in doubt instead of sending again', () => {
    const error = new PlatformError(
      'unknown_outcome',
      'X connection lost after sending: socket hang up',
    );
    expect(decide(error, 1, policy, now, true)).toMatchObject({ action: 'in_doubt' });
  });

  it('treats an unexplained failure while creating as in doubt, before creating as a retry', () => {
    expect(decide(new Error('boom'), 1, policy, now, true)).toMatchObject({ action: 'in_doubt' });
    expect(decide(new Error('boom'), 1, policy, now, false)).toMatchObject({ action: 'retry' });
  });

  it('holds the post when the channel needs re-authorization', () => {
    const error = new ChannelUnavailableError({
      id: 'c',
      handle: '@h',
      status: 'needs_reauth',
      statusReason: 'revoked',
    });
    expect(decide(error, 1, policy, now, false)).toMatchObject({ action: 'hold' });
    expect(
      decide(new PlatformError('auth', 'Unauthorized', 401), 1, policy, now, false),
    ).toMatchObject({
      action: 'hold',
    });
  });

  it('never waits for a reset that has already passed', () => {
    const error = new PlatformError('rate_limited', 'Too Many Requests', 429, inSeconds(-5));
    const decision = decide(error, 1, policy, now, true);
    expect(decision.action === 'wait_for_channel' && decision.until > now).toBe(true);
  });
});

describe('backoffMs', () => {
  it('doubles per attempt, keeps half of each step random, and stops at the cap', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3].map((a) => backoffMs(a, policy, low))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((a) => backoffMs(a, policy, high))).toEqual([1_000, 2_000, 4_000]);
    expect(backoffMs(10, policy, high)).toBe(5_000);
  });
});
