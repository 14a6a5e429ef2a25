/**
 * Every postmortem of the workspace folders, as the facts the workspace features need (title, sections, summary
 * facts, follow-ups; no parse trees). Read in the background at start, then kept current from file events and
 * from the analyses of open documents, which win over the disk.
 */
import type { AnalysisResult, AnalyzeInput } from '../analysis/analyze';
import type { ReportFacts } from '../analysis/features/followUps';
import { indexedFacts, indexedReport } from '../analysis/features/indexedReport';
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
  /** The analysis input of a file that is not open (its folder's settings, rc files). */
  inputFor(uri: string, text: string): Promise<AnalyzeInput>;
  /** Readers that take several files at once (worker threads), for a full read of `files` files; none reads in this thread. */
  bulkReader?(files: number): ReportReader | undefined;
  isOpen(uri: string): boolean;
  /** Progress for a full read, when the client shows it. */
  progress(): Promise<IndexProgress | undefined>;
  /** The reports changed (debounced); `indexing` while a full read runs. */
  changed(state: { indexing: boolean; reports: number }): void;
  log(message: string): void;
  /** What a full read did, for the server's log. */
  info(message: string): void;
}

/** Turns a closed file's analysis input into what the index keeps of it. */
export interface ReportReader {
  /** How many files it is handed before the first is awaited (enough to keep each of its threads busy). */
  readonly parallelism: number;
  read(input: AnalyzeInput, fallbackTitle: string): Promise<ReportFacts | undefined>;
  /** Where the files were read, for the log: "in 2 worker threads". */
  describe(): string;
  /** The full read is over: its threads end (resolves once they have, and their memory is given back). */
  close(): Promise<void>;
}

/** Reads one file at a time in the server's own thread (file events, small workspaces, the browser). */
const IN_THREAD: ReportReader = {
  parallelism: 1,
  read: async (input, fallbackTitle) => indexedReport(input, fallbackTitle),
  describe: () => "in the server's thread",
  close: async () => undefined,
};

/** A file read from disk: its facts (none for a file that is not a postmortem or is gone), or `failed` (the entry is kept). */
type DiskRead = { facts: ReportFacts | undefined } | 'failed';

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
    let reader = IN_THREAD;
    const started = performance.now();
    try {
      const found: string[] = [];
      for (const folder of this.deps.folders()) found.push(...(await markdownFiles(this.deps.files, folder, await this.deps.exclusion(folder))));
      if (generation !== this.generation) return;
      const keep = new Set(found.map(normalizeUri));
      for (const uri of this.reports.keys()) if (!keep.has(uri) && !this.deps.isOpen(uri)) this.reports.delete(uri);
      reader = this.deps.bulkReader?.(found.length) ?? IN_THREAD;
      // Files are handed out ahead and taken in walk order, so the index lists reports in the same order however they finish.
      const reading: Array<{ uri: string; read: Promise<DiskRead> }> = [];
      const takeOldest = async () => {
        const { uri, read } = reading.shift()!;
        const done = await read;
        if (generation === this.generation) this.apply(uri, done);
      };
      let sliceStart = performance.now();
      for (const [index, uri] of found.entries()) {
        if (performance.now() - sliceStart > SLICE_MS) {
          progress?.report(index, found.length);
          await yieldToEvents();
          if (generation !== this.generation) break;
          sliceStart = performance.now();
        }
        if (!this.deps.isOpen(uri)) reading.push({ uri, read: this.readFromDisk(uri, reader) });
        if (reading.length >= reader.parallelism) await takeOldest();
      }
      while (reading.length) await takeOldest();
      if (generation === this.generation) {
        this.deps.info(`Read ${found.length} Markdown files ${reader.describe()} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${this.reports.size} postmortems.`);
      }
    } catch (error) {
      this.deps.log(`Indexing the workspace's postmortems failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await reader.close();
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
    const key = normalizeUri(uri);
    this.apply(key, { facts: indexedFacts(result, fileName(key)) });
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
      if (await isIndexable(this.deps.files, folder, relative, await this.deps.exclusion(folder))) this.apply(key, await this.readFromDisk(key, IN_THREAD));
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

  private async readFromDisk(uri: string, reader: ReportReader): Promise<DiskRead> {
    let text: string;
    try {
      text = await this.deps.files.readText(uri);
    } catch {
      return { facts: undefined };
    }
    try {
      return { facts: await reader.read(await this.deps.inputFor(uri, text), fileName(uri)) };
    } catch (error) {
      this.deps.log(`Indexing ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed';
    }
  }

  private apply(uri: string, read: DiskRead): void {
    if (read === 'failed') return;
    if (read.facts) this.reports.set(uri, read.facts);
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
