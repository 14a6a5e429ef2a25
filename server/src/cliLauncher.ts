// postmortem-lint: starts the CLI bundle beside this file (cli-core.js) from its V8 code cache.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from './node/codeCache';

/** V8's default budget of a function's work before it is considered for optimisation (Node 20: 66 KB of bytecode). */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;

// V8 optimises early, for pages that run for hours. A check is a short run: with four times the budget, fewer functions
// are optimised on the second core only to be deoptimised at the next file or dropped at exit. Over the 107 corpus
// reports: 1.66 → 1.55 s of wall time and 2.42 → 1.92 s of CPU; over 2,140 files 13.1–13.7 → 10.6–11.8 s. Set before
// the bundle runs, so every one of its functions starts with it; it is a counter V8 reads as it goes, safe to change.
setFlagsFromString(`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET}`);

runWithCodeCache(join(__dirname, 'cli-core.js'));
