import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../analysis/rules';
import { DOCS_BASE, type RuleMeta } from '../../analysis/rules/types';
import type { Severity } from '../../analysis/types';
import { VERSION } from '../version';
import type { Formatter } from './types';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const HOMEPAGE = DOCS_BASE.slice(0, DOCS_BASE.indexOf('/blob/'));
const SRCROOT = '%SRCROOT%';

/** `analyze` reports a file it does not check (too large, binary) under this id; SARIF needs a rule for it too. */
const FILE_SKIPPED: RuleMeta = {
  id: 'file-skipped',
  description: 'The file was not checked: it is larger than postmortem.maxFileSize, binary, or not UTF-8 text.',
  defaultSeverity: 'info',
  fixable: false,
  docs: `${HOMEPAGE}#readme`,
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A file inside the current folder as a relative URI reference against `%SRCROOT%` (each segment
 * percent-encoded, `/` separators); a file outside it as a `file:` URL.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF 2.1.0, one run, regions 1-based with UTF-16 columns (as the analysis counts them). */
export const sarif: Formatter = (results, context) => {
  const metas = [...RULES.map((rule) => rule.meta), FILE_SKIPPED];
  const index = new Map(metas.map((meta, position) => [meta.id, position]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version: VERSION,
            informationUri: HOMEPAGE,
            rules: metas.map((meta) => ({
              id: meta.id,
              shortDescription: { text: meta.description },
              helpUri: meta.docs,
              defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
            })),
          },
        },
        invocations: [{ executionSuccessful: context.executionSuccessful }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(result.file),
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
