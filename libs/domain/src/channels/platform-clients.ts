import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { XClient, YoutubeClient, YoutubeOperation, YoutubeQuotaCosts } from '@rounds/platforms';
import type { ChannelPlatform } from './channel.entity';

/** `videos.insert=100,thumbnails.set=50` (YOUTUBE_QUOTA_COSTS) as a partial quota table. */
export function parseQuotaCosts(spec: string | undefined): Partial<YoutubeQuotaCosts> {
  if (!spec) return {};
  return Object.fromEntries(
    spec.split(',').map((pair) => {
      const [operation, units] = pair.split('=');
      return [operation as YoutubeOperation, Number(units)];
    }),
  );
}

/** The real X and YouTube clients, every URL and timeout from configuration (the sandbox in tests). */
@Injectable()
export class PlatformClients {
  readonly x: XClient;
  readonly youtube: YoutubeClient;

  constructor(private readonly config: AppConfig) {
    this.x = new XClient({
      apiBaseUrl: config.X_API_BASE_URL,
      authorizeUrl: config.X_AUTHORIZE_URL,
      clientId: config.X_CLIENT_ID,
      clientSecret: config.X_CLIENT_SECRET,
      requestTimeoutMs: config.PLATFORM_TIMEOUT_MS,
      createTimeoutMs: config.PLATFORM_CREATE_TIMEOUT_MS,
    });
    this.youtube = new YoutubeClient({
      apiBaseUrl: config.GOOGLE_API_BASE_URL,
      authorizeUrl: config.GOOGLE_AUTHORIZE_URL,
      tokenUrl: config.GOOGLE_TOKEN_URL,
      clientId: config.GOOGLE_CLIENT_ID,
      clientSecret: config.GOOGLE_CLIENT_SECRET,
      quotaCosts: parseQuotaCosts(config.YOUTUBE_QUOTA_COSTS),
      timeoutMs: config.PLATFORM_TIMEOUT_MS,
      createTimeoutMs: config.PLATFORM_CREATE_TIMEOUT_MS,
    });
  }

  /** Where the platform sends the browser back after consent. */
  redirectUri(platform: ChannelPlatform): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/channels/${platform}/callback`;
  }
}
