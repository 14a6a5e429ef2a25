// `npm run test:vscode`: the extension-host suite (test/vscode) in a downloaded VS Code, through @vscode/test-cli.
// The workspace is a fresh folder with the five seeds (as seed-000.md ... seed-004.md) and a plain README.md.
import { defineConfig } from '@vscode/test-cli';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seeds = fileURLToPath(new URL('../shared/seeds/', import.meta.url));
if (!existsSync(seeds)) throw new Error(`The suite reads the seed reports from ${seeds}, which does not exist.`);
const workspaceFolder = mkdtempSync(join(tmpdir(), 'postmortem-vscode-test-'));
for (const name of readdirSync(seeds).filter((file) => /^\d{3}_.*\.md$/.test(file))) {
  copyFileSync(join(seeds, name), join(workspaceFolder, `seed-${name.slice(0, 3)}.md`));
}
writeFileSync(
  join(workspaceFolder, 'README.md'),
  '# Payments service\n\nHandles card payments for the checkout.\n\n## Install\n\n```sh\nnpm install\n```\n\n## Usage\n\nRun `npm start` and open http://localhost:3000.\n',
);

export default defineConfig({
  files: 'dist/test/vscode/**/*.test.js',
  workspaceFolder,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'tdd', timeout: 120_000 },
});
