import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Canonicalize = (input: unknown) => string | undefined;

/**
 * The `canonicalize` package (RFC 8785). It ships ESM with an import-only export map, which
 * CommonJS cannot name; Node 20's require(esm) loads the file itself, found on the usual paths.
 */
function load(): Canonicalize {
  const file = (require.resolve.paths('canonicalize') ?? [])
    .map((dir) => join(dir, 'canonicalize/lib/canonicalize.js'))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error('the canonicalize package is not installed');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  return (require(file) as { default: Canonicalize }).default;
}

export const canonicalize = load();
