// postmortem-lint: starts the CLI bundle beside this file (cli-core.js) from its V8 code cache.
import { join } from 'node:path';
import { runWithCodeCache } from './node/codeCache';

runWithCodeCache(join(__dirname, 'cli-core.js'));
