import { atlassian } from './atlassian';
import { essential } from './essential';
import { googleSre } from './googleSre';
import { pagerduty } from './pagerduty';
import type { Template } from './types';

export type { Template, TemplateSection } from './types';

/** Built-in templates by name. */
export const BUILT_IN_TEMPLATES: ReadonlyMap<string, Template> = new Map([essential, googleSre, pagerduty, atlassian].map((template) => [template.name, template]));

export const DEFAULT_TEMPLATE = essential.name;

/** Every section name any built-in template knows, to recognise a section whatever the active template. */
export const ALL_SECTIONS: Template = {
  name: 'all',
  description: 'Every section of every built-in template.',
  sections: [...BUILT_IN_TEMPLATES.values()].flatMap((template) => template.sections),
};
