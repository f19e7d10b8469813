import type { Fault, LoggedRequest } from './sandbox-context';

export type FaultRequest = Omit<Fault, 'id' | 'remaining' | 'seen'> & {
  count?: number;
};

export interface SandboxXTweet {
  id: string;
  authorId: string;
  authorHandle?: string;
  text: string;
  mediaIds: string[];
  altTexts: (string | null)[];
  createdAt: string;
  inReplyToTweetId: string | null;
  deletedAt: string | null;
}

export interface SandboxXAccount {
  id: string;
  handle: string;
  name: string;
  kind: 'managed' | 'public';
  accessToken: string;
  refreshToken: string;
}

/** A typed client of the sandbox's control API, for tests and benchmarks. */
export class SandboxControlClient {
  constructor(private readonly baseUrl: string) {}

  setLatency(ms: number): Promise<unknown> {
    return this.send('PUT', '/_sandbox/latency', { ms });
  }

  addFault(fault: FaultRequest): Promise<Fault> {
    return this.send('POST', '/_sandbox/faults', fault) as Promise<Fault>;
  }

  async faults(): Promise<Fault[]> {
    return ((await this.send('GET', '/_sandbox/faults')) as { faults: Fault[] }).faults;
  }

  clearFaults(): Promise<unknown> {
    return this.send('DELETE', '/_sandbox/faults');
  }

  async requests(filter: { platform?: string; path?: string } = {}): Promise<LoggedRequest[]> {
    const query = new URLSearchParams(filter as Record<string, string>).toString();
    return (
      (await this.send('GET', `/_sandbox/requests?${query}`)) as { requests: LoggedRequest[] }
    ).requests;
  }

  clearRequests(): Promise<unknown> {
    return this.send('DELETE', '/_sandbox/requests');
  }

  reset(): Promise<unknown> {
    return this.send('POST', '/_sandbox/reset');
  }

  advanceClock(ms: number): Promise<unknown> {
    return this.send('POST', '/_sandbox/clock', { advanceMs: ms });
  }

  /** X's duplicate-content rule; off in exactly-once tests, so a double send is a second tweet. */
  setXDuplicateRule(enabled: boolean): Promise<unknown> {
    return this.send('PUT', '/_sandbox/x/duplicate-rule', { enabled });
  }

  async xTweets(accountId?: string): Promise<SandboxXTweet[]> {
    const query = accountId ? `?accountId=${encodeURIComponent(accountId)}` : '';
    return ((await this.send('GET', `/_sandbox/x/tweets${query}`)) as { tweets: SandboxXTweet[] })
      .tweets;
  }

  createXAccount(input: { handle?: string; name?: string; followers?: number } = {}) {
    return this.send('POST', '/_sandbox/x/accounts', input) as Promise<SandboxXAccount>;
  }

  expireXTokens(accountId: string): Promise<unknown> {
    return this.send('POST', `/_sandbox/x/accounts/${accountId}/expire-tokens`);
  }

  revokeX(accountId: string): Promise<unknown> {
    return this.send('POST', `/_sandbox/x/accounts/${accountId}/revoke`);
  }

  injectXMention(input: {
    accountId: string;
    inReplyToTweetId?: string;
    text: string;
    authorHandle: string;
    authorName?: string;
  }): Promise<SandboxXTweet> {
    return this.send('POST', '/_sandbox/x/mentions', input) as Promise<SandboxXTweet>;
  }

  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
