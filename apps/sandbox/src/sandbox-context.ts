import type { RequestHandler } from 'express';

/** A fault the next matching requests receive instead of the normal answer. */
export interface Fault {
  id: string;
  platform: 'x' | 'google';
  method?: string;
  /** Matched against the request path with `startsWith` (or a RegExp source when it starts with ^). */
  path?: string;
  /** How many requests it hits; undefined = until cleared. */
  remaining?: number;
  /** Hits only every Nth matching request (the Nth, 2Nth, …); `seen` counts them. */
  every?: number;
  seen?: number;
  /** Hits each matching request with this probability (0-1]; absent: every one. */
  fraction?: number;
  /**
   * 'status': answer `status` with the platform's error body and `headers`;
   * 'status-after-accept': do the work (the tweet is created), then answer `status` instead;
   * 'timeout': never answer; 'drop-after-accept': do the work, then destroy the socket;
   * 'slow': do the work and answer normally after `delayMs`;
   * 'hostile-text': answer normally, with a NUL and lone surrogates in every text and name.
   */
  mode:
    'status' | 'status-after-accept' | 'timeout' | 'drop-after-accept' | 'slow' | 'hostile-text';
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** An X 429's `x-rate-limit-reset`: this many seconds after each hit. */
  resetInSeconds?: number;
  delayMs?: number;
}

export interface LoggedRequest {
  /** When the request arrived. */
  at: string;
  /** When its answer was sent (after the latency): for a 2xx, when the platform accepted it. */
  answeredAt: string;
  platform: 'x' | 'google' | 'control';
  method: string;
  path: string;
  status: number;
}

/** State shared by the X and Google fakes: latency, faults, request log, the clock. */
export interface SandboxContext {
  /** Added before every platform answer, in ms. */
  latencyMs: number;
  faults: Fault[];
  requests: LoggedRequest[];
  now(): Date;
  /** Express middleware applying latency, faults and the request log for one platform. */
  platformMiddleware(platform: 'x' | 'google'): RequestHandler;
  /** The sandbox's own base URL, e.g. http://127.0.0.1:4100 (for Location headers). */
  baseUrl(): string;
}
