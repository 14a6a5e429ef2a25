import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE, type Template } from '../templates';
import type { TemplateSection } from '../templates/types';
import type { ConfigLayer, CustomSection, CustomTemplate, Detection, RuleLevel, RuleSetting } from './layer';
import { validateLayer } from './validation';
import { SEVERITIES, type Severity } from '../types';

// What one source of configuration can say (./layer) is validated by ./validation and merged here.
export type { ConfigLayer, CustomSection, CustomTemplate, Detection, RuleLevel, RuleSetting } from './layer';

export interface RuleConfig {
  /** Unset: the rule's default severity. */
  level?: RuleLevel;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  templateName: string;
  template: Template;
  /** Set when the configured template name is unknown and the default was used instead. */
  unknownTemplate?: string;
  rules: Map<string, RuleConfig>;
  timezone?: string;
  date?: string;
  detection: Detection;
  files: string[];
  maxFileSize: number;
  /** Unset: no clock, so nothing is judged overdue. */
  today?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

function isLevel(value: unknown): value is RuleLevel {
  return value === 'off' || SEVERITIES.includes(value as Severity);
}

/** Reads one rule setting into a level (or undefined: keep the default) and options. */
export function readRuleSetting(setting: RuleSetting | undefined): { level?: RuleLevel; options: Record<string, unknown> } {
  if (setting === undefined || setting === null) return { options: {} };
  if (typeof setting === 'string') return { level: isLevel(setting) ? setting : undefined, options: {} };
  if (Array.isArray(setting)) return { level: isLevel(setting[0]) ? setting[0] : undefined, options: { ...(setting[1] ?? {}) } };
  if (typeof setting === 'object') return { level: isLevel(setting.severity) ? setting.severity : undefined, options: { ...(setting.options ?? {}) } };
  return { options: {} };
}

/** A custom section with every field: what it leaves out comes from the section it redefines, or the defaults. */
function fullSection(section: CustomSection, known?: TemplateSection): TemplateSection {
  return {
    id: section.id ?? section.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    title: section.title,
    synonyms: section.synonyms ?? known?.synonyms ?? [],
    required: section.required ?? known?.required ?? true,
    prompt: section.prompt ?? known?.prompt ?? '',
    children: section.children?.map((child) => fullSection(child)) ?? known?.children,
  };
}

/** Builds a team's own template from its rc definition, starting from `extends` when given. */
export function buildCustomTemplate(name: string, custom: CustomTemplate): Template {
  const base = custom.extends ? BUILT_IN_TEMPLATES.get(custom.extends) : undefined;
  const sections: TemplateSection[] = base ? base.sections.map((section) => ({ ...section })) : [];
  for (const section of custom.sections ?? []) {
    const id = fullSection(section).id;
    const known = sections.find((existing) => existing.id === id);
    const full = fullSection(section, known);
    if (known) sections[sections.indexOf(known)] = full;
    else sections.push(full);
  }
  return { name, description: custom.description ?? `Team template "${name}".`, sections };
}

/**
 * Merges configuration layers, lowest precedence first (settings, rc files from the root down,
 * front matter, CLI flags): later layers override earlier ones, rule by rule.
 */
export function resolveConfig(layers: ConfigLayer[]): ResolvedConfig {
  const rules = new Map<string, RuleConfig>();
  const templates: Record<string, CustomTemplate> = {};
  let templateName = DEFAULT_TEMPLATE;
  let timezone: string | undefined;
  let date: string | undefined;
  let detection: Detection = 'auto';
  let files: string[] = [];
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  let today: string | undefined;

  // Layers come from files and clients that may hold anything: only their well-typed parts count.
  for (const layer of layers.map((raw) => validateLayer(raw).layer)) {
    if (layer.templates) Object.assign(templates, layer.templates);
    if (layer.template) templateName = layer.template;
    if (layer.timezone) timezone = layer.timezone;
    if (layer.date) date = layer.date;
    if (layer.detection) detection = layer.detection;
    if (layer.files?.length) files = [...files, ...layer.files];
    if (typeof layer.maxFileSize === 'number' && layer.maxFileSize > 0) maxFileSize = layer.maxFileSize;
    if (layer.today) today = layer.today;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const { level, options } = readRuleSetting(setting);
      const previous = rules.get(id);
      rules.set(id, { level: level ?? previous?.level, options: { ...previous?.options, ...options } });
    }
  }

  let template = BUILT_IN_TEMPLATES.get(templateName);
  let unknownTemplate: string | undefined;
  if (!template && Object.hasOwn(templates, templateName)) template = buildCustomTemplate(templateName, templates[templateName]);
  if (!template) {
    unknownTemplate = templateName;
    templateName = DEFAULT_TEMPLATE;
    template = BUILT_IN_TEMPLATES.get(DEFAULT_TEMPLATE)!;
  }
  return { templateName, template, unknownTemplate, rules, timezone, date, detection, files, maxFileSize, today };
}

/** The `postmortem.*` settings of VS Code (or any LSP client's `workspace/configuration`). */
export interface PostmortemSettings {
  detection?: Detection;
  files?: string[];
  template?: string;
  rules?: Record<string, RuleSetting>;
  defaultTimezone?: string;
  maxFileSize?: number;
}

export function settingsLayer(settings: PostmortemSettings | undefined): ConfigLayer {
  if (!settings) return {};
  return {
    detection: settings.detection,
    files: settings.files,
    template: settings.template,
    rules: settings.rules,
    timezone: settings.defaultTimezone || undefined,
    maxFileSize: settings.maxFileSize,
  };
}
