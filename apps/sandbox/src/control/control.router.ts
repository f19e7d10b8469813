import express, { type ErrorRequestHandler, Router } from 'express';
import { buildFault, type FaultInput } from '../core/faults';
import { filterRequests, logWhenDone } from '../core/request-log';
import type { SandboxCore } from '../core/sandbox-core';

const MAX_LATENCY_MS = 120_000;

/**
 * `/_sandbox/*`: latency, faults, the request log, the clock and a full reset. Unknown paths fall
 * through: the Google fake serves its own `/_sandbox/google/*`.
 */
export function createControlRouter(
  core: SandboxCore,
  resetAll: () => void,
  platformRouters: Record<string, Router>,
): Router {
  const router = Router();
  router.use((req, res, next) => {
    logWhenDone(core, 'control', req, res);
    next();
  });
  router.use(express.json());

  router.get('/latency', (_req, res) => {
    res.json({ ms: core.latencyMs });
  });

  router.put('/latency', (req, res) => {
    const ms = req.body?.ms;
    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
      res.status(400).json({ error: `ms must be an integer between 0 and ${MAX_LATENCY_MS}` });
      return;
    }
    core.latencyMs = ms;
    res.json({ ms });
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: core.faults });
  });

  router.post('/faults', (req, res) => {
    const fault = buildFault((req.body ?? {}) as FaultInput, core.nextFaultId());
    if (typeof fault === 'string') {
      res.status(400).json({ error: fault });
      return;
    }
    core.faults.push(fault);
    res.status(201).json(fault);
  });

  router.delete('/faults', (_req, res) => {
    core.faults.length = 0;
    res.status(204).end();
  });

  router.get('/requests', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    res.json({ requests: filterRequests(core.requests, { platform: q.platform, path: q.path }) });
  });

  router.delete('/requests', (_req, res) => {
    core.requests.length = 0;
    res.status(204).end();
  });

  router.post('/clock', (req, res) => {
    const advanceMs = req.body?.advanceMs;
    if (!Number.isInteger(advanceMs) || advanceMs < 0) {
      res.status(400).json({ error: 'advanceMs must be a non-negative integer' });
      return;
    }
    core.advanceClock(advanceMs);
    res.json({ now: core.now().toISOString() });
  });

  router.post('/reset', (_req, res) => {
    resetAll();
    res.status(204).end();
  });

  for (const [platform, platformRouter] of Object.entries(platformRouters)) {
    router.use(`/${platform}`, platformRouter);
  }
  router.use(controlErrorHandler);
  return router;
}

const controlErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
  if (status === 500) console.error('[sandbox:control]', error);
  res.status(status).json({ error: error?.message ?? 'Internal error' });
};
