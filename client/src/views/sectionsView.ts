import { ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { OutlineMissingSection, OutlineModel, OutlineSection } from '../../../server/src/lsp/protocol';
import { revealCommand, type OutlineNode } from './outlineTree';

/** The title syntaxes Markdown reads as headings. A bold line, a label or `###Title` still counts as a section, marked "not a heading". */
const HEADING_SYNTAXES = new Set(['atx', 'setext', 'html']);

function sectionNode(section: OutlineSection, uri: string): OutlineNode {
  const item = new TreeItem(section.title, TreeItemCollapsibleState.None);
  const known = section.kinds.length > 0;
  const notes = [section.empty ? 'empty' : undefined, HEADING_SYNTAXES.has(section.syntax) ? undefined : 'not a heading'].filter(Boolean);
  item.description = notes.join(', ') || undefined;
  if (section.empty) item.iconPath = new ThemeIcon('circle-large-outline', new ThemeColor('problemsWarningIcon.foreground'));
  else item.iconPath = known ? new ThemeIcon('pass', new ThemeColor('testing.iconPassed')) : new ThemeIcon('symbol-text');
  item.tooltip = section.empty ? `${section.title}: nothing written in this section yet.` : section.title;
  item.command = revealCommand(uri, section.headingRange);
  item.contextValue = 'section';
  return { item };
}

function missingNode(section: OutlineMissingSection, uri: string, template: string): OutlineNode {
  const item = new TreeItem(section.title, TreeItemCollapsibleState.None);
  item.description = section.required ? 'missing: click to add' : 'optional: click to add';
  item.iconPath = new ThemeIcon('add', section.required ? new ThemeColor('problemsWarningIcon.foreground') : undefined);
  item.tooltip = `The ${template} template ${section.required ? 'expects' : 'suggests'} a "${section.title}" section. Click to add it with a prompt.`;
  item.command = { title: 'Add section', command: 'postmortem.insertSection', arguments: [uri, section.id] };
  item.contextValue = 'missingSection';
  return { item };
}

/** The document's sections nested by heading level, then the template sections it lacks. */
export function renderSections(model: OutlineModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: Array<{ level: number; node: OutlineNode }> = [];
  for (const section of model.sections) {
    const node = sectionNode(section, model.uri);
    while (open.length && open[open.length - 1].level >= section.level) open.pop();
    const parent = open[open.length - 1]?.node;
    if (parent) {
      parent.children = [...(parent.children ?? []), node];
      parent.item.collapsibleState = TreeItemCollapsibleState.Expanded;
    } else {
      roots.push(node);
    }
    open.push({ level: section.level, node });
  }
  return [...roots, ...model.missingSections.map((section) => missingNode(section, model.uri, model.template))];
}
