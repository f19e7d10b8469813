import express, { type ErrorRequestHandler, Router } from 'express';
import type { SandboxContext } from '../sandbox-context';
import { xUserContextMiddleware } from './x-auth.middleware';
import { createXMediaRouter } from './x-media.router';
import { createXOAuthRouter } from './x-oauth.router';
import { sendXInvalid, sendXProblem } from './x-problems';
import { XQueryError } from './x-query';
import type { XStore } from './x-store';
import { createXTweetsRouter } from './x-tweets.router';
import { createXUsersRouter } from './x-users.router';

const X_PATHS = ['/2', '/i/oauth2'];

/** The fake X: api.x.com's `/2` API and x.com's OAuth consent page, mounted at the root. */
export function createXRouter(ctx: SandboxContext, store: XStore): Router {
  const now = () => ctx.now();
  const router = Router();
  // The body is read as it arrives, before latency and faults: like X, the sandbox carries out a
  // request it received in full even when the client hangs up while it is still working on it.
  router.use(
    '/2',
    express.json({ type: ['application/json', 'application/*+json'], limit: '2mb' }),
  );
  router.use(X_PATHS, ctx.platformMiddleware('x'));
  router.use(createXOAuthRouter(store, now));
  router.use('/2', xUserContextMiddleware(store, now));
  router.use(createXUsersRouter(store, now));
  router.use(createXTweetsRouter(store, now));
  router.use(createXMediaRouter(store, now));
  router.use('/2', (_req, res) => {
    res.status(404).json({ errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
  });
  router.use(X_PATHS, xErrorHandler);
  return router;
}

const xErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof XQueryError) {
    return sendXInvalid(res, error.message, { [error.parameter]: error.values });
  }
  if (error?.type === 'entity.parse.failed')
    return sendXInvalid(res, 'Request body is not valid JSON.');
  if (typeof error?.status === 'number' && error.status < 500) {
    return sendXProblem(res, error.status, error.message);
  }
  console.error('[sandbox:x]', error);
  sendXProblem(res, 500);
};
