// Bundles into dist/: the client, the server and the CLI for Node (CommonJS), and the browser build in dist/web/
// (vscode.dev, github.dev): the client for the web worker extension host (CommonJS, as VS Code loads it) and the
// server as a Web Worker script. The browser build fails if anything pulls in a Node built-in module.
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ESM builds: jsonc-parser's UMD main requires './impl/*' at run time, which a bundle cannot resolve.
  mainFields: ['module', 'main'],
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };
// Both run in Web Workers (the extension host and the server): no DOM. The `worker` condition picks the builds for them,
// e.g. decode-named-character-reference's instead of its `browser` one, which needs `document`.
const browser = { ...common, platform: 'browser', target: 'es2022', conditions: ['worker'], mainFields: ['browser', 'module', 'main'], plugins: [noNodeBuiltins()] };

/** Fails the browser build on any import of a Node built-in (`fs`, `node:path`, ...), naming the importer. */
function noNodeBuiltins() {
  const names = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[/]/g, '\\/'));
  const filter = new RegExp(`^(node:.*|(${names.join('|')})(\\/.*)?)$`);
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter }, (args) => ({
        errors: [{ text: `"${args.path}" is a Node built-in, which the browser build cannot use (imported by ${args.importer}).` }],
      }));
    },
  };
}

await Promise.all([
  esbuild.build({ ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  esbuild.build({ ...node, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  // postmortem-lint: a small entry that runs the CLI's bundle from a code cache (server/src/node/codeCache.ts).
  esbuild.build({ ...node, entryPoints: { cli: 'server/src/cliLauncher.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...node, entryPoints: { 'cli-core': 'server/src/cli.ts' }, outdir: 'dist' }),
  esbuild.build({ ...browser, format: 'cjs', entryPoints: { client: 'client/src/browserExtension.ts' }, outdir: 'dist/web', external: ['vscode'] }),
  esbuild.build({ ...browser, format: 'iife', entryPoints: { server: 'server/src/browserServer.ts' }, outdir: 'dist/web' }),
]);
