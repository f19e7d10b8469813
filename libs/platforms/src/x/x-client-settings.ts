import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { IClientSettings, ITwitterApiClientPlugin } from 'twitter-api-v2';

export interface XTransportOptions {
  /** Where api.x.com calls go, e.g. `https://api.x.com` or the sandbox's URL. */
  apiBaseUrl: string;
  requestTimeoutMs: number;
  /** For `POST /2/tweets`, the create call. */
  createTimeoutMs: number;
  maxSockets: number;
}

/**
 * twitter-api-v2 has no base-URL setting: a plugin rewrites each request's URL after the body and
 * signature are computed, and the agent must match the target's protocol.
 */
export function xClientSettings(options: XTransportOptions): Partial<IClientSettings> {
  const base = new URL(options.apiBaseUrl);
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const httpAgent =
    base.protocol === 'http:' ? new HttpAgent(agentOptions) : new HttpsAgent(agentOptions);
  // The agent type is https.Agent; Node picks the transport from the agent's protocol.
  return {
    httpAgent: httpAgent as HttpsAgent,
    plugins: [rewriteTo(base, options)],
  };
}

function rewriteTo(
  base: URL,
  { requestTimeoutMs, createTimeoutMs }: XTransportOptions,
): ITwitterApiClientPlugin {
  const prefix = base.pathname.replace(/\/$/, '');
  return {
    onBeforeRequest({ computedParams, requestOptions }) {
      const url = computedParams.url;
      const creates = computedParams.method === 'POST' && url.pathname === '/2/tweets';
      url.protocol = base.protocol;
      url.host = base.host;
      url.pathname = prefix + url.pathname;
      requestOptions.timeout = creates ? createTimeoutMs : requestTimeoutMs;
    },
  };
}

/** The library always links to x.com's consent page; send the user to the configured one. */
export function rebaseAuthorizeLink(link: string, authorizeUrl: string): string {
  const target = new URL(authorizeUrl);
  for (const [key, value] of new URL(link).searchParams) target.searchParams.set(key, value);
  return target.toString();
}
