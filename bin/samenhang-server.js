#!/usr/bin/env node
// The `samenhang-server` command: the web server and API, and `samenhang-server users …` for
// accounts (compiled, see compiled.js). The module starts on import and reads process.argv.
import { importCompiled } from './compiled.js';

await importCompiled('server/main.js', 'samenhang-server');
