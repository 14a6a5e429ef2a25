/**
 * The user journeys of issue 6, in a real VS Code: code-server started by test/e2e/run.sh with the packaged extension,
 * driven by Playwright in Debian's Chromium. Each journey opens its own workspace folder (prepared by run.sh) in a fresh
 * browser, acts through the UI only, and checks what the user sees or what lands on disk. Expected texts come from the
 * analysis core (the same functions the server runs) or are written out by hand.
 * run.sh runs them twice, each time in its own code-server: E2E_HOST=node with the packaged extension (its Node extension
 * host), E2E_HOST=web-worker with the web build alone (the browser's web worker extension host, as on vscode.dev); each
 * journey names the hosts it runs in.
 * Environment: E2E_HOST, E2E_URL, E2E_WORKSPACE, E2E_EXTENSIONS, E2E_ARTIFACTS, E2E_CHROMIUM; E2E_ONLY=name,name runs a subset;
 * E2E_VERBOSE=1 prints each step with its time; E2E_README_IMAGE=path copies the Postmortem view's screenshot there.
 * Prints one line per journey, then `N passed, N failed`; exits 1 if any failed.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze } from '../../server/src/analysis/analyze';
import { parseRc } from '../../server/src/analysis/config/files';
import { fixAll } from '../../server/src/analysis/fixes/fixAll';
import { expectedSnippetText, type SnippetDefinition } from './snippetText';
import { Workbench } from './workbench';

const BASE_URL = required('E2E_URL');
const WORKSPACE = required('E2E_WORKSPACE');
const ARTIFACTS = required('E2E_ARTIFACTS');
const EXTENSIONS = required('E2E_EXTENSIONS');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
type Host = 'node' | 'web-worker';
const HOST: Host = process.env.E2E_HOST === 'web-worker' ? 'web-worker' : 'node';
/**
 * A journey that takes longer is stuck: it fails and the next one starts. A passing one takes 20 to 40 s, the first
 * window's load on a busy machine up to 90 s more.
 */
const JOURNEY_TIMEOUT_MS = 180_000;
/** All journeys together: past this, the remaining ones fail unrun, so the whole run ends well within CI's time. */
const TOTAL_BUDGET_MS = 600_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys through test/e2e/run.sh`);
  return value;
}

interface Journey {
  name: string;
  /** The extension hosts it runs in: the Node one unless it says otherwise. */
  hosts?: Host[];
  /** The workspace folder it opens (under E2E_WORKSPACE). */
  folder: string;
  run(workbench: Workbench, folder: string): Promise<void>;
}

const readText = (path: string) => readFileSync(path, 'utf8');
const screenshot = (workbench: Workbench, name: string) => workbench.page.screenshot({ path: join(ARTIFACTS, `${HOST}-${name}.png`) });

const journeys: Journey[] = [
  {
    // (a) The seed's problems reach the Problems panel, each with its rule id and position.
    name: 'problems-panel',
    folder: 'problems',
    hosts: ['node', 'web-worker'],
    async run(workbench, folder) {
      const text = readText(join(folder, 'seed-003.md'));
      const { findings } = analyze({ text, relativePath: 'seed-003.md' });
      const headingProblems = findings.filter((finding) => finding.ruleId === 'heading-syntax');
      assert.ok(headingProblems.length > 0, 'the core finds heading-syntax problems in seed 003');

      await workbench.openFile('seed-003.md');
      await workbench.waitForSquiggle('warning');
      await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await workbench.runCommand('View: Toggle Maximized Panel');
      // The file's row carries the count: wait until it is the core's (diagnostics may come in two updates).
      const fileRow = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: new RegExp(`seed-003\\.md\\s*${findings.length}\\b`) });
      const countShown = await fileRow.first().waitFor().then(() => true, () => false);
      const rows = await workbench.problems();
      assert.ok(countShown, `the Problems panel shows the core's ${findings.length} problems for seed-003.md; rows:\n${rows.join('\n')}`);
      for (const finding of headingProblems) {
        const position = `[Ln ${finding.range.start.line + 1}, Col ${finding.range.start.character + 1}]`;
        // The row reads "message postmortem(heading-syntax) [Ln 9, Col 1]" (the parentheses are drawn by CSS).
        const row = rows.find((candidate) => /\bpostmortem\W+heading-syntax\b/.test(candidate) && candidate.includes(position));
        assert.ok(row, `a Problems row "postmortem(heading-syntax) ${position}" for "${finding.message}"; rows:\n${rows.join('\n')}`);
        assert.ok(row.includes(finding.message.split('\n')[0].slice(0, 60)), `the row shows the message "${finding.message}": ${row}`);
      }
      await screenshot(workbench, 'problems-panel');
    },
  },
  {
    // (b) The quick fix of `###Timeline:` writes a real heading, and nothing else changes.
    name: 'quick-fix',
    folder: 'quick-fix',
    hosts: ['node', 'web-worker'],
    async run(workbench, folder) {
      const path = join(folder, 'seed-003.md');
      const text = readText(path);
      const lines = text.split('\n');
      const line = lines.indexOf('###Timeline:');
      assert.ok(line >= 0, 'seed 003 has the line "###Timeline:"');
      const finding = analyze({ text, relativePath: 'seed-003.md' }).findings.find(
        (candidate) => candidate.ruleId === 'heading-syntax' && candidate.range.start.line === line,
      );
      assert.ok(finding?.fixes[0], 'the core offers a fix for "###Timeline:"');
      const expected = [...lines.slice(0, line), '### Timeline', ...lines.slice(line + 1)].join('\n');

      await workbench.openFile('seed-003.md');
      await workbench.waitForSquiggle('warning');
      await workbench.goToLine(line + 1);
      await workbench.chooseCodeAction(finding.fixes[0].title, () => workbench.runCommand('Quick Fix...'));
      await workbench.waitForDirty();
      await workbench.save();
      await screenshot(workbench, 'quick-fix');
      assert.equal(readText(path), expected);
    },
  },
  {
    // (c) "Postmortem: Fix All Problems" gives exactly the core's fix-all text (placeholders included, as in the editor).
    name: 'fix-all',
    folder: 'fix-all',
    async run(workbench, folder) {
      const path = join(folder, 'seed-003.md');
      const text = readText(path);
      const expected = fixAll({ text, relativePath: 'seed-003.md' }, { allowPlaceholders: true }).text;
      assert.notEqual(expected, text, 'seed 003 has fixable problems');
      assert.doesNotMatch(expected, /^#{1,6}[^#\s]/m, 'fix-all leaves no "###Title" line');

      await workbench.openFile('seed-003.md');
      await workbench.waitForSquiggle('warning');
      await workbench.runCommand('Postmortem: Fix All Problems');
      await workbench.waitForDirty();
      await workbench.save();
      await screenshot(workbench, 'fix-all');
      assert.equal(readText(path), expected);
    },
  },
  {
    // (d) Typing the prefix `postmortem` and choosing the snippet writes the whole report template.
    name: 'snippet',
    folder: 'snippet',
    async run(workbench, folder) {
      const snippet = findSnippet('postmortem');
      await workbench.openFile('incident.md');
      await workbench.focusEditor();
      await workbench.page.keyboard.type('postmortem');
      await workbench.page.keyboard.press('Control+Space');
      await workbench.chooseSuggestion('postmortem');
      // The one typed line became the template's many.
      await workbench.page.locator('.editor-instance .view-lines .view-line').nth(5).waitFor();
      await screenshot(workbench, 'snippet');
      // Leave the snippet (a choice list may be open at the first tab stop), then save.
      await workbench.page.keyboard.press('Escape');
      await workbench.page.keyboard.press('Escape');
      await workbench.save();
      const written = readText(join(folder, 'incident.md'));
      assert.match(written, expectedSnippetText(snippet.body, new Date(), 'incident.md'));
    },
  },
  {
    // (e) The Postmortem view lists the document's sections and its timeline entries.
    name: 'postmortem-view',
    folder: 'view',
    hosts: ['node', 'web-worker'],
    async run(workbench, folder) {
      const text = readText(join(folder, 'seed-002.md'));
      const { document } = analyze({ text, relativePath: 'seed-002.md' });
      assert.ok(document && document.sections.length && document.timeline.length, 'the core finds sections and a timeline in seed 002');

      await workbench.openFile('seed-002.md');
      // A view shows about ten rows in this window: check the first ones.
      const sections = document.sections.slice(0, 5);
      const sectionItems = await workbench.viewItems('Sections', sections.length);
      for (const section of sections) {
        assert.ok(sectionItems.some((item) => item.startsWith(section.title)), `the Sections view lists "${section.title}": ${sectionItems.join(' | ')}`);
      }
      const entries = document.timeline.slice(0, 5);
      const timelineItems = await workbench.viewItems('Timeline', entries.length);
      for (const entry of entries) {
        assert.ok(timelineItems.some((item) => item.includes(entry.text)), `the Timeline view lists "${entry.text}": ${timelineItems.join(' | ')}`);
      }
      await screenshot(workbench, 'postmortem-view');
      const readmeImage = process.env.E2E_README_IMAGE;
      if (readmeImage && HOST === 'node') {
        mkdirSync(dirname(readmeImage), { recursive: true });
        copyFileSync(join(ARTIFACTS, 'node-postmortem-view.png'), readmeImage);
      }
    },
  },
  {
    // (f) New Postmortem asks for a template and a title, then writes postmortems/YYYY-MM-DD-<slug>.md and opens it.
    name: 'new-postmortem',
    folder: 'new-postmortem',
    async run(workbench, folder) {
      await workbench.runCommand('Postmortem: New Postmortem');
      await workbench.pick('Essential');
      await workbench.answerInput('Checkout API outage');
      const name = `${localDate(new Date())}-checkout-api-outage.md`;
      workbench.step(`wait for the editor of ${name}`);
      await workbench.activeTab(name).waitFor();
      const path = join(folder, 'postmortems', name);
      workbench.step(`wait for ${name} on disk`);
      // The command writes the file, fills it from the template and saves it.
      await waitFor(() => existsSync(path) && readText(path).length > 0, `${path} to be written`);
      await screenshot(workbench, 'new-postmortem');
      const written = readText(path);
      assert.match(written, /^# (.*\W)?Checkout API outage$/m, 'the report\'s heading names the incident');
      const result = analyze({ text: written, relativePath: `postmortems/${name}` });
      assert.ok(result.isPostmortem, 'the new file is detected as a postmortem');
      const missing = result.findings.filter((finding) => finding.ruleId === 'missing-section');
      assert.deepEqual(missing.map((finding) => finding.message), [], 'the Essential template has every section it requires');
    },
  },
  {
    // (g) A README-like Markdown file gets no diagnostics, while a postmortem next to it does.
    name: 'readme-quiet',
    folder: 'readme',
    async run(workbench) {
      await workbench.openFile('notes.md');
      // The server analyses documents in the order they open: once the postmortem's squiggles show, notes.md is done.
      await workbench.openFile('seed-003.md');
      await workbench.waitForSquiggle('warning');
      const rows = await workbench.problems();
      assert.ok(rows.some((row) => row.includes('seed-003.md')), `the postmortem has problems: ${rows.join(' | ')}`);
      assert.ok(!rows.some((row) => row.includes('notes.md')), `notes.md has no problems: ${rows.join(' | ')}`);
      await workbench.openFile('notes.md');
      await workbench.settle(500);
      assert.equal(await workbench.page.locator('.editor-instance [class*="squiggly-"]').count(), 0, 'no squiggles in notes.md');
      await screenshot(workbench, 'readme-quiet');
    },
  },
  {
    // (h) A `.postmortemrc.json` in the folder raises heading-syntax to an error: the web build reads it through the
    // editor's file system (its server, in a Web Worker, has no disk).
    name: 'rc-severity',
    folder: 'rc-severity',
    hosts: ['web-worker'],
    async run(workbench, folder) {
      const text = readText(join(folder, 'seed-003.md'));
      const { layer } = parseRc('.postmortemrc.json', readText(join(folder, '.postmortemrc.json')));
      assert.ok(layer, 'the folder has a valid .postmortemrc.json');
      const errors = analyze({ text, relativePath: 'seed-003.md', layers: [layer] }).findings.filter((finding) => finding.severity === 'error');
      assert.ok(errors.length > 0 && errors.every((finding) => finding.ruleId === 'heading-syntax'), 'with the rc file, the core reports heading-syntax errors');
      assert.ok(!analyze({ text, relativePath: 'seed-003.md' }).findings.some((finding) => finding.severity === 'error'), 'without it, no errors');

      await workbench.openFile('seed-003.md');
      await workbench.waitForSquiggle('error');
      await workbench.problems();
      const errorRows = workbench.page.locator('.markers-panel .monaco-list-row', { has: workbench.page.locator('.codicon-error') });
      const rows = await errorRows.evaluateAll((elements) => elements.map((element) => (element as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));
      await screenshot(workbench, 'rc-severity');
      assert.equal(rows.length, errors.length, `the Problems panel shows the core's ${errors.length} errors: ${rows.join(' | ')}`);
      assert.ok(rows.every((row) => /\bpostmortem\W+heading-syntax\b/.test(row)), `every error is heading-syntax: ${rows.join(' | ')}`);
    },
  },
  {
    // (i) The Follow-ups view lists the action items of every report in the workspace, the overdue one first, and
    // "Mark Done" on it ticks its box in the file.
    name: 'follow-ups',
    folder: 'follow-ups',
    async run(workbench, folder) {
      const overdue = 'Alert on connection-pool saturation';
      const rows = await workbench.viewItems('Follow-ups', 6);
      const firstItem = rows.findIndex((row) => /Lower the DNS TTL|Alert on connection-pool|Purge the CDN cache/.test(row));
      assert.ok(rows[firstItem]?.includes(overdue), `the overdue item is listed first: ${rows.join(' | ')}`);
      for (const text of ['Lower the DNS TTL to 60 seconds', 'Purge the CDN cache on every deploy']) {
        assert.ok(rows.some((row) => row.includes(text)), `the Follow-ups view lists "${text}": ${rows.join(' | ')}`);
      }
      await screenshot(workbench, 'follow-ups');

      const file = join(folder, 'postmortems', 'database.md');
      const row = workbench.page.locator('.pane-body .monaco-list-row', { hasText: overdue });
      await row.hover();
      workbench.step('Mark Done on the overdue item');
      await row.locator('.actions .action-label[aria-label="Mark Done"]').click();
      await waitFor(() => readText(file).includes(`- [x] ${overdue}`), 'the task box ticked in database.md');
      assert.ok(readText(file).includes(`- [x] ${overdue} (owner: @ana, due: 2001-01-01)`), readText(file));
    },
  },
  {
    // (j) Show Incident Timeline draws the seed's entries in a webview; clicking one reveals its line in the editor.
    name: 'incident-timeline',
    folder: 'timeline-chart',
    async run(workbench, folder) {
      const text = readText(join(folder, 'seed-002.md'));
      const { document } = analyze({ text, relativePath: 'seed-002.md' });
      const timed = document!.timeline.filter((entry) => entry.instant !== undefined);
      assert.ok(timed.length > 3, 'the core resolves the times of seed 002');

      await workbench.openFile('seed-002.md');
      // Seed 002's problems are below the first screen (no squiggle to wait for): the palette shows the command once
      // the server has read the report as a postmortem.
      await workbench.runCommand('Postmortem: Show Incident Timeline', 90_000);
      workbench.step('wait for the chart in the webview');
      const chart = workbench.page.frameLocator('iframe.webview').first().frameLocator('#active-frame');
      const entries = chart.locator('g.entry[data-line]');
      await entries.nth(timed.length - 1).waitFor();
      const labels = await entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
      assert.equal(labels.length, timed.length, `the chart shows every timed entry: ${labels.join(' | ')}`);
      for (const entry of timed) assert.ok(labels.some((label) => label.startsWith(entry.text)), `the chart shows "${entry.text}": ${labels.join(' | ')}`);
      await screenshot(workbench, 'incident-timeline');

      const last = timed[timed.length - 1];
      workbench.step(`click "${last.text}" in the chart`);
      await chart.locator(`g.entry[data-line="${last.lineRange.start.line}"] text`).click();
      await workbench.page.locator('.statusbar-item', { hasText: `Ln ${last.lineRange.start.line + 1}, Col 1` }).first().waitFor();
    },
  },
];

/** The Markdown snippet with this prefix, read from the installed extension (what the user got from the .vsix). */
function findSnippet(prefix: string): SnippetDefinition {
  const extension = readdirSync(EXTENSIONS).find((name) => name.startsWith('postmortem-writer.postmortem-writer-'));
  assert.ok(extension, `the extension is installed in ${EXTENSIONS}`);
  const root = join(EXTENSIONS, extension);
  const manifest = JSON.parse(readText(join(root, 'package.json'))) as { contributes?: { snippets?: { language: string; path: string }[] } };
  for (const contribution of manifest.contributes?.snippets ?? []) {
    if (contribution.language !== 'markdown') continue;
    // Snippet files are JSON with comments.
    const snippets = parseJsonc(readText(join(root, contribution.path))) as Record<string, SnippetDefinition>;
    const found = Object.values(snippets).find((snippet) => [snippet.prefix].flat().includes(prefix));
    if (found) return found;
  }
  throw new Error(`no Markdown snippet with the prefix "${prefix}" in the extension's contributes.snippets`);
}

function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE_URL}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer at ${BASE_URL}/healthz within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One journey in its own browser: a crash or a stuck page cannot leak into the next. */
async function runJourney(journey: Journey, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const opened = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    opened.setDefaultTimeout(30_000);
    page = opened;
    const folder = join(WORKSPACE, journey.folder);
    await withTimeout(
      Workbench.open(opened, BASE_URL, folder).then((workbench) => journey.run(workbench, folder)),
      timeoutMs,
    );
    console.log(`ok     ${HOST} ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    console.log(`FAILED ${HOST} ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${error instanceof Error ? error.message : String(error)}`);
    // The screen at the failure is the most useful artifact.
    await page?.screenshot({ path: join(ARTIFACTS, `${HOST}-${journey.name}.png`) }).catch(() => undefined);
    return false;
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const only = process.env.E2E_ONLY?.split(',').filter(Boolean);
  const selected = journeys.filter((journey) => (journey.hosts ?? ['node']).includes(HOST) && (!only || only.includes(journey.name)));
  const unknown = only?.filter((name) => !journeys.some((journey) => journey.name === name)) ?? [];
  if (unknown.length) {
    console.log(`E2E_ONLY names no journey: ${unknown.join(', ')} (journeys: ${journeys.map((journey) => journey.name).join(', ')})`);
    console.log(`0 passed, ${unknown.length} failed`);
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  try {
    const deadline = started + TOTAL_BUDGET_MS;
    await waitForServer();
    for (const journey of selected) {
      const remaining = deadline - Date.now();
      if (remaining < 10_000) {
        console.log(`FAILED ${journey.name}: not run, the journeys' time budget (${TOTAL_BUDGET_MS / 1000} s) is spent`);
        failed++;
      } else if (await runJourney(journey, Math.min(JOURNEY_TIMEOUT_MS, remaining))) passed++;
      else failed++;
    }
  } catch (error) {
    console.log(`FAILED before the journeys: ${error instanceof Error ? error.message : String(error)}`);
    failed = selected.length - passed;
  }
  console.log(`journeys: ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
