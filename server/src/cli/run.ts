import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { analyze, type AnalysisResult } from '../analysis/analyze';
import { resolveConfig, type ConfigLayer } from '../analysis/config/config';
import { fixAll } from '../analysis/fixes/fixAll';
import { ParseCache } from '../analysis/parsing/incrementalParse';
import { calendarDate } from '../analysis/features/followUps';
import type { Finding } from '../analysis/types';
import type { LintOptions } from './args';
import type { CliConfig } from './configLayers';
import { displayPath, errorReason, type Target } from './discover';

/** One checked file, as every formatter receives it. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Relative to the current folder with `/` (absolute outside it): the `file` of the JSON output. */
  file: string;
  findings: Finding[];
  /** Problems `--fix` fixed and wrote back. */
  fixed: number;
}

/**
 * Reads a file as UTF-8 (a byte-order mark stays, as editors keep it). At most `limit + 1` bytes are read:
 * `analyze` skips any text over the limit, so a huge file costs no more memory than a file just over it.
 */
function readText(path: string, limit: number): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, limit + 1));
    let read = 0;
    while (read < buffer.length) {
      const count = readSync(fd, buffer, read, buffer.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * What the CLI's flags set: the template, rule levels and today's date (for overdue items), and `detection: always`
 * for a file named on the command line, unless `--only-postmortems`.
 */
function flagsLayer(options: Pick<LintOptions, 'template' | 'rules' | 'today' | 'onlyPostmortems'>, explicit: boolean): ConfigLayer {
  return {
    template: options.template,
    rules: { ...options.rules },
    today: options.today ?? calendarDate(new Date()),
    ...(explicit && !options.onlyPostmortems ? { detection: 'always' as const } : {}),
  };
}

/**
 * A file read and analysed with its configuration, or undefined when it cannot be read (the reason is in `problems`).
 * `parseCache`: parse with it, for analyses of the fixed text to come.
 */
export function analyzeFile(target: Target, options: Pick<LintOptions, 'template' | 'rules' | 'today' | 'onlyPostmortems'>, config: CliConfig, cwd: string, problems: string[], parseCache?: ParseCache) {
  const file = displayPath(target.path, cwd);
  const layers = config.layersFor(target.path);
  const overrides = flagsLayer(options, target.explicit);
  const input = { layers, overrides, relativePath: file };
  let text: string;
  try {
    text = readText(target.path, resolveConfig([...layers, overrides]).maxFileSize);
  } catch (error) {
    problems.push(`cannot read ${file}: ${errorReason(error)}`);
    return undefined;
  }
  try {
    return { file, input, text, result: analyze({ ...input, text, parseCache }) };
  } catch (error) {
    problems.push(`could not check ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Problems for stderr about rules that crashed on a file. */
export function reportFailures(result: AnalysisResult, file: string, problems: string[]): void {
  for (const failure of result.failures) {
    problems.push(`rule ${failure.ruleId} failed on ${file}, its findings are missing: ${failure.error.split('\n')[0]}`);
  }
}

function keep(findings: Finding[], options: LintOptions): Finding[] {
  return options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
}

/**
 * Checks (and with `--fix`, fixes) one file. Returns undefined for a file found in a folder or by a glob that
 * is not a postmortem. Problems for stderr (unreadable, unwritable, a rule that crashed) go to `problems`.
 */
export function checkFile(target: Target, options: LintOptions, config: CliConfig, cwd: string, problems: string[]): FileResult | undefined {
  // Fixing analyses the text pass after pass: each pass parses again only what the fixes changed.
  const parseCache = options.fix ? new ParseCache() : undefined;
  const analysed = analyzeFile(target, options, config, cwd, problems, parseCache);
  if (!analysed) return undefined;
  const { file, input, text } = analysed;
  let { result } = analysed;
  if (!result.isPostmortem) return undefined;
  let fixed = 0;
  try {
    if (options.fix && !result.skipped) {
      const outcome = fixAll({ ...input, text }, { allowPlaceholders: options.fixPlaceholders }, result.findings, parseCache);
      if (outcome.text !== text) {
        try {
          writeFileSync(target.path, outcome.text, 'utf8');
          fixed = outcome.fixed;
          result = analyze({ ...input, text: outcome.text, parseCache });
        } catch (error) {
          problems.push(`cannot write ${file}: ${errorReason(error)}`);
        }
      }
    }
  } catch (error) {
    problems.push(`could not check ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  reportFailures(result, file, problems);
  return { path: target.path, file, findings: keep(result.findings, options), fixed };
}
