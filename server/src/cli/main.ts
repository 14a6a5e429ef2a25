import { RULES } from '../analysis/rules';
import { BUILT_IN_TEMPLATES } from '../analysis/templates';
import { helpText, parseArgs, UsageError, type Format, type LintOptions } from './args';
import { CliConfig } from './configLayers';
import { discoverTargets } from './discover';
import { FORMATTERS } from './formatters';
import { renderReport, type ReportFormat } from './reports';
import { checkFile, type FileResult } from './run';
import { VERSION } from './version';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours by default). */
  isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TROUBLE = 2;

/** Colours on a terminal unless `--no-color` or `NO_COLOR` (https://no-color.org) says otherwise; `FORCE_COLOR` forces them. */
function useColor(options: LintOptions, io: CliIo): boolean {
  if (options.noColor || io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.isTTY;
}

function listRules(format: Format): string {
  const rows = RULES.map(({ meta }) => ({ id: meta.id, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, description: meta.description, docs: meta.docs }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const id = Math.max(2, ...rows.map((row) => row.id.length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(id)}  ${b.padEnd(8)}  ${c.padEnd(7)}  ${d}`.trimEnd();
  return `${[line('id', 'default', 'fixable', 'description'), ...rows.map((row) => line(row.id, row.defaultSeverity, row.fixable ? 'yes' : '', row.description))].join('\n')}\n`;
}

/** `--template NAME` must name a built-in template or one a config file defines. */
function checkTemplate(name: string | undefined, config: CliConfig): void {
  if (!name || BUILT_IN_TEMPLATES.has(name)) return;
  const defined = new Set(config.allLayers().flatMap((layer) => Object.keys(layer.templates ?? {})));
  if (defined.has(name)) return;
  const known = [...BUILT_IN_TEMPLATES.keys(), ...defined];
  throw new UsageError(`unknown template "${name}". Known templates: ${known.join(', ')} (teams define their own under "templates" in .postmortemrc.json).`);
}

function lint(options: LintOptions, io: CliIo): number {
  const config = CliConfig.create(io.cwd, options.config);
  const { targets, problems } = discoverTargets(options.targets, io.cwd);
  // Read every folder's rc files first, so that a --template defined in one of them is known.
  for (const target of targets) config.layersFor(target.path);
  checkTemplate(options.template, config);

  const results: FileResult[] = [];
  for (const target of targets) {
    const result = checkFile(target, options, config, io.cwd, problems);
    if (result) results.push(result);
  }
  problems.unshift(...config.problems);

  if (options.report) return report(options.report, options.reportFormat, results, problems, io);
  const color = useColor(options, io);
  io.stdout(FORMATTERS[options.format](results, { cwd: io.cwd, color, fixPlaceholders: options.fixPlaceholders, quiet: options.quiet, executionSuccessful: !problems.length }));
  for (const problem of problems) io.stderr(`postmortem-lint: ${problem}\n`);

  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`postmortem-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
  if (problems.length) return EXIT_TROUBLE;
  return errors || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/** `--report NAME`: the report over the postmortems found; exit code 0 unless a file could not be read. */
function report(name: string, format: ReportFormat, results: FileResult[], problems: string[], io: CliIo): number {
  const files = results.flatMap((result) => (result.document ? [{ file: result.file, document: result.document }] : []));
  io.stdout(renderReport(name, format, files));
  for (const problem of problems) io.stderr(`postmortem-lint: ${problem}\n`);
  return problems.length ? EXIT_TROUBLE : EXIT_OK;
}

/** The whole CLI: arguments in, output through `io`, the exit code out. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(helpText());
        return EXIT_OK;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      case 'list-rules':
        io.stdout(listRules(command.format));
        return EXIT_OK;
      case 'lint':
        return lint(command.options, io);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`postmortem-lint: ${error.message}\nRun "postmortem-lint --help" to see the options.\n`);
    return EXIT_TROUBLE;
  }
}
