/**
 * The TextMate grammar injected into Markdown (syntaxes/postmortem.injection.tmLanguage.json).
 *
 * The grammar is loaded the way VS Code loads it: through package.json's `contributes.grammars` entry and its
 * `injectTo`, on top of a host grammar with the scope name of VS Code's Markdown grammar
 * (test/fixtures/grammar/markdown-host.tmLanguage.json). The host matters: the injection must stay out of code,
 * comments, HTML tags and front matter, and must not break the host's own structure (paragraphs, bold, inline code).
 *
 * Cases are tables of a line and, for substrings of it in order, the exact `.postmortem` scopes every character of
 * that substring carries; `[]` asserts that nothing of ours is there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { abbreviationMeanings, findZone } from '../../server/src/analysis/time/zones';
import { corpus, seeds } from '../helpers/corpus';

const ROOT = resolve(__dirname, '../..');
const HOST_GRAMMAR = join(ROOT, 'test/fixtures/grammar/markdown-host.tmLanguage.json');

const TS = 'constant.numeric.timestamp.postmortem';
const TZ = 'constant.language.timezone.postmortem';
const AMBIGUOUS = 'invalid.deprecated.timezone.ambiguous.postmortem';
const OWNER = 'variable.other.owner.postmortem';
const DUE = 'keyword.other.due.postmortem';
const DUE_DATE = 'constant.numeric.due-date.postmortem';
const TRACKING = 'entity.name.type.tracking.postmortem';
const SEVERITY = 'keyword.other.severity.postmortem';
const URL_ = 'meta.link.url.postmortem';
const EMAIL = 'meta.link.email.postmortem';

/** Every scope the grammar may emit: the README documents this list, so a new scope must be added here too. */
const DOCUMENTED_SCOPES = [TS, TZ, AMBIGUOUS, OWNER, DUE, DUE_DATE, TRACKING, SEVERITY, URL_, EMAIL];

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
  language?: string;
}

function contributedGrammars(): GrammarContribution[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { grammars?: GrammarContribution[] } };
  return manifest.contributes?.grammars ?? [];
}

async function loadMarkdownWithInjection(): Promise<{ grammar: IGrammar; raw: IRawGrammar }> {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
    createOnigString: (text: string) => oniguruma.createOnigString(text),
  } as unknown as IOnigLib);

  const contributions = contributedGrammars();
  const paths = new Map<string, string>([['text.html.markdown', HOST_GRAMMAR]]);
  for (const contribution of contributions) paths.set(contribution.scopeName, join(ROOT, contribution.path));
  const registry = new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const path = paths.get(scopeName);
      return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    // As VS Code's TMGrammarFactory: a grammar injected into "text.html" is also injected into "text.html.markdown".
    getInjections: (scopeName) => {
      const parts = scopeName.split('.');
      const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('.'));
      return contributions.filter((c) => c.injectTo?.some((target) => prefixes.includes(target))).map((c) => c.scopeName);
    },
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the host grammar loads');
  const own = contributions.find((c) => c.scopeName === 'postmortem.injection');
  assert.ok(own, 'package.json contributes the postmortem.injection grammar');
  const raw = JSON.parse(readFileSync(join(ROOT, own.path), 'utf8')) as IRawGrammar;
  return { grammar, raw };
}

interface CharScopes {
  /** Our scopes on each UTF-16 unit of the text; line breaks get []. */
  ours: string[][];
  /** The host's scopes on each unit, for checking the injection left the Markdown structure alone. */
  host: string[][];
}

function tokenize(grammar: IGrammar, text: string): CharScopes {
  const ours: string[][] = [];
  const host: string[][] = [];
  let state: StateStack = INITIAL;
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) {
      ours.push([]);
      host.push([]);
    }
    const result = grammar.tokenizeLine(line, state);
    assert.equal(result.stoppedEarly, false, `tokenizing ${JSON.stringify(line)} stopped early`);
    state = result.ruleStack;
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) {
        ours.push(token.scopes.filter((scope) => scope.endsWith('.postmortem')));
        host.push(token.scopes.filter((scope) => !scope.endsWith('.postmortem')));
      }
    }
  }
  return { ours, host };
}

type Expectation = [needle: string, scopes: string[]];

/** Asserts each needle (found in order, left to right) carries exactly `scopes` on every character, and no further. */
function expectScopes(grammar: IGrammar, text: string, expectations: Expectation[]): void {
  const { ours } = tokenize(grammar, text);
  let from = 0;
  for (const [needle, scopes] of expectations) {
    const start = text.indexOf(needle, from);
    assert.ok(start >= 0, `${JSON.stringify(needle)} not found in ${JSON.stringify(text)} after offset ${from}`);
    const end = start + needle.length;
    for (let i = start; i < end; i++) {
      assert.deepEqual(ours[i], scopes, `${JSON.stringify(text)}: ${JSON.stringify(needle)} at ${JSON.stringify(text[i])} (offset ${i})`);
    }
    if (scopes.length > 0) {
      // The scope must end where the needle ends: "14:30" in "14:30-15:45" is one timestamp, not "14:30-15".
      const same = (i: number) => i >= 0 && i < text.length && text[i] !== '\n' && JSON.stringify(ours[i]) === JSON.stringify(scopes);
      assert.ok(!same(start - 1), `${JSON.stringify(text)}: ${JSON.stringify(needle)} extends to the left`);
      assert.ok(!same(end), `${JSON.stringify(text)}: ${JSON.stringify(needle)} extends to the right`);
    }
    from = end;
  }
}

/** Table rows: a line of Markdown and what its substrings carry. */
type Case = [text: string, expectations: Expectation[]];

let grammar: IGrammar;
let raw: IRawGrammar;
before(async () => {
  ({ grammar, raw } = await loadMarkdownWithInjection());
});

function runTable(cases: Case[]): void {
  for (const [text, expectations] of cases) {
    test(JSON.stringify(text), () => expectScopes(grammar, text, expectations));
  }
}

describe('timestamps', () => {
  runTable([
    ['- **14:30 UTC** — deploy started', [['14:30', [TS]], ['UTC', [TZ]]]],
    ['At 9:00 PM the alert fired', [['9:00 PM', [TS]]]],
    ['12:50:07 first error logged', [['12:50:07', [TS]]]],
    ['Rolled back at 2100hrs.', [['2100hrs', [TS]], ['.', []]]],
    ['Rolled back at 0930 hrs', [['0930 hrs', [TS]]]],
    ['Recovered at 10.46 pm, paged at 9pm, closed at 11 p.m.', [['10.46 pm', [TS]], ['9pm', [TS]], ['11 p.m.', [TS]]]],
    ['- 13:11: I notified the channel', [['13:11', [TS]], [':', []]]],
    ['Window 14:30-15:45, then 16:00–16:10', [['14:30', [TS]], ['-', []], ['15:45', [TS]], ['16:00', [TS]], ['–', []], ['16:10', [TS]]]],
    ['Started 2024-05-10, ended 2024-05-11', [['2024-05-10', [TS]], ['2024-05-11', [TS]]]],
    ['2023-09-10 14:30 (UTC)', [['2023-09-10', [TS]], [' ', []], ['14:30', [TS]], ['UTC', [TZ]]]],
    ['2024-05-10T08:30:00Z', [['2024-05-10T08:30:00', [TS]], ['Z', [TZ]]]],
    ['2024-05-10T08:30:00.123+02:00', [['2024-05-10T08:30:00.123', [TS]], ['+02:00', [TZ]]]],
    ['Logged 08:30:00Z and 14:30+03:00', [['08:30:00', [TS]], ['Z', [TZ]], ['14:30', [TS]], ['+03:00', [TZ]]]],
    ['May 10, 2024 at 08:00', [['May 10, 2024', [TS]], ['08:00', [TS]]]],
    ['10 May 2024, Feb 25th, 2023, the 14th of May, March 2024', [['10 May 2024', [TS]], ['Feb 25th, 2023', [TS]], ['14th of May', [TS]], ['March 2024', [TS]]]],
    ['03/15/2024, 07-27-2023, 15.03.2024, 2024/03/15', [['03/15/2024', [TS]], ['07-27-2023', [TS]], ['15.03.2024', [TS]], ['2024/03/15', [TS]]]],
    ['#### 00:01:', [['00:01', [TS]]]],
  ]);
});

describe('not timestamps', () => {
  runTable([
    ['HTTP 500 errors for 500 users', [['HTTP 500', []], ['500', []]]],
    ['v1.2.3, release 1.10.12, 99.95% uptime, TLS 1.2, 10.46 percent', [['v1.2.3', []], ['1.10.12', []], ['99.95', []], ['1.2', []], ['10.46', []]]],
    ['localhost:8080 and 10.0.0.1:8080', [['localhost:8080', []], ['10.0.0.1:8080', []]]],
    ['we may 10x this; 24/7 on-call; a ratio of 3:1', [['may 10', []], ['24/7', []], ['3:1', []]]],
    ['See 2024-05-10-rollback.md', [['2024-05-10-rollback', []]]],
    ['Unfilled: YYYY-MM-DD HH:MM', [['YYYY-MM-DD HH:MM', []]]],
  ]);
});

describe('time zones', () => {
  runTable([
    ['From 9:00 PM to 3:00 AM (UTC-5)', [['UTC-5', [TZ]], [')', []]]],
    ['UTC−5 written with a minus sign, GMT +1 and UTC+05:30', [['UTC−5', [TZ]], ['GMT +1', [TZ]], ['UTC+05:30', [TZ]]]],
    ['America/New_York and Europe/Berlin', [['America/New_York', [TZ]], ['Europe/Berlin', [TZ]]]],
    ['(East Africa Time, Ethiopia) and Pacific Standard Time', [['East Africa Time', [TZ]], [', Ethiopia', []], ['Pacific Standard Time', [TZ]]]],
    ['14:00 PST, 15:00 CET, 16:00 AEST', [['PST', [TZ]], ['CET', [TZ]], ['AEST', [TZ]]]],
    ['14:30 -05:00', [['14:30', [TS]], ['-05:00', [TZ]]]],
    ['Logged at 14:30 (+03:00); offsets alone: (-0500)', [['+03:00', [TZ]], ['-0500', [TZ]]]],
    ['9:00 PM CAT, 09:00 PT, **14:30** WAT', [['CAT', [TZ]], ['PT', [TZ]], ['WAT', [TZ]]]],
    ['Reported by the NOC (EAT)', [['EAT', [TZ]]]],
    ['Time zone: MSK', [['MSK', [TZ]]]],
    ['## Timeline (all times UTC)', [['UTC', [TZ]], [')', []]]],
  ]);
});

describe('ambiguous time zones', () => {
  // Each has several meanings; after a time every one of them is flagged.
  runTable(['IST', 'CST', 'CDT', 'BST', 'AST', 'ADT', 'GST', 'SST', 'ECT'].map((zone): Case => [`Paged at 14:00 ${zone}.`, [['14:00', [TS]], [zone, [AMBIGUOUS]], ['.', []]]]));
  runTable([
    ['## Timeline (all times BST)', [['BST', [AMBIGUOUS]]]],
    ['All times are in CST', [['CST', [AMBIGUOUS]]]],
    ['Detected at 9 PM CST by the on-call', [['9 PM', [TS]], ['CST', [AMBIGUOUS]]]],
    ['Duration: 10:00–11:30 IST (approx.)', [['IST', [AMBIGUOUS]]]],
    ['Escalated to the Gulf office (GST)', [['GST', [AMBIGUOUS]]]],
    ['IST standing alone is still ambiguous', [['IST', [AMBIGUOUS]]]],
  ]);
});

describe('not time zones', () => {
  runTable([
    ['last week the LIST grew', [['last', []], ['LIST', []]]],
    ['the BST rebalanced; the AST parser; GST is a tax; a CAT scan', [['BST', []], ['AST', []], ['GST', []], ['CAT', []]]],
    ['the 10 BST nodes and MSTs', [['BST', []], ['MSTs', []]]],
    ['a +1000 increase and -0500 in the ledger', [['+1000', []], ['-0500', []]]],
    ['PT-123 and CST-99 are tickets', [['PT-123', [TRACKING]], ['CST-99', [TRACKING]]]],
  ]);
});

describe('owners', () => {
  runTable([
    ['- [ ] Add alert (owner: @alice, due: 2024-06-01)', [['@alice', [OWNER]], [',', []], ['due:', [DUE]], ['2024-06-01', [DUE_DATE]], [')', []]]],
    ['Thanks @bob. Ping @org/sre-team or @jane.doe', [['@bob', [OWNER]], ['.', []], ['@org/sre-team', [OWNER]], ['@jane.doe', [OWNER]]]],
    ['Contact a@b.com or first.last+pm@example.co.uk', [['a@b.com', [EMAIL]], ['first.last+pm@example.co.uk', [EMAIL]]]],
    ['foo@bar, icon@2x.png and a lone @ sign', [['foo@bar', []], ['icon@2x.png', [EMAIL]], ['@', []]]],
  ]);
});

describe('due dates', () => {
  runTable([
    ['Ship the fix by 2024-06-01.', [['by', [DUE]], [' ', []], ['2024-06-01', [DUE_DATE]], ['.', []]]],
    ['Due: June 30', [['Due:', [DUE]], ['June 30', [DUE_DATE]]]],
    ['deadline: Q3 2024, due 06/30/2024, Due date: 1st of July', [['deadline:', [DUE]], ['Q3 2024', [DUE_DATE]], ['due', [DUE]], ['06/30/2024', [DUE_DATE]], ['Due date:', [DUE]], ['1st of July', [DUE_DATE]]]],
    ['due: YYYY-MM-DD', [['due:', []], ['YYYY-MM-DD', []]]],
    ['caused by load', [['by', []]]],
  ]);
});

describe('tracking references', () => {
  runTable([
    ['See ABC-123, INC-2024 and #42', [['ABC-123', [TRACKING]], [',', []], ['INC-2024', [TRACKING]], ['#42', [TRACKING]]]],
    ['Fixed in octo/repo#1677', [['octo/repo#1677', [TRACKING]]]],
    ['UTF-8, SHA-256, ISO-8601, CVE-2024-1234, COVID-19, ABC-123-fix', [['UTF-8', []], ['SHA-256', []], ['ISO-8601', []], ['CVE-2024-1234', []], ['COVID-19', []], ['ABC-123-fix', []]]],
    ['&#123; is an entity; issue#12 is glued', [['&#123;', []], ['issue#12', []]]],
    ['https://jira.example.com/browse/ABC-123#456 at 14:00', [['https://jira.example.com/browse/ABC-123#456', [URL_]], ['14:00', [TS]]]],
  ]);
});

describe('severities', () => {
  runTable([
    ['SEV1, SEV-1, Sev 2, (SEV0), sev4', [['SEV1', [SEVERITY]], ['SEV-1', [SEVERITY]], ['Sev 2', [SEVERITY]], ['SEV0', [SEVERITY]], ['sev4', [SEVERITY]]]],
    ['Priority P0, then P4; P1-P2', [['P0', [SEVERITY]], ['P4', [SEVERITY]], ['P1', [SEVERITY]], ['-', []], ['P2', [SEVERITY]]]],
    ['P99 latency, P5, p1, SEV12, MP3', [['P99', []], ['P5', []], ['p1', []], ['SEV12', []], ['MP3', []]]],
  ]);
});

describe('inside Markdown', () => {
  runTable([
    ['Run `deploy --at 14:30 SEV1` now', [['14:30', []], ['SEV1', []]]],
    ['Before.\n\n```\nkubectl logs --since=14:30 SEV1 @alice\n```\n', [['14:30', []], ['SEV1', []], ['@alice', []]]],
    ['```yaml\nat: 14:30\n```', [['14:30', []]]],
    ['Before.\n\n    14:30 SEV1 in an indented block', [['14:30', []], ['SEV1', []]]],
    ['---\nseverity: SEV1\ndate: 2024-05-10\n---\n\n14:30 after the front matter', [['SEV1', []], ['2024-05-10', []], ['14:30', [TS]]]],
    ['<!-- 14:30 SEV1 @alice -->', [['14:30', []], ['SEV1', []], ['@alice', []]]],
    ['<span style="color: #696969;">14:30</span>', [['#696969', []], ['14:30', [TS]]]],
    ['Tracked in [ABC-123](https://jira.example.com/browse/ABC-123)', [['ABC-123', []], ['ABC-123', []]]],
    ['# Postmortem: SEV2 outage on 2024-05-10', [['SEV2', [SEVERITY]], ['2024-05-10', [TS]]]],
  ]);

  // An "L:" injection would win ties against the host's zero-width paragraph begin at the start of a line, and the
  // rest of the line would lose its paragraph: no bold, no inline code, and timestamps highlighted inside code.
  const hostCases: Array<[text: string, needle: string, hostScope: string]> = [
    ['14:30 **mitigated** by `rollback`', '**mitigated**', 'markup.bold.markdown'],
    ['14:30 **mitigated** by `rollback`', '`rollback`', 'markup.inline.raw.string.markdown'],
    ['- 14:30 ran `kubectl 10:00`', '`kubectl 10:00`', 'markup.inline.raw.string.markdown'],
    ['SEV1 declared by @alice, see **ABC-123**', '**ABC-123**', 'markup.bold.markdown'],
  ];
  for (const [text, needle, hostScope] of hostCases) {
    test(`keeps ${hostScope} in ${JSON.stringify(text)}`, () => {
      const { host, ours } = tokenize(grammar, text);
      const start = text.indexOf(needle);
      for (let i = start; i < start + needle.length; i++) assert.ok(host[i].includes(hostScope), `${JSON.stringify(text[i])} at ${i}: ${host[i].join(' ')}`);
      assert.deepEqual(ours[text.indexOf('10:00')] ?? [], [], 'no timestamp inside inline code');
    });
  }
});

describe('the grammar file', () => {
  type RawRule = { match?: string; begin?: string; end?: string; while?: string; name?: string; captures?: Record<string, { name: string }>; patterns?: RawRule[] };
  /** Each repository rule with the rules nested in it. */
  const rules = (): Array<[name: string, rule: RawRule]> =>
    Object.entries(raw.repository as unknown as Record<string, RawRule>).flatMap(([name, rule]) => [
      [name, rule] as [string, RawRule],
      ...(rule.patterns ?? []).map((nested, index) => [`${name}.patterns[${index}]`, nested] as [string, RawRule]),
    ]);

  test('is contributed as an injection into Markdown', () => {
    const own = contributedGrammars().find((c) => c.scopeName === 'postmortem.injection');
    assert.deepEqual(own, { scopeName: 'postmortem.injection', path: './syntaxes/postmortem.injection.tmLanguage.json', injectTo: ['text.html.markdown'] });
    // No "L:" prefix: see 'inside Markdown'. The exclusions use the built-in Markdown grammar's scope names.
    assert.equal(
      raw.injectionSelector,
      'text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment -meta.tag -meta.embedded.block.frontmatter',
    );
  });

  test('every regex compiles with the Oniguruma that VS Code uses', () => {
    for (const [name, rule] of rules()) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (typeof source === 'string') assert.doesNotThrow(() => oniguruma.createOnigScanner([source]).dispose(), `${name}.${key}`);
      }
    }
  });

  test('every rule is used and every scope is a documented .postmortem scope', () => {
    const included = new Set((raw.patterns ?? []).map((pattern) => pattern.include));
    const names = new Set<string>();
    for (const name of Object.keys(raw.repository)) assert.ok(included.has(`#${name}`), `${name} is never included`);
    for (const [, rule] of rules()) {
      if (rule.name) names.add(rule.name);
      for (const capture of Object.values(rule.captures ?? {})) names.add(capture.name);
    }
    assert.deepEqual([...names].sort(), [...DOCUMENTED_SCOPES].sort());
  });

  test('tokenizes every seed and corpus report in time', () => {
    for (const document of [...seeds(), ...corpus()]) {
      let state: StateStack = INITIAL;
      for (const line of document.text.split(/\r?\n/)) {
        // VS Code gives up on a line after 500 ms; a grammar this small should never come close.
        const result = grammar.tokenizeLine(line, state, 500);
        assert.equal(result.stoppedEarly, false, `${document.name}: ${line.slice(0, 80)}`);
        state = result.ruleStack;
      }
    }
  });
});

describe('agreement with the analysis core', () => {
  // The zones the grammar knows, as the analysis core (server/src/analysis/time/zones.ts) classifies them:
  // strong ones stand alone, weak ones need a time or "all times in" next to them.
  const ZONES = {
    strong: ['UTC', 'GMT', 'PST', 'PDT', 'MST', 'MDT', 'EST', 'EDT', 'AKST', 'AKDT', 'HST', 'BRT', 'CET', 'CEST', 'EET', 'EEST', 'SAST', 'PKT', 'WIB', 'WITA', 'SGT', 'MYT', 'PHT', 'HKT', 'AWST', 'JST', 'KST', 'ACST', 'ACDT', 'AEST', 'AEDT', 'NZST', 'NZDT', 'CST', 'CDT', 'IST'],
    weak: ['UT', 'PT', 'MT', 'CT', 'ET', 'NST', 'NDT', 'ART', 'CLT', 'COT', 'PET', 'WET', 'WEST', 'MET', 'MSK', 'TRT', 'WAT', 'CAT', 'EAT', 'NPT', 'ICT', 'WIT', 'AST', 'ADT', 'ECT', 'BST', 'GST', 'SST'],
  };

  for (const zone of [...ZONES.strong, ...ZONES.weak]) {
    test(zone, () => {
      const meanings = abbreviationMeanings(zone);
      assert.ok(meanings, `the analysis core does not know ${zone}`);
      const expected = meanings.length > 1 ? AMBIGUOUS : TZ;
      expectScopes(grammar, `Paged at 14:00 ${zone}`, [[zone, [expected]]]);
      const alone = `The ${zone} team`;
      const strongInCore = findZone(alone)?.text === zone;
      assert.equal(strongInCore, ZONES.strong.includes(zone), `the core reads "${alone}" ${strongInCore ? 'as' : 'not as'} a zone`);
      expectScopes(grammar, alone, [[zone, strongInCore ? [expected] : []]]);
    });
  }
});
