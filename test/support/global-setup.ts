import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * Runs once per `jest` run: migrate a template database of this run's own, which each suite
 * copies (workers inherit the variable). A child process does it because Jest's global setup
 * sees neither the path aliases nor decorator metadata.
 */
export default function globalSetup(): void {
  process.env.ROUNDS_TEMPLATE_DB = `rounds_tpl_${randomBytes(5).toString('hex')}`;
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'test/support/create-template.ts'], {
    cwd: `${__dirname}/../..`,
    stdio: 'inherit',
    env: process.env,
  });
}
