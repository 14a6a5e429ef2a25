import type { Detection, PostmortemSettings, RuleSetting } from '../analysis/config/config';
import { describeError, type Log } from './guard';

/** The `postmortem.*` settings the server reads: the analysis settings plus editor-only ones. */
export interface ServerSettings extends PostmortemSettings {
  /** Milliseconds to wait after the last keystroke before checking the document. */
  debounce?: number;
  inlayHints?: { elapsed?: boolean };
}

export const DEFAULT_DEBOUNCE_MS = 150;
const MAX_DEBOUNCE_MS = 10_000;
const DETECTIONS: readonly Detection[] = ['auto', 'always', 'never'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps only well-typed settings: they come from any client's JSON (a hand-written Neovim table, a typo in
 * settings.json), and a wrong type must mean "default", not a crash deeper in the analysis.
 */
export function sanitizeSettings(raw: unknown): ServerSettings {
  if (!isObject(raw)) return {};
  const settings: ServerSettings = {};
  if (DETECTIONS.includes(raw.detection as Detection)) settings.detection = raw.detection as Detection;
  if (Array.isArray(raw.files)) settings.files = raw.files.filter((glob): glob is string => typeof glob === 'string' && glob.length > 0);
  if (typeof raw.template === 'string' && raw.template.trim()) settings.template = raw.template.trim();
  if (isObject(raw.rules)) settings.rules = raw.rules as Record<string, RuleSetting>;
  if (typeof raw.defaultTimezone === 'string' && raw.defaultTimezone.trim()) settings.defaultTimezone = raw.defaultTimezone.trim();
  if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) settings.maxFileSize = raw.maxFileSize;
  if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce) && raw.debounce >= 0) settings.debounce = Math.min(raw.debounce, MAX_DEBOUNCE_MS);
  if (isObject(raw.inlayHints) && typeof raw.inlayHints.elapsed === 'boolean') settings.inlayHints = { elapsed: raw.inlayHints.elapsed };
  return settings;
}

/** `{ postmortem: {...} }` (as VS Code and Neovim send whole settings trees) or the section itself. */
export function postmortemSection(raw: unknown): unknown {
  return isObject(raw) && isObject(raw.postmortem) ? raw.postmortem : raw;
}

/**
 * The settings of each document. Pulled with `workspace/configuration` (scoped to the document, so
 * per-folder settings apply) when the client supports it; otherwise the pushed ones
 * (`initializationOptions.settings`, then `workspace/didChangeConfiguration`).
 */
export class SettingsStore {
  private readonly pulled = new Map<string, Promise<ServerSettings>>();
  private readonly known = new Map<string, ServerSettings>();
  private pushed: ServerSettings;

  constructor(
    private readonly log: Log,
    initial: unknown,
    private readonly pull?: (uri: string) => Promise<unknown>,
  ) {
    this.pushed = sanitizeSettings(postmortemSection(initial));
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (!settings) {
      settings = this.pull(uri).then(
        (raw) => sanitizeSettings(raw),
        (error: unknown) => {
          this.log.error(`Reading the postmortem settings failed, using the defaults: ${describeError(error)}`);
          return this.pushed;
        },
      );
      settings.then((value) => this.known.set(uri, value));
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  /** The settings last read for a document, without waiting (for the debounce delay). */
  lastKnown(uri: string): ServerSettings {
    return this.pull ? this.known.get(uri) ?? {} : this.pushed;
  }

  /** `workspace/didChangeConfiguration`: forget what was pulled; take pushed settings when the client pushes. */
  changed(pushed: unknown): void {
    this.pulled.clear();
    if (!this.pull && pushed !== undefined && pushed !== null) this.pushed = sanitizeSettings(postmortemSection(pushed));
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
    this.known.delete(uri);
  }
}
