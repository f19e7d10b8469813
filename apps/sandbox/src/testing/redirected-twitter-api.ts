import { Agent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { type IClientSettings, TwitterApi } from 'twitter-api-v2';

/**
 * The real twitter-api-v2 client sent to the sandbox the way XClient does (libs/platforms/src/x/x-client-settings.ts): a plugin
 * rewrites each URL after the body is built, and an http.Agent lets it speak plain HTTP.
 */
export function redirectedTwitterApi(
  sandboxUrl: string,
  auth: string | { clientId: string; clientSecret?: string },
  options: { timeoutMs?: number } = {},
): TwitterApi {
  const base = new URL(sandboxUrl);
  const settings: Partial<IClientSettings> = {
    httpAgent: new Agent({ keepAlive: true }) as unknown as HttpsAgent,
    plugins: [
      {
        onBeforeRequest({ computedParams, requestOptions }) {
          computedParams.url.protocol = base.protocol;
          computedParams.url.host = base.host;
          if (options.timeoutMs) requestOptions.timeout = options.timeoutMs;
        },
      },
    ],
  };
  // Two calls because the constructor's overloads take a bearer token or an OAuth 2.0 client, not a union.
  return typeof auth === 'string' ? new TwitterApi(auth, settings) : new TwitterApi(auth, settings);
}
