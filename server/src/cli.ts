// postmortem-lint: the command-line twin of the language server, on the same analysis core.
import { main } from './cli/main';

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
