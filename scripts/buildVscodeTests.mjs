// Bundles the extension-host suite (test/vscode/*.test.ts) into dist/test/vscode/ for `vscode-test`
// (see .vscode-test.mjs). `vscode` comes from the extension host; mocha's globals from the test runner.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const entryPoints = readdirSync('test/vscode')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/vscode/${name}`);

await esbuild.build({
  entryPoints,
  outdir: 'dist/test/vscode',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
