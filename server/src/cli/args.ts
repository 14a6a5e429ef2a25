import { RULES_BY_ID } from '../analysis/rules';
import { SEVERITIES } from '../analysis/types';
import type { RuleLevel } from '../analysis/config';
import { REPORT_FORMATS, REPORTS, type ReportFormat } from './reports';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  targets: string[];
  format: Format;
  /** `--report NAME`: print that report over the files instead of their problems, in `reportFormat`. */
  report?: string;
  reportFormat: ReportFormat;
  fix: boolean;
  fixPlaceholders: boolean;
  config?: string;
  template?: string;
  /** `--rule ID=LEVEL`, in the order given (a later one for the same rule wins). */
  rules: Record<string, RuleLevel>;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  noColor: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'list-rules'; format: Format } | { kind: 'lint'; options: LintOptions };

/** Bad usage: exit code 2, with the message and a pointer to `--help`. */
export class UsageError extends Error {}

const LEVELS: readonly RuleLevel[] = ['off', ...SEVERITIES];

interface OptionSpec {
  name: string;
  alias?: string;
  value?: string;
  help: string;
}

/** Every option, in the order `--help` lists them. */
export const OPTIONS: readonly OptionSpec[] = [
  { name: '--format', alias: '-f', value: 'stylish|json|sarif', help: 'Output format (default: stylish).' },
  { name: '--report', value: 'NAME', help: `Print a report over the files instead of their problems: ${Object.keys(REPORTS).join(', ')}. --format ${REPORT_FORMATS.join('|')} (default: markdown).` },
  { name: '--fix', help: 'Apply the fixes that do not invent content, write the files back, then report what is left.' },
  { name: '--fix-placeholders', help: 'With --fix, also apply fixes that insert placeholders such as "@TBD".' },
  { name: '--config', alias: '-c', value: 'FILE', help: 'Use this .postmortemrc.json-style file on top of the ones found next to each file.' },
  { name: '--template', value: 'NAME', help: 'Check against this template (built in, or defined in a config file).' },
  { name: '--rule', value: 'ID=LEVEL', help: 'Set a rule to off, error, warning, info or hint. Repeatable.' },
  { name: '--max-warnings', value: 'N', help: 'Exit with code 1 when there are more than N warnings.' },
  { name: '--quiet', help: 'Report errors only.' },
  { name: '--no-color', help: 'Plain output (also when NO_COLOR is set or the output is not a terminal).' },
  { name: '--list-rules', help: 'List the rules: id, default severity, fixable, description.' },
  { name: '--help', alias: '-h', help: 'Show this help.' },
  { name: '--version', alias: '-v', help: 'Show the version.' },
];

/** Levenshtein distance, to suggest the option a typo meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function unknownOption(option: string): UsageError {
  const closest = OPTIONS.map((spec) => ({ name: spec.name, cost: distance(option, spec.name) })).sort((a, b) => a.cost - b.cost)[0];
  const hint = closest.cost <= 2 ? ` Did you mean ${closest.name}?` : '';
  return new UsageError(`unknown option ${option}.${hint}`);
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${value}").`);
}

function parseReport(value: string): string {
  if (Object.hasOwn(REPORTS, value)) return value;
  throw new UsageError(`--report must be one of ${Object.keys(REPORTS).join(', ')} (got "${value}").`);
}

function parseReportFormat(value: string | undefined): ReportFormat {
  if (value === undefined) return 'markdown';
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`with --report, --format must be one of ${REPORT_FORMATS.join(', ')} (got "${value}").`);
}

function parseRule(value: string): [string, RuleLevel] {
  const separator = value.lastIndexOf('=');
  const id = value.slice(0, separator).trim();
  const level = value.slice(separator + 1).trim();
  if (separator < 0 || !id) throw new UsageError(`--rule needs ID=LEVEL, e.g. --rule heading-syntax=off (got "${value}").`);
  if (!RULES_BY_ID.has(id)) throw new UsageError(`unknown rule "${id}". Known rules: ${[...RULES_BY_ID.keys()].join(', ')}.`);
  if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--rule ${id}= must be one of ${LEVELS.join(', ')} (got "${level}").`);
  return [id, level as RuleLevel];
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number of warnings, such as 0 (got "${value}").`);
  return Number(value);
}

/** Reads the command line (without `node` and the script). Throws `UsageError` on bad usage. */
export function parseArgs(argv: readonly string[]): Command {
  const options: LintOptions = { targets: [], format: 'stylish', reportFormat: 'markdown', fix: false, fixPlaceholders: false, rules: {}, maxWarnings: -1, quiet: false, noColor: false };
  let help = false;
  let version = false;
  let listRules = false;
  // Read once the mode is known: a report has its own formats.
  let format: string | undefined;

  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      options.targets.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.targets.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = equals > 0 ? arg.slice(0, equals) : arg;
    const spec = OPTIONS.find((option) => option.name === written || option.alias === written);
    if (!spec) throw unknownOption(written);
    let value: string | undefined;
    if (spec.value) {
      value = equals > 0 ? arg.slice(equals + 1) : argv[++index];
      if (value === undefined) throw new UsageError(`${spec.name} needs a value: ${spec.value}.`);
    } else if (equals > 0) {
      throw new UsageError(`${spec.name} takes no value (got "${arg}").`);
    }
    switch (spec.name) {
      case '--format': format = value; break;
      case '--report': options.report = parseReport(value!); break;
      case '--fix': options.fix = true; break;
      case '--fix-placeholders': options.fixPlaceholders = true; break;
      case '--config': options.config = value; break;
      case '--template': options.template = value; break;
      case '--rule': {
        const [id, level] = parseRule(value!);
        options.rules[id] = level;
        break;
      }
      case '--max-warnings': options.maxWarnings = parseMaxWarnings(value!); break;
      case '--quiet': options.quiet = true; break;
      case '--no-color': options.noColor = true; break;
      case '--list-rules': listRules = true; break;
      case '--help': help = true; break;
      case '--version': version = true; break;
    }
  }

  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (options.report) options.reportFormat = parseReportFormat(format);
  else if (format !== undefined) options.format = parseFormat(format);
  if (listRules) return { kind: 'list-rules', format: options.format };
  if (options.report && options.fix) throw new UsageError('--report only reads the files: it does not work together with --fix.');
  if (options.fixPlaceholders && !options.fix) throw new UsageError('--fix-placeholders only works together with --fix.');
  if (!options.targets.length) options.targets.push('.');
  return { kind: 'lint', options };
}

export function helpText(): string {
  const rows = OPTIONS.map((spec) => [`${spec.alias ? `${spec.alias}, ` : '    '}${spec.name}${spec.value ? ` ${spec.value}` : ''}`, spec.help]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    'Usage: postmortem-lint [options] [files | folders | globs]   (default: .)',
    '',
    'Checks incident postmortems written in Markdown. Files you name are always checked; in folders and globs,',
    'only the Markdown files (.md, .markdown) that are postmortems (front matter "type: postmortem", a title',
    'such as "Postmortem" or "Incident report", or two known sections) are checked. Folders skip node_modules,',
    '.git and dot-folders.',
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    '',
    'Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found,',
    '            2 bad usage, or a file or config file that cannot be read.',
    '',
  ].join('\n');
}
