import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult, type AnalyzeInput } from '../analysis/analyze';
import { settingsLayer } from '../analysis/config/config';
import { ParseCache } from '../analysis/parsing/incrementalParse';
import { calendarDate } from '../analysis/features/followUps';
import type { TextEdit } from '../analysis/types';
import type { RcFiles } from './rcFiles';
import type { ServerSettings, SettingsStore } from './settings';
import type { WorkspaceFolders } from './workspace';

/** One analysis of one document version: every provider (diagnostics, code actions, symbols, outline) reads it. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  /** What `analyze()` was given, so fix-all re-analyses with the same configuration. */
  input: AnalyzeInput;
  result: AnalysisResult;
  /** The document's parse cache the analysis parsed with: fix-all's passes start from its trees. */
  parseCache: ParseCache;
  settings: ServerSettings;
  /** Fix-all edits already computed for this version, by rule (`*` for all) and placeholder choice. */
  fixAllEdits: Map<string, TextEdit | undefined>;
}

interface Entry {
  version: number;
  generation: number;
  analysis: Promise<DocumentAnalysis>;
}

/** Settings, `.postmortemrc.json` layers and the workspace-relative path for a document. */
export async function analysisInput(
  uri: string,
  text: string,
  context: { settings: SettingsStore; rcFiles: RcFiles; folders: WorkspaceFolders },
  /** Whose settings apply: the document's, or (for the many files the workspace index reads) its folder's. */
  settingsUri = uri,
): Promise<{ input: AnalyzeInput; settings: ServerSettings }> {
  const settings = await context.settings.get(settingsUri);
  const rc = await context.rcFiles.layersFor(uri);
  const relativePath = context.folders.relativePath(uri);
  // The analysis reads no clock: today's date comes in with the configuration, for the rules about deadlines.
  return { settings, input: { text, layers: [{ today: calendarDate(new Date()) }, settingsLayer(settings), ...rc], relativePath } };
}

/**
 * The analysis of each open document's current version, computed once and shared. A change of settings
 * or rc files starts a new generation: the next request analyses again.
 */
export class Analyses {
  private readonly entries = new Map<string, Entry>();
  /** Each open document's parsed chunks: a keystroke re-parses only the part of the text it changed. */
  private readonly parseCaches = new Map<string, ParseCache>();
  /** The document analysed last: the only one whose parse cache keeps spare chunks (see `forgetSpares`). */
  private editing?: string;
  private generation = 0;

  constructor(private readonly inputFor: (uri: string, text: string) => Promise<{ input: AnalyzeInput; settings: ServerSettings }>) {}

  get(document: TextDocument): Promise<DocumentAnalysis> {
    const { uri, version } = document;
    const known = this.entries.get(uri);
    if (known && known.version === version && known.generation === this.generation) return known.analysis;
    // The document object is updated in place by later changes: take this version's text now.
    const text = document.getText();
    if (this.editing !== uri) {
      if (this.editing) this.parseCaches.get(this.editing)?.forgetSpares();
      this.editing = uri;
    }
    const analysis = this.inputFor(uri, text).then(({ input, settings }) => {
      const parseCache = this.parseCacheOf(uri);
      return {
        uri,
        version,
        input,
        result: analyze({ ...input, parseCache }),
        parseCache,
        settings,
        fixAllEdits: new Map<string, TextEdit | undefined>(),
      };
    });
    const entry = { version, generation: this.generation, analysis };
    this.entries.set(uri, entry);
    // A failed analysis is not kept: the next request tries again.
    analysis.catch(() => {
      if (this.entries.get(uri) === entry) this.entries.delete(uri);
    });
    return analysis;
  }

  invalidateAll(): void {
    this.generation++;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.parseCaches.delete(uri);
  }

  private parseCacheOf(uri: string): ParseCache {
    let cache = this.parseCaches.get(uri);
    if (!cache) this.parseCaches.set(uri, (cache = new ParseCache()));
    return cache;
  }
}
