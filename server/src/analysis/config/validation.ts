/**
 * Checks the types of a configuration layer. A `.postmortemrc.json`, a client's settings or an API caller can
 * hold anything JSON allows (`"rules": 3`, `"sections": 5`); each part with the wrong type is dropped with a
 * problem naming where it is, and the rest still applies. Configuration is only ever data: nothing in it is run
 * or compiled into a pattern.
 */
import type { ConfigLayer, CustomSection, CustomTemplate, Detection, RuleLevel, RuleSetting } from './layer';
import { SEVERITIES } from '../types';

/** Where in the layer (`["templates", "x", "sections"]`) and what is wrong, as a sentence. */
export interface ConfigProblem {
  path: Array<string | number>;
  message: string;
}

const LEVELS: readonly string[] = ['off', ...SEVERITIES];
const DETECTIONS: readonly string[] = ['auto', 'always', 'never'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Templates nest sub-sections a level or two deep; deeper nesting is not a template anyone writes. */
const MAX_SECTION_DEPTH = 6;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `templates.x.sections[2].title` */
export function describePath(path: Array<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index ? `.${part}` : part)).join('');
}

/** Own keys that are safe as property names of a fresh object (`__proto__` would replace its prototype). */
function entriesOf(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([key]) => key !== '__proto__');
}

class Checker {
  readonly problems: ConfigProblem[] = [];

  drop(path: Array<string | number>, expected: string): undefined {
    this.problems.push({ path, message: `"${describePath(path)}" must be ${expected}; it is ignored.` });
    return undefined;
  }

  text(value: unknown, path: Array<string | number>): string | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : this.drop(path, 'a string');
  }

  strings(value: unknown, path: Array<string | number>): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.drop(path, 'a list of strings');
    return value.filter((entry, index) => typeof entry === 'string' || this.drop([...path, index], 'a string'));
  }

  ruleSetting(value: unknown, path: Array<string | number>): RuleSetting | undefined {
    const expected = '"off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }';
    const isLevel = (level: unknown) => typeof level === 'string' && LEVELS.includes(level);
    if (isLevel(value)) return value as RuleSetting;
    if (Array.isArray(value) && value.length >= 1 && value.length <= 2 && isLevel(value[0]) && (value[1] === undefined || isObject(value[1]))) return value as RuleSetting;
    if (isObject(value) && (value.severity === undefined || isLevel(value.severity)) && (value.options === undefined || isObject(value.options))) {
      return { severity: value.severity as RuleLevel | undefined, options: value.options as Record<string, unknown> | undefined };
    }
    return this.drop(path, expected);
  }

  section(value: unknown, path: Array<string | number>, depth: number): CustomSection | undefined {
    if (!isObject(value) || typeof value.title !== 'string' || !value.title.trim()) return this.drop(path, 'a section: an object with a "title" string');
    const section: CustomSection = { title: value.title };
    const id = this.text(value.id, [...path, 'id']);
    if (id?.trim()) section.id = id;
    const prompt = this.text(value.prompt, [...path, 'prompt']);
    if (prompt !== undefined) section.prompt = prompt;
    const synonyms = this.strings(value.synonyms, [...path, 'synonyms']);
    if (synonyms) section.synonyms = synonyms;
    if (value.required !== undefined) {
      if (typeof value.required === 'boolean') section.required = value.required;
      else this.drop([...path, 'required'], 'true or false');
    }
    if (value.children !== undefined) {
      if (depth >= MAX_SECTION_DEPTH) this.drop([...path, 'children'], `nested at most ${MAX_SECTION_DEPTH} levels deep`);
      else {
        const children = this.sections(value.children, [...path, 'children'], depth + 1);
        if (children) section.children = children;
      }
    }
    return section;
  }

  sections(value: unknown, path: Array<string | number>, depth: number): CustomSection[] | undefined {
    if (!Array.isArray(value)) return this.drop(path, 'a list of sections, each an object with a "title"');
    return value.flatMap((entry, index) => this.section(entry, [...path, index], depth) ?? []);
  }

  template(value: unknown, path: Array<string | number>): CustomTemplate | undefined {
    if (!isObject(value)) return this.drop(path, 'a template: an object with "sections"');
    const sections = this.sections(value.sections ?? [], [...path, 'sections'], 1);
    if (!sections) return undefined;
    const template: CustomTemplate = { sections };
    const description = this.text(value.description, [...path, 'description']);
    if (description !== undefined) template.description = description;
    const base = this.text(value.extends, [...path, 'extends']);
    if (base !== undefined) template.extends = base;
    return template;
  }
}

/** The well-typed part of a layer, and what was dropped from it. Keys it does not know (`$schema`) are left out silently. */
export function validateLayer(raw: unknown): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const check = new Checker();
  const layer: ConfigLayer = {};
  if (!isObject(raw)) {
    if (raw !== undefined && raw !== null) check.problems.push({ path: [], message: 'The configuration must be a JSON object; it is ignored.' });
    return { layer, problems: check.problems };
  }
  const template = check.text(raw.template, ['template']);
  if (template?.trim()) layer.template = template.trim();
  const timezone = check.text(raw.timezone, ['timezone']);
  if (timezone?.trim()) layer.timezone = timezone.trim();
  const date = check.text(raw.date, ['date']);
  if (date?.trim()) layer.date = date.trim();
  if (raw.today !== undefined) {
    if (typeof raw.today === 'string' && ISO_DATE.test(raw.today)) layer.today = raw.today;
    else check.drop(['today'], 'a date written YYYY-MM-DD');
  }
  if (raw.detection !== undefined) {
    if (typeof raw.detection === 'string' && DETECTIONS.includes(raw.detection)) layer.detection = raw.detection as Detection;
    else check.drop(['detection'], '"auto", "always" or "never"');
  }
  const files = check.strings(raw.files, ['files']);
  if (files) layer.files = files.filter((glob) => glob.trim());
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) layer.maxFileSize = raw.maxFileSize;
    else check.drop(['maxFileSize'], 'a positive number of bytes');
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) check.drop(['rules'], 'an object of rule ids and settings, e.g. { "missing-section": "error" }');
    else {
      const rules: Record<string, RuleSetting> = {};
      for (const [id, setting] of entriesOf(raw.rules)) {
        const valid = check.ruleSetting(setting, ['rules', id]);
        if (valid !== undefined) rules[id] = valid;
      }
      layer.rules = rules;
    }
  }
  if (raw.templates !== undefined) {
    if (!isObject(raw.templates)) check.drop(['templates'], 'an object of template names and templates');
    else {
      const templates: Record<string, CustomTemplate> = {};
      for (const [name, value] of entriesOf(raw.templates)) {
        const valid = check.template(value, ['templates', name]);
        if (valid) templates[name] = valid;
      }
      layer.templates = templates;
    }
  }
  return { layer, problems: check.problems };
}
