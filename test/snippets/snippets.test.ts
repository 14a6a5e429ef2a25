/**
 * The Markdown snippets (snippets/postmortem.code-snippets).
 *
 * VS Code inserts a malformed `${...}` as literal text and numbers tab stops however they are written, so mistakes
 * only show when someone expands the snippet. These tests parse every body with the snippet grammar VS Code uses
 * (tab stops, placeholders, choices, variables, escapes), check the tab-stop order, then expand each snippet the
 * way VS Code would with its defaults and check the Markdown that comes out: front matter that parses as YAML,
 * the template's sections under their headings, and action items and timeline entries in the shapes the linter reads.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_TEMPLATES } from '../../server/src/analysis/templates';
import { flattenSections } from '../../server/src/analysis/templates/lookup';
import { matchSection, normalizeHeading } from '../../server/src/analysis/templates/match';

const ROOT = resolve(__dirname, '../..');
const SNIPPETS_PATH = './snippets/postmortem.code-snippets';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// ----------------------------------------------------------------------------------------------------------
// The snippet grammar, as in VS Code's snippetParser.ts: $1, ${1}, ${1:placeholder}, ${1|a,b|}, $VAR, ${VAR},
// ${VAR:default}; "\" escapes "$", "}" and "\" (and "," and "|" inside a choice).

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] };

/** VS Code's snippet variables; any other name is inserted as its own name, which is never what was meant. */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE',
  'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE',
  'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

class SnippetSyntaxError extends Error {}

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${pos}: ${JSON.stringify(source.slice(Math.max(0, pos - 20), pos + 30))}`);
  };

  const parseChoice = (index: number): SnippetNode => {
    const options: string[] = [];
    let option = '';
    for (;;) {
      const ch = source[pos];
      if (ch === undefined || ch === '\n') return fail('unterminated choice');
      if (ch === '\\' && ',|\\$}'.includes(source[pos + 1] ?? '')) {
        option += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(option);
        option = '';
        pos += 1;
      } else if (ch === '|') {
        if (source[pos + 1] !== '}') return fail('"|" inside a choice must be escaped');
        options.push(option);
        pos += 2;
        return { kind: 'choice', index, options };
      } else {
        option += ch;
        pos += 1;
      }
    }
  };

  const parseDollar = (): SnippetNode | undefined => {
    const rest = source.slice(pos);
    let match = /^\$(\d+)/.exec(rest);
    if (match) {
      pos += match[0].length;
      return { kind: 'tabstop', index: Number(match[1]) };
    }
    match = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (match) {
      pos += match[0].length;
      return { kind: 'variable', name: match[1], children: [] };
    }
    if (!rest.startsWith('${')) return undefined;
    // From here on a "${" must be well formed: VS Code would insert a broken one as plain text.
    if ((match = /^\$\{(\d+)\}/.exec(rest))) {
      pos += match[0].length;
      return { kind: 'tabstop', index: Number(match[1]) };
    }
    if ((match = /^\$\{(\d+)\|/.exec(rest))) {
      pos += match[0].length;
      return parseChoice(Number(match[1]));
    }
    if ((match = /^\$\{(\d+):/.exec(rest))) {
      pos += match[0].length;
      const children = parseNodes(true);
      if (source[pos] !== '}') return fail('unterminated placeholder');
      pos += 1;
      return { kind: 'placeholder', index: Number(match[1]), children };
    }
    if ((match = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}/.exec(rest))) {
      pos += match[0].length;
      return { kind: 'variable', name: match[1], children: [] };
    }
    if ((match = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*):/.exec(rest))) {
      pos += match[0].length;
      const children = parseNodes(true);
      if (source[pos] !== '}') return fail('unterminated variable default');
      pos += 1;
      return { kind: 'variable', name: match[1], children };
    }
    // Transforms (${1/a/b/}) are not supported here; none of our snippets needs one.
    return fail('malformed "${"');
  };

  const parseNodes = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
        text += source[pos + 1];
        pos += 2;
        continue;
      }
      if (ch === '}') {
        if (nested) break;
        // VS Code would print it, but an unescaped "}" outside a placeholder is almost always a misplaced brace.
        fail('unescaped "}"');
      }
      if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      pos += 1;
    }
    flush();
    return nodes;
  };

  const nodes = parseNodes(false);
  if (pos !== source.length) fail('unexpected "}"');
  return nodes;
}

function* walkNodes(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'placeholder' || node.kind === 'variable') yield* walkNodes(node.children);
  }
}

/** Fixed values for the clock and editor variables, so that expansions are deterministic. */
const VARIABLE_VALUES: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '05',
  CURRENT_DATE: '10',
  CURRENT_HOUR: '14',
  CURRENT_MINUTE: '30',
  CURRENT_TIMEZONE_OFFSET: '+02:00',
};

/** The text VS Code inserts before the user types anything: defaults, first choices, mirrors of their placeholder. */
function expand(nodes: SnippetNode[]): string {
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return defaults.get(node.index) ?? '';
          case 'placeholder': {
            const value = render(node.children);
            defaults.set(node.index, value);
            return value;
          }
          case 'choice':
            defaults.set(node.index, node.options[0]);
            return node.options[0];
          case 'variable': {
            const value = VARIABLE_VALUES[node.name];
            assert.ok(value !== undefined || node.children.length > 0, `no test value for $${node.name}`);
            return value ?? render(node.children);
          }
        }
      })
      .join('');
  return render(nodes);
}

// ----------------------------------------------------------------------------------------------------------

function loadSnippets(): Record<string, Snippet> {
  // Strict JSON (no comments) so that any JSON tool can read the file, not only VS Code's JSONC reader.
  return JSON.parse(readFileSync(join(ROOT, SNIPPETS_PATH), 'utf8')) as Record<string, Snippet>;
}

const snippets = loadSnippets();
const bodyOf = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
const byPrefix = new Map(Object.values(snippets).map((snippet) => [[snippet.prefix].flat()[0], snippet]));
const expanded = (prefix: string): string => {
  const snippet = byPrefix.get(prefix);
  assert.ok(snippet, `no snippet with prefix ${prefix}`);
  return expand(parseSnippet(bodyOf(snippet)));
};
const headings = (text: string) =>
  text
    .split('\n')
    .map((line) => /^(#{1,6})\s+(.*?)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ level: match[1].length, title: match[2] }));

/** The whole-report snippets, the template each declares, and the sections the brief for that template names. */
const WHOLE_REPORTS: Array<{ prefix: string; template: string; sections: string[] }> = [
  { prefix: 'postmortem', template: 'essential', sections: ['Summary', 'Timeline', 'Root Cause', 'Resolution', 'Action Items'] },
  {
    prefix: 'postmortem-google',
    template: 'google-sre',
    sections: ['Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'What went well', 'What went wrong', 'Where we got lucky', 'Timeline', 'Supporting information'],
  },
  {
    prefix: 'postmortem-pagerduty',
    template: 'pagerduty',
    sections: ['Overview', 'What Happened', 'Contributing Factors', 'Resolution', 'Impact', 'Responders', 'Timeline', "How'd We Do?", 'Action Items', 'Messaging'],
  },
  {
    prefix: 'postmortem-atlassian',
    template: 'atlassian',
    sections: ['Incident summary', 'Leadup', 'Fault', 'Impact', 'Detection', 'Response', 'Recovery', 'Timeline', 'Five whys', 'Root cause', 'Backlog check', 'Related incidents', 'Lessons learned', 'Follow-up tasks'],
  },
];

const SECTION_PREFIXES = ['pm-summary', 'pm-impact', 'pm-timeline', 'pm-rootcause', 'pm-resolution', 'pm-actions', 'pm-lessons', 'pm-5whys', 'pm-entry', 'pm-action', 'pm-impact-table', 'pm-frontmatter'];

describe('the snippets file', () => {
  test('is contributed for Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { snippets?: Array<{ language: string; path: string }> } };
    assert.deepEqual(manifest.contributes?.snippets, [{ language: 'markdown', path: SNIPPETS_PATH }]);
    assert.ok(existsSync(join(ROOT, SNIPPETS_PATH)));
  });

  test('has every snippet of the brief, each with one unique prefix, a body and a description', () => {
    const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
    for (const prefix of prefixes) assert.equal(typeof prefix, 'string', 'one prefix per snippet keeps IntelliSense lists short');
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    assert.deepEqual([...prefixes].sort(), [...WHOLE_REPORTS.map((report) => report.prefix), ...SECTION_PREFIXES].sort());
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${name}: body is an array of lines`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length >= 40, `${name}: description says what the snippet is for`);
      for (const line of snippet.body as string[]) {
        assert.ok(!/\s$/.test(line), `${name}: trailing whitespace in ${JSON.stringify(line)}`);
        assert.ok(!line.includes('\t'), `${name}: a tab in ${JSON.stringify(line)}; VS Code would turn it into the editor's indentation`);
      }
    }
  });
});

for (const [name, snippet] of Object.entries(snippets)) {
  describe(`${name} (${String(snippet.prefix)})`, () => {
    test('parses as a snippet: no malformed ${...}, only known variables', () => {
      const nodes = parseSnippet(bodyOf(snippet));
      for (const node of walkNodes(nodes)) {
        if (node.kind === 'variable') assert.ok(KNOWN_VARIABLES.has(node.name), `unknown variable $${node.name}`);
      }
    });

    test('numbers tab stops 1..n without gaps, defines each once, and has at most one $0', () => {
      const nodes = [...walkNodes(parseSnippet(bodyOf(snippet)))];
      const stops = nodes.filter((node) => node.kind === 'tabstop' || node.kind === 'placeholder' || node.kind === 'choice');
      const finals = stops.filter((node) => node.index === 0);
      assert.ok(finals.length <= 1, '$0 appears more than once');
      assert.ok(finals.every((node) => node.kind === 'tabstop'), '$0 is a plain final position');
      const numbers = [...new Set(stops.map((node) => node.index).filter((index) => index > 0))].sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), 'tab stops are numbered 1..n');
      // Numbers also follow document order, so Tab walks down the page.
      const firstSeen = [...new Set(stops.map((node) => node.index).filter((index) => index > 0))];
      assert.deepEqual(firstSeen, numbers, 'tab stops appear in document order');
      for (const index of numbers) {
        const defining = stops.filter((node) => node.index === index && node.kind !== 'tabstop');
        assert.ok(defining.length <= 1, `$${index} has ${defining.length} defaults; give it one and mirror it with $${index}`);
      }
    });

    test('choices are well formed', () => {
      for (const node of walkNodes(parseSnippet(bodyOf(snippet)))) {
        if (node.kind !== 'choice') continue;
        assert.ok(node.options.length >= 2, `\${${node.index}|...|} offers a single option`);
        assert.ok(node.options.every((option) => option.trim() === option && option.length > 0), `\${${node.index}} has an empty or padded option`);
        assert.equal(new Set(node.options).size, node.options.length, `\${${node.index}} repeats an option`);
      }
    });
  });
}

describe('whole-report snippets', () => {
  for (const { prefix, template, sections } of WHOLE_REPORTS) {
    describe(prefix, () => {
      let text = '';
      before(() => {
        text = expanded(prefix);
      });

      test('start with postmortem front matter naming the template', () => {
        const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
        assert.ok(match, 'front matter at the very top');
        const data = parseYaml(match[1]) as Record<string, unknown>;
        assert.equal(data.type, 'postmortem');
        assert.equal(data.template, template);
        assert.equal(data.timezone, 'UTC');
        assert.equal(data.date, '2024-05-10');
        assert.ok(['SEV1', 'SEV2', 'SEV3', 'SEV4'].includes(String(data.severity)));
        assert.ok(['draft', 'in review', 'final'].includes(String(data.status)));
        assert.deepEqual(data.authors, ['@your-handle']);
        assert.equal(typeof data.title, 'string');
        // The H1 mirrors the title tab stop, so both change together.
        assert.deepEqual(headings(text)[0], { level: 1, title: `Postmortem: ${data.title as string}` });
        assert.equal(headings(text).filter((heading) => heading.level === 1).length, 1);
      });

      test("contain every section of the brief's template, in order", () => {
        const titles = headings(text).map((heading) => heading.title);
        let from = 0;
        for (const section of sections) {
          const at = titles.findIndex((title, i) => i >= from && normalizeHeading(title) === normalizeHeading(section));
          assert.ok(at >= 0, `no "${section}" heading after "${titles[from - 1] ?? 'the start'}"`);
          from = at + 1;
        }
      });

      test("satisfy every section of the analysis core's template of the same name", () => {
        const known = BUILT_IN_TEMPLATES.get(template);
        assert.ok(known, `the analysis core has no "${template}" template`);
        const found = new Set(headings(text).flatMap((heading) => matchSection(heading.title, known)));
        for (const section of flattenSections(known.sections)) assert.ok(found.has(section.id), `nothing satisfies ${section.id} ("${section.title}")`);
      });

      test('keep the timeline in UTC and action items in the checklist shape the linter reads', () => {
        const lines = text.split('\n');
        assert.ok(lines.includes('## Timeline (all times UTC)'));
        const entries = lines.filter((line) => /^- \*\*.*\*\* — /.test(line));
        assert.ok(entries.length >= 3);
        for (const entry of entries) assert.match(entry, /^- \*\*(?:\d{4}-\d{2}-\d{2} )?HH:MM UTC\*\* — \S/);
        const tasks = lines.filter((line) => line.startsWith('- [ ] '));
        assert.ok(tasks.length >= 3);
        for (const task of tasks) assert.match(task, /^- \[ \] \S.* \(owner: @[\w-]+, due: YYYY-MM-DD\)$/);
      });
    });
  }
});

describe('section snippets', () => {
  test('pm-summary has Duration (start – end, with zone), Impact and Root cause fields', () => {
    const lines = expanded('pm-summary').split('\n');
    assert.equal(lines[0], '## Summary');
    assert.match(lines.find((line) => line.startsWith('**Duration:**')) ?? '', /^\*\*Duration:\*\* 2024-05-10 HH:MM – 2024-05-10 HH:MM UTC \(.+\)$/);
    assert.ok(lines.some((line) => /^\*\*Impact:\*\* .*How many users, requests, or dollars\?/.test(line)));
    assert.ok(lines.some((line) => /^\*\*Root cause:\*\* \S/.test(line)));
  });

  test('pm-impact and pm-impact-table hold a table of impact numbers', () => {
    for (const prefix of ['pm-impact', 'pm-impact-table']) {
      const rows = expanded(prefix).split('\n').filter((line) => line.startsWith('|'));
      assert.ok(rows.length >= 4, prefix);
      assert.match(rows[1], /^\| --- \| --- \|$/);
      assert.ok(rows.some((row) => /Users affected/.test(row)));
    }
    assert.equal(expanded('pm-impact').split('\n')[0], '## Impact');
  });

  test('pm-timeline has the UTC heading and a first entry', () => {
    assert.deepEqual(expanded('pm-timeline').split('\n').slice(0, 3), ['## Timeline (all times UTC)', '', '- **2024-05-10 HH:MM UTC** — The earliest relevant event, often a change hours before the first alert. Who or what did it?']);
  });

  test('pm-entry stamps the current time with its real offset from UTC', () => {
    const body = bodyOf(byPrefix.get('pm-entry')!);
    assert.ok(body.includes('$CURRENT_HOUR:$CURRENT_MINUTE'));
    // The clock variables are local time: labelling them plain "UTC" would be wrong everywhere but in UTC.
    assert.match(expanded('pm-entry'), /^- \*\*14:30 UTC\+02:00\*\* — \S.*\n$/);
  });

  test('pm-rootcause, pm-resolution, pm-lessons and pm-5whys open with their heading', () => {
    assert.equal(expanded('pm-rootcause').split('\n')[0], '## Root Cause');
    assert.equal(expanded('pm-resolution').split('\n')[0], '## Resolution');
    assert.deepEqual(headings(expanded('pm-lessons')).map((heading) => heading.title), ['Lessons Learned', 'What went well', 'What went wrong', 'Where we got lucky']);
    const whys = expanded('pm-5whys').split('\n');
    assert.equal(whys[0], '## Five whys');
    assert.equal(whys.filter((line) => /^\d\. Why .+\? Because .+/.test(line)).length, 5);
  });

  test('pm-actions and pm-action use the action-item table with choices for type and priority', () => {
    const table = expanded('pm-actions').split('\n');
    assert.equal(table[0], '## Action Items');
    assert.equal(table[2], '| Action | Type | Owner | Priority | Due | Tracking |');
    const row = expanded('pm-action').split('\n')[0];
    assert.equal(row, table[4], 'pm-action adds a row of the pm-actions table');
    assert.equal(row.split('|').length - 2, 6, 'six cells');
    const choices = [...walkNodes(parseSnippet(bodyOf(byPrefix.get('pm-action')!)))].filter((node) => node.kind === 'choice');
    assert.deepEqual(
      choices.map((node) => (node.kind === 'choice' ? node.options : [])),
      [['mitigate', 'prevent', 'detect', 'repair', 'process'], ['P0', 'P1', 'P2', 'P3']],
    );
  });

  test('pm-frontmatter is the front matter of the whole reports, with a template choice', () => {
    const text = expanded('pm-frontmatter');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    assert.ok(match);
    assert.deepEqual(parseYaml(match[1]), {
      type: 'postmortem',
      title: 'What broke, for whom (e.g. Checkout API errors after config push)',
      date: '2024-05-10',
      severity: 'SEV1',
      status: 'draft',
      template: 'essential',
      timezone: 'UTC',
      authors: ['@your-handle'],
    });
    const templates = [...walkNodes(parseSnippet(bodyOf(byPrefix.get('pm-frontmatter')!)))].find((node) => node.kind === 'choice' && node.options.includes('google-sre'));
    assert.deepEqual(templates?.kind === 'choice' ? templates.options : [], ['essential', 'google-sre', 'pagerduty', 'atlassian']);
  });
});

describe('the snippet parser', () => {
  test('reads what VS Code reads and rejects what VS Code would insert as plain text', () => {
    assert.equal(expand(parseSnippet('a ${1:b ${2:c}} $1 \\$x ${3|p,q\\,r|} $CURRENT_YEAR $0')), 'a b c b c $x p 2024 ');
    assert.deepEqual(
      parseSnippet('${1|p,q\\,r|}').map((node) => (node.kind === 'choice' ? node.options : node.kind)),
      [['p', 'q,r']],
    );
    for (const broken of ['${1:unclosed', '${1|a,b}', '${1|a|b|}', '${', '${1/a/b/}', 'stray }']) {
      assert.throws(() => parseSnippet(broken), SnippetSyntaxError, broken);
    }
  });
});
