// postmortem-lint: the command-line twin of the language server, on the same analysis core.
import { main } from './cli/main';

// A reader that stops early (`postmortem-lint … | head`) closes the pipe: the rest of the output has nowhere to go,
// and the exit code still says what the check found.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
