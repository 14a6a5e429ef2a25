import { complexityReason } from './parsing/complexity';
import { resolveConfig, type ConfigLayer, type ResolvedConfig } from './config/config';
import { detectPostmortem, type DetectionReason } from './model/detect';
import { buildDocument, buildFrontMatter, type FrontMatter, type PostmortemDocument } from './model';
import type { ParseCache } from './parsing/incrementalParse';
import { parseMarkdown } from './parsing/parse';
import { RULES } from './rules';
// The key-moment word lists are that rule's options; the model reads with them.
import { KEY_MOMENT_MISSING } from './rules/timeline/keyMomentMissing';
import { runRules, type RuleFailure } from './rules/engine';
import type { Rule } from './rules/types';
import type { Finding } from './types';
import { withCacheScope } from './util/boundedCache';

export interface AnalyzeInput {
  text: string;
  /** Configuration from the least to the most specific source: settings, then `.postmortemrc.json` files from the root down. */
  layers?: ConfigLayer[];
  /** Applied after the document's front matter (CLI flags). */
  overrides?: ConfigLayer;
  /** Path relative to the workspace folder, for the `files` globs. */
  relativePath?: string;
  rules?: readonly Rule[];
  /**
   * The document's parsed chunks from its previous analyses (the language server keeps one per open document):
   * only the chunks an edit touched are parsed again. It moves the positions of trees it gave out before, so a
   * cache belongs to one document and only its latest analysis is valid.
   */
  parseCache?: ParseCache;
}

export interface AnalysisResult {
  isPostmortem: boolean;
  detection: DetectionReason;
  config: ResolvedConfig;
  document?: PostmortemDocument;
  findings: Finding[];
  /** Why the text was not analysed (too large, binary). */
  skipped?: string;
  failures: RuleFailure[];
}

const SKIPPED_RULE = 'file-skipped';

/** The front matter's own configuration: `template:`, `timezone:`, `date:`. */
function frontMatterLayer(frontMatter: FrontMatter | undefined): ConfigLayer {
  const data = frontMatter?.data ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : undefined);
  return { template: text(data.template), timezone: text(data.timezone), date: text(data.date) };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** The size of the text in UTF-8, as on disk (Buffer is Node's only: the analysis also runs in a browser worker). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one character of four bytes.
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function skipReason(text: string, maxFileSize: number, parseCache: ParseCache | undefined): string | undefined {
  // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four): shorter texts fit.
  if (text.length > maxFileSize || (text.length > maxFileSize / 3 && utf8Length(text) > maxFileSize)) {
    return `This file is larger than ${formatSize(maxFileSize)} (postmortem.maxFileSize), so Postmortem Writer does not check it.`;
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return 'This file looks binary (it contains NUL characters), so Postmortem Writer does not check it.';
  const replacements = sample.split('\uFFFD').length - 1;
  if (replacements > 8 && replacements > sample.length / 100) return 'This file is not valid UTF-8 text, so Postmortem Writer does not check it.';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const complex = parseCache ? parseCache.complexityReason(body) : complexityReason(body);
  if (complex) return `This file is too complex to check quickly: ${complex}. Postmortem Writer does not check it.`;
  return undefined;
}

/** The one entry point of the analysis: text and configuration in, the model and findings out. */
export function analyze(input: AnalyzeInput): AnalysisResult {
  return withCacheScope(input.parseCache, () => analyzeText(input));
}

function analyzeText(input: AnalyzeInput): AnalysisResult {
  const baseLayers = input.layers ?? [];
  const baseConfig = resolveConfig([...baseLayers, ...(input.overrides ? [input.overrides] : [])]);
  const skipped = skipReason(input.text, baseConfig.maxFileSize, input.parseCache);
  if (skipped) {
    const detection = baseConfig.detection === 'never' ? 'none' : 'setting';
    const findings: Finding[] = detection === 'none' ? [] : [{ ruleId: SKIPPED_RULE, severity: 'info', message: skipped, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] }];
    return { isPostmortem: detection !== 'none', detection, config: baseConfig, findings, skipped, failures: [] };
  }

  const parsed = parseMarkdown(input.text, input.parseCache);
  const frontMatter = buildFrontMatter(parsed);
  const config = resolveConfig([...baseLayers, frontMatterLayer(frontMatter), ...(input.overrides ? [input.overrides] : [])]);
  const document = buildDocument(parsed, frontMatter, config.template, { timezone: config.timezone, date: config.date }, config.rules.get(KEY_MOMENT_MISSING)?.options);
  const detection = detectPostmortem({ config, frontMatter, sections: document.sections, title: document.title?.text, relativePath: input.relativePath, text: document.text });
  if (detection === 'none') return { isPostmortem: false, detection, config, document, findings: [], failures: [] };
  const { findings, failures } = runRules(input.rules ?? RULES, document, config);
  return { isPostmortem: true, detection, config, document, findings, failures };
}
