import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/config';
import type { FrontMatter, Section } from '.';

const TITLE = /post[\s-]?mortem|incident\s+(report|review|analysis|retrospective)|outage\s+report|\brca\b|root\s+cause\s+analysis/i;
/** Kinds that rarely title a section of anything but an incident report. */
const INCIDENT_KINDS = new Set(['timeline', 'root-cause', 'impact', 'resolution', 'trigger', 'detection', 'contributing-factors', 'five-whys']);

export type DetectionReason = 'setting' | 'front-matter' | 'files-glob' | 'title' | 'sections' | 'none';

function frontMatterSays(frontMatter: FrontMatter | undefined): boolean {
  const data = frontMatter?.data ?? {};
  return String(data.type ?? '').toLowerCase().replace(/[\s_-]/g, '') === 'postmortem' || data.postmortem === true;
}

function matchesGlob(files: string[], relativePath: string | undefined): boolean {
  if (!relativePath || !files.length) return false;
  const path = relativePath.replace(/\\/g, '/');
  return picomatch(files, { dot: true })(path);
}

/** Whether a Markdown file is a postmortem: a README must stay quiet. */
export function detectPostmortem(input: {
  config: ResolvedConfig;
  frontMatter?: FrontMatter;
  sections: Section[];
  title?: string;
  relativePath?: string;
}): DetectionReason {
  const { config } = input;
  if (config.detection === 'never') return 'none';
  if (config.detection === 'always') return 'setting';
  if (frontMatterSays(input.frontMatter)) return 'front-matter';
  if (matchesGlob(config.files, input.relativePath)) return 'files-glob';
  if (input.title && TITLE.test(input.title)) return 'title';
  const kinds = new Set(input.sections.flatMap((section) => section.kinds));
  if (kinds.size >= 2 && [...kinds].some((kind) => INCIDENT_KINDS.has(kind))) return 'sections';
  return 'none';
}
