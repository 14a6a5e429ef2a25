import type { Severity } from '../../analysis/types';
import type { Formatter } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** A workflow command's message, escaped as `@actions/core` does (`escapeData`): the runner unescapes it. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value also escapes the separators of `key=value,key=value::` (`escapeProperty`). */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one line per finding (`::warning file=…,line=…::message`), which the runner turns
 * into annotations on the pull request's diff. Lines and columns are 1-based. The runner drops columns from a range over
 * several lines (with a warning in the log), so they are only written for a range on one line.
 */
export const github: Formatter = (results) =>
  results
    .flatMap((result) =>
      result.findings.map((finding) => {
        const { start, end } = finding.range;
        const properties: Array<[string, string | number]> = [['file', result.file], ['line', start.line + 1]];
        if (start.line === end.line) properties.push(['col', start.character + 1], ['endLine', end.line + 1], ['endColumn', end.character + 1]);
        else properties.push(['endLine', end.line + 1]);
        properties.push(['title', finding.ruleId]);
        const written = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
        return `::${COMMAND[finding.severity]} ${written}::${escapeData(finding.message)}\n`;
      }),
    )
    .join('');
