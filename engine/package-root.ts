import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of Samenhang's package.json, found by walking up from this module: the source
 * (engine/) and the compiled output (dist/engine/) sit at different depths below it.
 */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
