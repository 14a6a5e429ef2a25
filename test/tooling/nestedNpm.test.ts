import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';
import { runNested } from '../helpers/npm';

const temp = tempDir();
after(temp.remove);

/** What an outer `npm test` passes to test/e2e/setup.sh, plus a setting the user exported themselves. */
const OUTER_NPM_RUN: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_user_agent: 'npm/10.8.2 node/v18.20.0 linux x64 workspaces/false',
  npm_config_node_gyp: '/outer/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_local_prefix: '/outer/project',
  npm_config_global_prefix: '/outer/prefix',
  npm_execpath: '/outer/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test',
  npm_lifecycle_script: 'node scripts/test.mjs',
  npm_package_name: 'postmortem-writer',
  npm_package_version: '0.1.0',
  INIT_CWD: '/outer/project',
  npm_config_registry: 'https://registry.example.test/',
};

test("a nested npm run by the e2e setup reads its own Node and prefix, not the outer npm's; the user's settings stay", () => {
  // code-server's postinstall reads the Node version from npm_config_user_agent: the nested npm must write its own.
  writeFileSync(
    join(temp.dir, 'package.json'),
    JSON.stringify({
      name: 'nested',
      version: '1.0.0',
      scripts: {
        show: `node -e "const e = process.env; console.log(JSON.stringify({ agent: e.npm_config_user_agent, prefix: e.npm_config_local_prefix, event: e.npm_lifecycle_event, name: e.npm_package_name, registry: e.npm_config_registry }))"`,
      },
    }),
  );
  const run = runNested(['npm', 'run', '--silent', 'show'], { cwd: temp.dir, env: OUTER_NPM_RUN });
  assert.equal(run.status, 0, run.stderr);
  const seen = JSON.parse(run.stdout);
  assert.match(seen.agent, new RegExp(`^npm/[\\d.]+ node/${process.version.replace(/\./g, '\\.')} `));
  assert.deepEqual({ ...seen, agent: undefined }, { agent: undefined, prefix: temp.dir, event: 'show', name: 'nested', registry: 'https://registry.example.test/' });
});

test('forget_outer_npm_run leaves none of the outer run-script variables and keeps the rest of the environment', () => {
  const run = runNested(['env'], { cwd: temp.dir, env: OUTER_NPM_RUN });
  assert.equal(run.status, 0, run.stderr);
  const names = run.stdout.split('\n').map((line) => line.slice(0, line.indexOf('=')));
  const outer = ['npm_config_user_agent', 'npm_config_node_gyp', 'npm_config_local_prefix', 'npm_config_global_prefix', 'npm_execpath', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_name', 'npm_package_version', 'INIT_CWD'];
  assert.deepEqual(outer.filter((name) => names.includes(name)), []);
  assert.ok(names.includes('npm_config_registry') && names.includes('PATH') && names.includes('HOME'));
});
