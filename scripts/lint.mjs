#!/usr/bin/env node
// `npm run lint`'s ESLint part: the typed rules and the boundaries over the whole tree need more
// than Node's default heap, so the sources and the tests run as two processes with room to spare.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const eslint = fileURLToPath(new URL('../node_modules/eslint/bin/eslint.js', import.meta.url));
for (const paths of [
  ['apps', 'libs', 'scripts'],
  ['test', 'bench'],
]) {
  const { status } = spawnSync(process.execPath, ['--max-old-space-size=6144', eslint, ...paths], {
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
