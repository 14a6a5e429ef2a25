import type { Severity } from '../../analysis/types';
import type { FileResult } from '../run';
import { isFixable, type Formatter } from './types';

type Style = (text: string) => string;

function styles(color: boolean) {
  const ansi = (open: number, close: number): Style => (color ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text);
  return { underline: ansi(4, 24), bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), blue: ansi(34, 39), green: ansi(32, 39) };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One file's block: its path, then `line:col  severity  message  rule` aligned in columns (1-based, for people). */
function fileBlock(result: FileResult, style: ReturnType<typeof styles>): string[] {
  const severityStyle: Record<Severity, Style> = { error: style.red, warning: style.yellow, info: style.blue, hint: style.dim };
  const rows = result.findings.map((finding) => ({
    line: String(finding.range.start.line + 1),
    column: String(finding.range.start.character + 1),
    severity: finding.severity,
    message: finding.message.replace(/\s*\n\s*/g, ' '),
    rule: finding.ruleId,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
  const [line, column, severity, message] = [width((row) => row.line), width((row) => row.column), width((row) => row.severity), width((row) => row.message)];
  return [
    style.underline(result.file),
    ...rows.map((row) =>
      `  ${style.dim(`${row.line.padStart(line)}:${row.column.padEnd(column)}`)}  ${severityStyle[row.severity](row.severity.padEnd(severity))}  ${row.message.padEnd(message)}  ${style.dim(row.rule)}`.trimEnd(),
    ),
    '',
  ];
}

/** Like ESLint's stylish: files with problems, then a summary with the counts and what `--fix` would fix. */
export const stylish: Formatter = (results, context) => {
  const style = styles(context.color);
  const findings = results.flatMap((result) => result.findings);
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const lines = results.filter((result) => result.findings.length).flatMap((result) => fileBlock(result, style));
  for (const result of results.filter((result) => result.fixed)) lines.push(style.green(`✔ Fixed ${plural(result.fixed, 'problem')} in ${result.file}`));

  if (!results.length) {
    // Unreadable paths were already named on stderr: no hint about detection then.
    if (!context.executionSuccessful) return lines.join('\n');
    lines.push('No postmortems to check. In folders and globs, a Markdown file is checked when its front matter says');
    lines.push('"type: postmortem", its title names a postmortem or incident report, or it has two known sections; name a file to check it anyway.');
  } else if (!findings.length) {
    lines.push(style.green(`✔ ${plural(results.length, 'postmortem')} checked, no ${context.quiet ? 'errors' : 'problems'} found.`));
  } else {
    const [errors, warnings, infos, hints] = [count('error'), count('warning'), count('info'), count('hint')];
    const summary = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}${hints ? `, ${plural(hints, 'hint')}` : ''})`;
    lines.push((errors ? style.red : warnings ? style.yellow : style.blue)(style.bold(summary)));
    const fixable = findings.filter((finding) => isFixable(finding, context.fixPlaceholders)).length;
    const withPlaceholders = context.fixPlaceholders ? 0 : findings.filter((finding) => isFixable(finding, true)).length - fixable;
    if (fixable) lines.push(`  ${fixable} fixable with --fix`);
    if (withPlaceholders) lines.push(`  ${withPlaceholders} more with --fix --fix-placeholders (they insert placeholders such as "@TBD" to fill in)`);
  }
  return `${lines.join('\n')}\n`;
};
