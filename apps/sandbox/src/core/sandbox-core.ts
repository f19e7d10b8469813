import type { RequestHandler } from 'express';
import type { Fault, SandboxContext } from '../sandbox-context';
import { applyFault, takeFault } from './faults';
import { logWhenDone } from './request-log';

/** The SandboxContext plus what only the sandbox's own shell and control API may do. */
export interface SandboxCore extends SandboxContext {
  setBaseUrl(url: string): void;
  /** Moves now() forward so tests can age tweets, tokens and rate windows without waiting. */
  advanceClock(ms: number): void;
  nextFaultId(): string;
  /** Faults, request log, latency and clock back to how the sandbox started. */
  resetCore(): void;
}

export function createSandboxCore(initialLatencyMs: number): SandboxCore {
  let baseUrl = '';
  let clockOffsetMs = 0;
  let faultSeq = 0;

  const core: SandboxCore = {
    latencyMs: initialLatencyMs,
    faults: [],
    requests: [],
    now: () => new Date(Date.now() + clockOffsetMs),
    baseUrl: () => baseUrl,
    platformMiddleware: (platform) => platformMiddleware(core, platform),
    setBaseUrl: (url) => {
      baseUrl = url;
    },
    advanceClock: (ms) => {
      clockOffsetMs += ms;
    },
    nextFaultId: () => `fault-${++faultSeq}`,
    resetCore: () => {
      core.latencyMs = initialLatencyMs;
      core.faults.length = 0;
      core.requests.length = 0;
      clockOffsetMs = 0;
    },
  };
  return core;
}

function platformMiddleware(ctx: SandboxContext, platform: Fault['platform']): RequestHandler {
  return (req, res, next) => {
    logWhenDone(ctx, platform, req, res);
    const fault = takeFault(ctx, platform, req);
    const answer = () => (fault ? applyFault(fault, res, next, ctx.now()) : next());
    // A timer per request, never a blocking wait: thousands of requests can wait at once.
    if (ctx.latencyMs > 0) setTimeout(answer, ctx.latencyMs);
    else answer();
  };
}
