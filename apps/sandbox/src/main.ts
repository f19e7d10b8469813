import { startSandbox } from './sandbox';

/**
 * Runs the sandbox as its own process: `SANDBOX_PORT` (4100), `SANDBOX_HOST`, `SANDBOX_LATENCY_MS`;
 * `PUBLIC_URL` (Rounds') is where the OpenID provider's demo client returns.
 */
async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT || 4100),
    host: process.env.SANDBOX_HOST || '127.0.0.1',
    latencyMs: Number(process.env.SANDBOX_LATENCY_MS || 0),
    oidcDemoRedirectUri: process.env.PUBLIC_URL
      ? `${process.env.PUBLIC_URL}/api/v1/auth/sso/callback`
      : undefined,
  });
  console.log(`sandbox listening on ${sandbox.url} (control API at ${sandbox.url}/_sandbox)`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('sandbox failed to start:', error);
  process.exit(1);
});
