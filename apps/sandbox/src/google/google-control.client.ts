import type { QuotaSettings } from './google-quota-ledger';

/** A video as `GET /_sandbox/google/videos` reports it. */
export interface SandboxYoutubeVideo {
  id: string;
  url: string;
  channelId: string;
  owner?: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: 'private' | 'unlisted' | 'public';
  publishAt: string | null;
  publishedAt: string | null;
  madeForKids: boolean;
  uploadedAt: string;
  mimeType: string;
  bytesReceived: number;
  sha256: string;
  thumbnail: { mimeType: string; bytes: number } | null;
  captions: { language: string; name: string; bytes: number }[];
  deleted: boolean;
}

export interface SandboxYoutubeUpload {
  uploadId: string;
  channelId: string;
  title: string;
  mimeType: string;
  totalBytes: number | null;
  bytesReceived: number;
  videoId: string | null;
  createdAt: string;
}

export interface SandboxGoogleQuota {
  day: string;
  resetsAt: string;
  defaultLimit: number;
  projects: { clientId: string; used: number; limit: number }[];
}

export interface SandboxYoutubeComment {
  id: string;
  videoId: string;
  authorName: string;
  authorChannelId: string;
  text: string;
}

/** A typed client of `/_sandbox/google/*`, for tests and the demo. */
export class GoogleControlClient {
  constructor(private readonly baseUrl: string) {}

  async videos(): Promise<SandboxYoutubeVideo[]> {
    return (await this.send<{ videos: SandboxYoutubeVideo[] }>('GET', '/videos')).videos;
  }

  async uploads(): Promise<SandboxYoutubeUpload[]> {
    return (await this.send<{ uploads: SandboxYoutubeUpload[] }>('GET', '/uploads')).uploads;
  }

  quota(): Promise<SandboxGoogleQuota> {
    return this.send('GET', '/quota');
  }

  setQuota(settings: QuotaSettings): Promise<SandboxGoogleQuota> {
    return this.send('PUT', '/quota', settings);
  }

  expireTokens(accountId: string): Promise<{ expired: number }> {
    return this.send('POST', `/accounts/${encodeURIComponent(accountId)}/expire-tokens`);
  }

  revoke(accountId: string): Promise<{ revoked: number }> {
    return this.send('POST', `/accounts/${encodeURIComponent(accountId)}/revoke`);
  }

  injectComment(input: {
    videoId: string;
    text: string;
    authorName: string;
  }): Promise<SandboxYoutubeComment> {
    return this.send('POST', '/comments', input);
  }

  reset(): Promise<void> {
    return this.send('POST', '/reset');
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_sandbox/google${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /_sandbox/google${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
