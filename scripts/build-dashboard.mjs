// Type-checks the dashboard (the root tsconfig leaves it out) and builds it to apps/dashboard/dist,
// which the API serves at /.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DASHBOARD = join(ROOT, 'apps/dashboard');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const project of ['tsconfig.json', 'tsconfig.sw.json', 'tsconfig.node.json']) {
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(DASHBOARD, project)], {
    stdio: 'inherit',
  });
}
await build({ configFile: join(DASHBOARD, 'vite.config.mts'), logLevel: 'warn' });
console.log('built apps/dashboard/dist');
