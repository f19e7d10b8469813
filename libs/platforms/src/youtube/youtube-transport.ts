import type { Auth } from 'googleapis';
// The YouTube API alone: the whole googleapis package costs every process ~90 MB more memory.
import { auth as googleAuth, youtube } from 'googleapis/build/src/apis/youtube';
import { PlatformError } from '../platform-error';
import { isHttpError, Repeatable, toPlatformError } from './youtube-errors';

export interface YoutubeEndpoints {
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** For the create calls: go-live and a comment reply. */
  createTimeoutMs: number;
}

/** How every YouTube and Google OAuth call goes out: configured URLs, no library retries, classified errors. */
export class YoutubeTransport {
  readonly youtube = youtube('v3');
  /** The API root with a trailing slash, as googleapis expects `rootUrl`. */
  readonly root: string;

  constructor(private readonly endpoints: YoutubeEndpoints) {
    this.root = `${endpoints.apiBaseUrl.replace(/\/+$/, '')}/`;
  }

  get timeoutMs(): number {
    return this.endpoints.timeoutMs;
  }

  /** Runs one platform call and turns its HTTP failures into PlatformErrors. */
  async call<T>(repeatable: Repeatable, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // Anything else is the caller's own failure (e.g. onSession), not the platform's.
      if (isHttpError(error) || error instanceof PlatformError) {
        throw toPlatformError(error, repeatable);
      }
      throw error;
    }
  }

  /** Per call, because googleapis ignores a global rootUrl for uploads; BullMQ owns retries. */
  options() {
    return { rootUrl: this.root, retry: false, timeout: this.endpoints.timeoutMs };
  }

  /** For a create call: a small request whose answer, if lost, puts a post in doubt. */
  createOptions() {
    return { ...this.options(), timeout: this.endpoints.createTimeoutMs };
  }

  oauth(): Auth.OAuth2Client {
    const { clientId, clientSecret, tokenUrl, authorizeUrl, timeoutMs } = this.endpoints;
    const auth = new googleAuth.OAuth2({
      clientId,
      clientSecret,
      endpoints: { oauth2TokenUrl: tokenUrl, oauth2AuthBaseUrl: authorizeUrl },
      // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which Jest cannot load.
      transporterOptions: { timeout: timeoutMs, fetchImplementation: fetch },
    });
    // The token endpoint calls carry their own retry config; BullMQ owns retries there too.
    auth.transporter.interceptors.request.add({
      resolved: async (config) =>
        Object.assign(config, { retryConfig: { ...config.retryConfig, retry: 0 } }),
    });
    return auth;
  }

  /** An OAuth client that sends this access token and never refreshes it (the caller owns tokens). */
  authFor(accessToken: string): Auth.OAuth2Client {
    const auth = this.oauth();
    auth.setCredentials({ access_token: accessToken });
    return auth;
  }
}
