/**
 * Drives one code-server window the way a user does: Explorer clicks, the command palette, the keyboard.
 * Every wait is on a condition the user would see (a row, a squiggle, a tab losing its dirty dot), never a fixed sleep
 * beyond a short settle delay.
 */
import type { Locator, Page } from 'playwright-core';

/** How long the first diagnostics may take: the extension activates and the language server starts. */
const SERVER_START_TIMEOUT_MS = 60_000;
const PAGE_LOAD_TIMEOUT_MS = 90_000;

export class Workbench {
  private readonly started = Date.now();

  constructor(readonly page: Page) {}

  /** With E2E_VERBOSE=1, each step and when it started: where a slow or stuck journey spends its time. */
  step(what: string): void {
    if (process.env.E2E_VERBOSE === '1') console.log(`       [${((Date.now() - this.started) / 1000).toFixed(1)} s] ${what}`);
  }

  /** Opens the folder in a new window of the page and waits until its Explorer lists the files. */
  static async open(page: Page, baseUrl: string, folder: string): Promise<Workbench> {
    // A busy machine (CI's two cores, a parallel build) can take well over Playwright's 30 s default to serve the
    // workbench while another window's extension host is still shutting down.
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`, { timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.locator('.monaco-workbench').waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.locator('.explorer-folders-view [role="treeitem"]').first().waitFor();
    return new Workbench(page);
  }

  /** Opens a file of the folder's top level from the Explorer and waits for its editor. */
  async openFile(name: string): Promise<void> {
    this.step(`open ${name}`);
    await this.explorerItem(name).click();
    await this.activeTab(name).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  explorerItem(name: string): Locator {
    return this.page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
  }

  /** The active editor tab of a file (its aria-label is the file name, maybe followed by ", preview"). */
  activeTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`);
  }

  /** Puts the keyboard focus in the active editor, cursor where it was. */
  async focusEditor(): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
  }

  /** Waits until the active editor shows a squiggle of this severity. */
  async waitForSquiggle(severity: 'error' | 'warning' | 'info' = 'warning'): Promise<void> {
    this.step(`wait for a ${severity} squiggle`);
    await this.page.locator(`.editor-instance .squiggly-${severity}`).first().waitFor({ timeout: SERVER_START_TIMEOUT_MS });
  }

  /**
   * Runs a command from the palette (F1) by its exact label, e.g. `View: Focus Problems (Errors, Warnings, Infos)`.
   * The palette lists the commands known when it opens: one contributed by an extension still starting, or hidden by a
   * `when` clause the extension has not set yet, shows up on a later try.
   */
  async runCommand(label: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const input = this.page.locator('.quick-input-widget input.input');
    const row = this.quickPickRow(label);
    for (;;) {
      this.step(`command: ${label}`);
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${label}`);
      try {
        await row.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the command palette has no command "${label}"`, { cause: error });
        await this.page.keyboard.press('Escape');
      }
    }
    await row.click();
    // The widget may stay open for the command's own question: wait for the list to change, not for the widget to close.
    await row.waitFor({ state: 'hidden' });
  }

  /**
   * Chooses the entry of the open quick pick (a template picker) whose label is `label`, waiting for it: the row's
   * aria-label may add a keybinding or a description, so the label element is compared.
   */
  async pick(label: string): Promise<void> {
    this.step(`pick ${label}`);
    const row = this.quickPickRow(label);
    await row.click();
    await row.waitFor({ state: 'hidden' });
  }

  private quickPickRow(label: string): Locator {
    return this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
      .first();
  }

  /**
   * The entries a view of the Postmortem container shows (each row's label and description), once it shows at least
   * `count`. Only the rows in sight exist in the page, so ask for no more than the view can show.
   */
  async viewItems(view: string, count: number): Promise<string[]> {
    await this.runCommand(`Postmortem: Focus on ${view} View`);
    const pane = this.page
      .locator('.pane')
      .filter({ has: this.page.locator('.pane-header .title', { hasText: new RegExp(`^\\s*${escapeRegExp(view)}\\s*$`, 'i') }) });
    const rows = pane.locator('.pane-body .monaco-list-row');
    await rows.nth(count - 1).waitFor();
    return rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  }

  /**
   * Opens the Quick Fix / Source Action menu with `open` and chooses a code action by its title. The menu lists the
   * actions known when it opens: opened before the server's diagnostics of the line arrived, it lacks their fixes,
   * which a later try has.
   */
  async chooseCodeAction(title: string, open: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const row = this.page
      .locator('.action-widget .monaco-list-row.action')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) })
      .first();
    for (;;) {
      await open();
      this.step(`code action: ${title}`);
      try {
        await row.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await row.click();
    await row.waitFor({ state: 'hidden' });
  }

  /** Accepts the snippet with this prefix from the open suggestion list (rows read "prefix, description, Snippet"). */
  async chooseSuggestion(prefix: string): Promise<void> {
    this.step(`suggestion: ${prefix}`);
    const row = this.page.locator(`.suggest-widget .monaco-list-row[aria-label^="${prefix}, "][aria-label$=", Snippet"]`).first();
    await row.click();
    await row.waitFor({ state: 'hidden' });
  }

  /** Answers the open input box (a title, a name) and confirms it. */
  async answerInput(text: string): Promise<void> {
    this.step(`answer ${text}`);
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Moves the cursor of the active editor to the start of a 1-based line ("Go to Line/Column..."). */
  async goToLine(line: number): Promise<void> {
    this.step(`go to line ${line}`);
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col 1` }).first().waitFor();
  }

  /** The rows of the Problems panel (files and their problems), as the text the user reads. */
  async problems(): Promise<string[]> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    return rows.evaluateAll((elements) => elements.map((element) => (element as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty, i.e. the file is written. */
  async save(): Promise<void> {
    this.step('save');
    await this.page.keyboard.press('Control+s');
    await this.page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
  }

  /** Waits until the active tab has unsaved changes (an edit landed). */
  async waitForDirty(): Promise<void> {
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor();
  }

  async settle(ms = 300): Promise<void> {
    await this.page.waitForTimeout(ms);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
