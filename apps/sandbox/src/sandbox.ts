import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import { createControlRouter } from './control/control.router';
import { createSandboxCore } from './core/sandbox-core';
import { createGoogleRouter } from './google/google.router';
import { createOidcProvider, OIDC_PATH } from './oidc/oidc-provider';
import type { SandboxContext } from './sandbox-context';
import { createXControlRouter } from './x/x-control.router';
import { createXRouter } from './x/x.router';
import { XStore } from './x/x-store';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  latencyMs?: number;
  /** Where the OpenID provider's demo client returns (Rounds' SSO callback). */
  oidcDemoRedirectUri?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  context: SandboxContext;
  close(): Promise<void>;
}

// Longer than any client's idle keep-alive, so a reused socket is never closed under a request.
const KEEP_ALIVE_MS = 65_000;
const BACKLOG = 4096;

/** Starts the fake X, YouTube and OAuth servers with their control API on one HTTP port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const core = createSandboxCore(options.latencyMs ?? 0);
  const now = () => core.now();
  const xStore = new XStore(now);
  // Rebuilt on reset: the Google fake keeps its state inside its router.
  let google: Router = createGoogleRouter(core);
  const resetAll = () => {
    core.resetCore();
    xStore.reset();
    google = createGoogleRouter(core);
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Created once the port (and so the issuer URL) is known.
  const oidc: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  app.use(OIDC_PATH, (req, res, next) => (oidc.handle ? oidc.handle(req, res) : next()));
  app.use(
    '/_sandbox',
    createControlRouter(core, resetAll, { x: createXControlRouter(xStore, now) }),
  );
  app.use(createXRouter(core, xStore));
  app.use((req, res, next) => google(req, res, next));
  app.use((req, res) => {
    res.status(404).json({ error: `No sandbox endpoint ${req.method} ${req.path}` });
  });

  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS }, app);
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const url = `http://${urlHost(options.host ?? '127.0.0.1')}:${port}`;
  core.setBaseUrl(url);
  oidc.handle = createOidcProvider(
    url,
    options.oidcDemoRedirectUri ?? 'http://localhost:3000/api/v1/auth/sso/callback',
  ).callback();
  return { url, port, context: core, close: () => close(server) };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: BACKLOG }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Stops listening and cuts every open connection, held-open fault requests included. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
