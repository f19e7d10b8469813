import type { NextFunction, Request, Response } from 'express';
import type { Fault, SandboxContext } from '../sandbox-context';
import { findXEndpoint } from '../x/x-endpoints';
import { xProblem } from '../x/x-problems';
import { googleErrorBody } from './google-error-body';

const MODES: Fault['mode'][] = [
  'status',
  'status-after-accept',
  'timeout',
  'drop-after-accept',
  'slow',
  'hostile-text',
];
const ANSWERING: Fault['mode'][] = ['status', 'status-after-accept'];
const DEFAULT_RESET_SECONDS = 60;

/** What `POST /_sandbox/faults` accepts: a Fault without id, `count` for `remaining`. */
export interface FaultInput {
  platform?: unknown;
  method?: unknown;
  path?: unknown;
  count?: unknown;
  mode?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
  /** For an X 429 without headers: seconds from each hit to `x-rate-limit-reset`. */
  resetInSeconds?: unknown;
  every?: unknown;
  fraction?: unknown;
  delayMs?: unknown;
}

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

/** Validates the input and fills the platform's real error body and headers; a string = the error. */
export function buildFault(input: FaultInput, id: string): Fault | string {
  const { platform, method, path, count, mode, status, headers } = input;
  if (platform !== 'x' && platform !== 'google') return 'platform must be "x" or "google"';
  if (!MODES.includes(mode as Fault['mode'])) return `mode must be one of ${MODES.join(', ')}`;
  if (method !== undefined && typeof method !== 'string') return 'method must be a string';
  if (path !== undefined && typeof path !== 'string') return 'path must be a string';
  if (count !== undefined && !positiveInteger(count)) return 'count must be a positive integer';
  const { every, fraction, delayMs } = input;
  if (every !== undefined && !positiveInteger(every)) return 'every must be a positive integer';
  if (fraction !== undefined && !(typeof fraction === 'number' && fraction > 0 && fraction <= 1)) {
    return 'fraction must be a number in (0, 1]';
  }
  if (mode === 'slow' && !positiveInteger(delayMs)) {
    return 'delayMs must be a positive integer for mode "slow"';
  }
  if (headers !== undefined && (typeof headers !== 'object' || headers === null)) {
    return 'headers must be an object of strings';
  }
  const fault: Fault = {
    id,
    platform,
    method: method?.toUpperCase(),
    path,
    remaining: count as number | undefined,
    mode: mode as Fault['mode'],
    every: every as number | undefined,
    seen: every === undefined ? undefined : 0,
    fraction: fraction as number | undefined,
    delayMs: mode === 'slow' ? (delayMs as number) : undefined,
  };
  if (!ANSWERING.includes(fault.mode)) return fault;
  if (!(Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599)) {
    return `status must be an HTTP error status (400-599) for mode "${fault.mode}"`;
  }
  fault.status = status as number;
  fault.body = input.body ?? defaultBody(platform, fault.status);
  // X sends the three x-rate-limit-* headers together; given headers (a reset) override them.
  if (fault.platform === 'x' && fault.status === 429) {
    fault.resetInSeconds =
      typeof input.resetInSeconds === 'number' ? input.resetInSeconds : DEFAULT_RESET_SECONDS;
  }
  fault.headers = { ...(headers as Record<string, string> | undefined) };
  return fault;
}

function defaultBody(platform: Fault['platform'], status: number): unknown {
  return platform === 'x' ? xProblem(status) : googleErrorBody(status);
}

/** An X 429's rate-limit headers, with the reset counted from this hit. */
function rateLimitHeaders(fault: Fault, now: Date): Record<string, string> {
  if (fault.resetInSeconds === undefined) return {};
  const limit = findXEndpoint(fault.method ?? 'POST', fault.path ?? '')?.limit ?? 100;
  return {
    'x-rate-limit-limit': String(limit),
    'x-rate-limit-remaining': '0',
    'x-rate-limit-reset': String(Math.ceil(now.getTime() / 1000 + fault.resetInSeconds)),
  };
}

function matches(fault: Fault, platform: Fault['platform'], method: string, path: string) {
  if (fault.platform !== platform) return false;
  if (fault.method && fault.method !== method) return false;
  if (!fault.path) return true;
  return fault.path.startsWith('^')
    ? new RegExp(fault.path).test(path)
    : path.startsWith(fault.path);
}

/** Whether a matching request is one the fault hits (every Nth, or a random fraction). */
function hits(fault: Fault): boolean {
  if (fault.every !== undefined) {
    fault.seen = (fault.seen ?? 0) + 1;
    if (fault.seen % fault.every !== 0) return false;
  }
  return fault.fraction === undefined || Math.random() < fault.fraction;
}

/** Finds the first fault that hits this request and uses up one of its hits. */
export function takeFault(ctx: SandboxContext, platform: Fault['platform'], req: Request) {
  const path = req.originalUrl.split('?')[0];
  const index = ctx.faults.findIndex((f) => matches(f, platform, req.method, path) && hits(f));
  if (index < 0) return undefined;
  const fault = ctx.faults[index];
  if (fault.remaining !== undefined) {
    fault.remaining -= 1;
    if (fault.remaining <= 0) ctx.faults.splice(index, 1);
  }
  return fault;
}

export function applyFault(fault: Fault, res: Response, next: NextFunction, now: Date): void {
  const answer = () =>
    res
      .status(fault.status ?? 500)
      .set({ ...rateLimitHeaders(fault, now), ...fault.headers })
      .json(fault.body);
  switch (fault.mode) {
    case 'status':
      answer();
      return;
    case 'status-after-accept':
      replaceAnswer(res, answer);
      next();
      return;
    case 'timeout':
      // Held open until the client gives up or the sandbox closes.
      return;
    case 'drop-after-accept':
      dropAnswer(res);
      next();
      return;
    case 'slow':
      setTimeout(next, fault.delayMs);
      return;
    case 'hostile-text':
      spoilTextFields(res);
      next();
      return;
  }
}

/** Lets the handler do its work, then sends the fault's answer instead of the handler's. */
function replaceAnswer(res: Response, answer: () => void): void {
  const json = res.json.bind(res);
  res.json = (() => {
    res.json = json;
    answer();
    return res;
  }) as Response['json'];
}

/** What people write and call themselves: X tweets and users, YouTube comment snippets. */
const TEXT_FIELDS = new Set([
  'text',
  'name',
  'username',
  'textOriginal',
  'textDisplay',
  'authorDisplayName',
]);

/** Text as anyone may post it: a NUL, a lone high and a lone low surrogate (JSON-escaped on the wire). */
const hostile = (text: string) => `\u0000${text}\ud83d \ude00`;

function spoil(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return TEXT_FIELDS.has(key) ? hostile(value) : value;
  if (Array.isArray(value)) return value.map((item) => spoil(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spoil(v, k)]));
  return value;
}

/** Lets the handler answer, with every text field of its JSON spoiled. */
function spoilTextFields(res: Response): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(spoil(body));
}

/** Lets the handler do its work, then cuts the connection instead of answering. */
function dropAnswer(res: Response): void {
  const cut = () => {
    res.socket?.destroy();
    return res;
  };
  res.writeHead = cut as unknown as Response['writeHead'];
  res.write = cut as unknown as Response['write'];
  res.end = cut as unknown as Response['end'];
}
