import { describe, expect, it } from 'vitest';
import { flagsWithoutTsxLoader } from './pool.ts';

describe('flags of compiled sweep workers', () => {
  it('drop the tsx loader a parent started by tsx carries, and keep every other flag', () => {
    // The flags tsx 4 starts node with, around two flags of the user's.
    const parent = [
      '--max-old-space-size=2048',
      '--require',
      '/work/app/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///work/app/node_modules/tsx/dist/loader.mjs',
      '--import=tsx',
      '--import',
      './telemetry.mjs',
      '--enable-source-maps',
    ];
    expect(flagsWithoutTsxLoader(parent)).toEqual([
      '--max-old-space-size=2048',
      '--import',
      './telemetry.mjs',
      '--enable-source-maps',
    ]);
  });

  it('keep a module whose name only contains the letters tsx', () => {
    expect(flagsWithoutTsxLoader(['--import', './jsx-and-tsxish.mjs'])).toEqual(['--import', './jsx-and-tsxish.mjs']);
  });
});
