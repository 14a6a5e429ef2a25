import type { TemplateSection } from '../templates/types';
import type { Severity } from '../types';

export type RuleLevel = Severity | 'off';
/** `"off"`, a severity, `[severity, options]` or `{ "severity": ..., "options": ... }`, as in `.postmortemrc.json`. */
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>?] | { severity?: RuleLevel; options?: Record<string, unknown> };

export type Detection = 'auto' | 'always' | 'never';

/** A section of a team template: a title, and whatever else it sets (the rest comes from defaults or `extends`). */
export type CustomSection = Omit<Partial<TemplateSection>, 'children'> & { title: string; children?: CustomSection[] };

export interface CustomTemplate {
  description?: string;
  /** A built-in template this one starts from; its sections come first unless redefined by id. */
  extends?: string;
  sections: CustomSection[];
}

/** One source of configuration: VS Code settings, a `.postmortemrc.json`, front matter, or CLI flags. */
export interface ConfigLayer {
  template?: string;
  templates?: Record<string, CustomTemplate>;
  rules?: Record<string, RuleSetting>;
  /** The zone the timeline is written in, when the document does not say. */
  timezone?: string;
  /** The incident date, for time-only timelines. */
  date?: string;
  detection?: Detection;
  /** Globs (relative to the workspace folder or rc file) of files that are always postmortems. */
  files?: string[];
  /** Files larger than this many bytes are not analysed. */
  maxFileSize?: number;
  /** Today's date (YYYY-MM-DD) for rules about deadlines: the server and CLI set it from the clock, tests pin it. */
  today?: string;
}
