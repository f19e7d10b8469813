import { GoogleControlClient } from '../google/google-control.client';
import { type RunningSandbox, startSandbox } from '../sandbox';
import type { SandboxContext } from '../sandbox-context';
import { SandboxControlClient } from '../sandbox-control.client';

/** A describe block's sandbox: where it listens, its state, and its control API for both fakes. */
export interface SandboxSuite {
  url: string;
  context: SandboxContext;
  control: SandboxControlClient;
  google: GoogleControlClient;
}

/** Starts the sandbox in this process before the block's tests, resets it before each one. */
export function useSandbox(): SandboxSuite {
  const suite = {} as SandboxSuite;
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox();
    suite.url = running.url;
    suite.context = running.context;
    suite.control = new SandboxControlClient(running.url);
    suite.google = new GoogleControlClient(running.url);
  });
  afterAll(() => running?.close());
  beforeEach(() => suite.control.reset());
  return suite;
}
