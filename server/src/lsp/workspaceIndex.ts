/**
 * Every postmortem of the workspace folders, as the facts the workspace features need (title, sections, summary
 * facts, follow-ups; no parse trees). Read in the background at start, then kept current from file events and
 * from the analyses of open documents, which win over the disk.
 */
import type { AnalysisResult } from '../analysis/analyze';
import { reportFacts, type ReportFacts } from '../analysis/features/followUps';
import { isIndexable, markdownFiles, normalizeUri, type Exclusion, type WorkspaceFileSystem } from './workspaceFiles';

export interface IndexProgress {
  report(done: number, total: number): void;
  done(): void;
}

export interface WorkspaceIndexDeps {
  files: WorkspaceFileSystem;
  /** The workspace folders' uris. */
  folders(): string[];
  /** `files.exclude` of a folder. */
  exclusion(folder: string): Promise<Exclusion>;
  /** Analyses a file that is not open (detection and the model; no rules are needed). */
  analyze(uri: string, text: string): Promise<AnalysisResult>;
  isOpen(uri: string): boolean;
  /** Progress for a full read, when the client shows it. */
  progress(): Promise<IndexProgress | undefined>;
  /** The reports changed (debounced); `indexing` while a full read runs. */
  changed(state: { indexing: boolean; reports: number }): void;
  log(message: string): void;
}

/** Work between yields to the event loop, so requests and keystrokes are answered while the index is read. */
const SLICE_MS = 20;
const CHANGE_DELAY_MS = 100;

const yieldToEvents = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export class WorkspaceIndex {
  private readonly reports = new Map<string, ReportFacts>();
  /** Bumped by each full read, so a superseded one stops. */
  private generation = 0;
  private indexing = false;
  /** Files being read after their events: the change is announced once they are in. */
  private pendingReads = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: WorkspaceIndexDeps) {}

  entries(): Iterable<{ uri: string; facts: ReportFacts }> {
    return [...this.reports].map(([uri, facts]) => ({ uri, facts }));
  }

  get(uri: string): ReportFacts | undefined {
    return this.reports.get(normalizeUri(uri));
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  /** Reads every folder again (at start, and when folders, settings or rc files change). */
  async rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.indexing = true;
    const progress = await this.deps.progress().catch(() => undefined);
    try {
      const found: string[] = [];
      for (const folder of this.deps.folders()) found.push(...(await markdownFiles(this.deps.files, folder, await this.deps.exclusion(folder))));
      if (generation !== this.generation) return;
      const keep = new Set(found.map(normalizeUri));
      for (const uri of this.reports.keys()) if (!keep.has(uri) && !this.deps.isOpen(uri)) this.reports.delete(uri);
      let sliceStart = performance.now();
      for (const [index, uri] of found.entries()) {
        if (performance.now() - sliceStart > SLICE_MS) {
          progress?.report(index, found.length);
          await yieldToEvents();
          if (generation !== this.generation) return;
          sliceStart = performance.now();
        }
        if (!this.deps.isOpen(uri)) await this.readFromDisk(uri);
      }
    } catch (error) {
      this.deps.log(`Indexing the workspace's postmortems failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      progress?.done();
      if (generation === this.generation) {
        this.indexing = false;
        this.notify();
      }
    }
  }

  /** An open document was analysed: its facts replace what the disk said. */
  fromAnalysis(uri: string, result: AnalysisResult): void {
    if (!this.isInFolders(uri)) return;
    this.store(normalizeUri(uri), result);
    this.scheduleChanged();
  }

  /** A file event (created or changed on disk), or a document closed: read the file again unless it is open. */
  async fileChanged(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    if (this.deps.isOpen(key)) return;
    const folder = this.folderOf(key);
    if (!folder) return;
    this.pendingReads++;
    try {
      const relative = key.slice(folder.length + 1).split('/').map(decodeURIComponent).join('/');
      if (await isIndexable(this.deps.files, folder, relative, await this.deps.exclusion(folder))) await this.readFromDisk(key);
      else this.reports.delete(key);
    } finally {
      this.pendingReads--;
      this.scheduleChanged();
    }
  }

  /** A file or folder was deleted: its reports leave the index. */
  deleted(uri: string): void {
    const key = normalizeUri(uri);
    let changed = false;
    for (const known of [...this.reports.keys()]) {
      if (known === key || known.startsWith(`${key}/`)) changed = this.reports.delete(known) || changed;
    }
    if (changed) this.scheduleChanged();
  }

  private async readFromDisk(uri: string): Promise<void> {
    let text: string;
    try {
      text = await this.deps.files.readText(uri);
    } catch {
      this.reports.delete(uri);
      return;
    }
    try {
      this.store(uri, await this.deps.analyze(uri, text));
    } catch (error) {
      this.deps.log(`Indexing ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private store(uri: string, result: AnalysisResult): void {
    if (result.isPostmortem && result.document) this.reports.set(uri, reportFacts(result.document, fileName(uri)));
    else this.reports.delete(uri);
  }

  private folderOf(uri: string): string | undefined {
    return this.deps
      .folders()
      .map(normalizeUri)
      .filter((folder) => uri.startsWith(`${folder}/`))
      .sort((a, b) => b.length - a.length)[0];
  }

  private isInFolders(uri: string): boolean {
    return this.folderOf(normalizeUri(uri)) !== undefined;
  }

  /** Changes during a full read are announced once, when it ends; changes from file events once no file is being read. */
  private scheduleChanged(): void {
    if (this.indexing || this.pendingReads) return;
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.notify(), CHANGE_DELAY_MS);
  }

  private notify(): void {
    clearTimeout(this.changeTimer);
    this.deps.changed({ indexing: this.indexing, reports: this.reports.size });
  }
}
