#!/usr/bin/env node
// The `samenhang` CLI (compiled, see compiled.js).
import { importCompiled } from './compiled.js';

const { main } = await importCompiled('engine/cli/main.js', 'samenhang');
process.exitCode = await main(process.argv.slice(2));
