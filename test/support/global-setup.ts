import { execFileSync } from 'node:child_process';

/**
 * Runs once per `jest` run: migrate the template database each suite copies. It runs in a child
 * process because Jest's global setup sees neither the path aliases nor decorator metadata.
 */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'test/support/create-template.ts'], {
    cwd: `${__dirname}/../..`,
    stdio: 'inherit',
  });
}
