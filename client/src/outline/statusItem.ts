import { LanguageStatusSeverity, languages, type Disposable } from 'vscode';
import type { OutlineModel } from '../../../server/src/lsp/protocol';
import { SERVED_SCHEMES } from '../languageClient';
import type { OutlineTracker } from './outlineTracker';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text, detail and severity of the status item for the active Markdown file's outline. */
export function describeOutline(model: OutlineModel | undefined): { text: string; detail?: string; severity: LanguageStatusSeverity; busy: boolean } {
  const { Information, Warning } = LanguageStatusSeverity;
  if (!model) return { text: 'Postmortem', detail: 'checking…', severity: Information, busy: true };
  if (model.skipped) return { text: 'Postmortem: not checked', detail: model.skipped, severity: Information, busy: false };
  if (!model.isPostmortem) {
    return { text: 'Not a postmortem', detail: 'no postmortem title, sections or "type: postmortem" front matter', severity: Information, busy: false };
  }
  const detail = model.unknownTemplate ? `template "${model.unknownTemplate}" not found, using ${model.template}` : undefined;
  return {
    text: `Postmortem: ${plural(model.problems, 'problem')} · template ${model.template}`,
    detail,
    severity: model.problems > 0 || model.unknownTemplate ? Warning : Information,
    busy: false,
  };
}

/** The `{}` language status of Markdown files: problem count and template, with a link to the settings. */
export function registerStatusItem(tracker: OutlineTracker): Disposable {
  const selector = SERVED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));
  const item = languages.createLanguageStatusItem('postmortem.status', selector);
  item.name = 'Postmortem Writer';
  item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['postmortem'], tooltip: 'Open the Postmortem Writer settings' };
  const update = (model: OutlineModel | undefined) => Object.assign(item, describeOutline(model));
  update(tracker.model);
  const subscription = tracker.onDidChange(update);
  return {
    dispose() {
      subscription.dispose();
      item.dispose();
    },
  };
}
