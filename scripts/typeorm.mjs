#!/usr/bin/env node
// Runs the TypeORM CLI on the TypeScript data source: `npm run migration:generate -- Name`.
import { spawnSync } from 'node:child_process';

const [command, name] = process.argv.slice(2);
const args = ['-r', '@swc-node/register', 'node_modules/typeorm/cli.js', command];
if (command === 'migration:generate') {
  if (!name) {
    console.error('usage: npm run migration:generate -- <PascalCaseName>');
    process.exit(2);
  }
  args.push(`libs/database/src/migrations/${name}`, '--pretty');
}
args.push('-d', 'libs/database/src/data-source.ts');
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
