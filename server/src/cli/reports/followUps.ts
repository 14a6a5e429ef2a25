/**
 * `--report follow-ups`: one row per action item of every postmortem found, with its owner, due date, tracking
 * link and state, for a weekly review of what was promised (`--fail-on-overdue` in CI).
 */
import { followUps, isOverdue } from '../../analysis/features/followUps';
import type { CliReport } from './types';
import { csvTable, markdownTable } from './tables';

/** A row of the JSON output, in this key order; `line` is 1-based. */
export interface FollowUpRow {
  file: string;
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  tracking: string | null;
  done: boolean;
  overdue: boolean;
}

const COLUMNS = ['file', 'line', 'text', 'owner', 'due', 'tracking', 'done', 'overdue'] as const satisfies ReadonlyArray<keyof FollowUpRow>;
const MARKDOWN_HEADER = ['File', 'Line', 'Action', 'Owner', 'Due', 'Tracking', 'Done', 'Overdue'];

export const followUpsReport: CliReport = {
  description: 'Every action item: file, line, text, owner, due, tracking, done, overdue.',
  formats: ['markdown', 'json', 'csv'],
  run(inputs, options) {
    const all: FollowUpRow[] = inputs.flatMap(({ file, result }) =>
      (result.document ? followUps(result.document) : []).map((item) => ({
        file,
        line: item.range.start.line + 1,
        text: item.text,
        owner: item.owner,
        due: item.due,
        tracking: item.tracking,
        done: item.done,
        // The day the analysis was given (--today, or the clock's): the report and action-item-overdue agree.
        overdue: isOverdue(item, result.config.today),
      })),
    );
    const rows = all.filter((row) => (!options.open || !row.done) && (!options.overdue || row.overdue));
    const exitCode = options.failOnOverdue && all.some((row) => row.overdue) ? 1 : 0;
    const cells = rows.map((row) => COLUMNS.map((column) => row[column]));
    switch (options.format) {
      case 'json':
        return { output: `${JSON.stringify(rows, null, 2)}\n`, exitCode };
      case 'csv':
        return { output: csvTable(COLUMNS, cells), exitCode };
      default:
        return { output: markdownTable(MARKDOWN_HEADER, cells), exitCode };
    }
  },
};
