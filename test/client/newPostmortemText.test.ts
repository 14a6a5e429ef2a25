import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { localDate, slugify, withTitle } from '../../client/src/commands/newPostmortemText';
import { ROOT } from '../helpers/lspClient';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}

/** The whole-report snippets the extension ships, by prefix (what New Postmortem expands). */
function reportSnippets(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const bodies = new Map<string, string>();
  for (const { path } of manifest.contributes.snippets) {
    const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
    for (const snippet of Object.values(snippets)) {
      for (const prefix of [snippet.prefix].flat()) if (/^postmortem(-|$)/.test(prefix)) bodies.set(prefix, [snippet.body].flat().join('\n'));
    }
  }
  return bodies;
}

test('every report template New Postmortem offers is shipped as a snippet', () => {
  assert.deepEqual([...reportSnippets().keys()].sort(), ['postmortem', 'postmortem-atlassian', 'postmortem-google', 'postmortem-pagerduty']);
});

test('the title replaces the tab stop of the heading, everywhere it appears', () => {
  const body = '---\ntype: postmortem\ntitle: "${1:What broke}"\ndate: ${2:$CURRENT_YEAR}\n---\n\n# Postmortem: $1\n\n## Summary\n\n${12:Impact} ${1}';
  assert.equal(
    withTitle(body, 'Checkout API outage'),
    '---\ntype: postmortem\ntitle: "Checkout API outage"\ndate: ${2:$CURRENT_YEAR}\n---\n\n# Postmortem: Checkout API outage\n\n## Summary\n\n${12:Impact} Checkout API outage',
  );
});

test('a title with quotes, dollars and braces stays literal text (escaped for YAML in front matter)', () => {
  const body = '---\ntitle: "${1:Title}"\n---\n# ${1:Title}\n';
  assert.equal(withTitle(body, 'Release "v2} $HOME'), '---\ntitle: "Release \\\\"v2\\} \\$HOME"\n---\n# Release "v2\\} \\$HOME\n');
});

test('a heading without a tab stop is replaced; a body without a heading gets one after its front matter', () => {
  assert.equal(withTitle('# Postmortem\n\n## Summary\n', 'DNS outage'), '# DNS outage\n\n## Summary\n');
  assert.equal(withTitle('---\ntype: postmortem\n---\n## Summary\n', 'DNS outage'), '---\ntype: postmortem\n---\n# DNS outage\n\n## Summary\n');
});

test('each shipped report, titled, is a postmortem that carries its title', () => {
  for (const [prefix, body] of reportSnippets()) {
    const titled = withTitle(body, 'Checkout API outage');
    // Leave every other tab stop at its default text, as the user sees it before typing.
    const text = titled.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
    assert.match(text, /^# .*Checkout API outage/m, prefix);
    assert.ok(analyze({ text }).isPostmortem, `${prefix} is detected as a postmortem`);
  }
});

test('file names: a slug of the title and the local date', () => {
  assert.equal(slugify('Checkout API outage'), 'checkout-api-outage');
  assert.equal(slugify('  Café: DNS → 502s!! '), 'cafe-dns-502s');
  assert.equal(slugify('東京リージョン障害'), '東京リージョン障害');
  assert.equal(slugify('!!!'), 'incident');
  assert.equal(slugify('a'.repeat(59) + ' b'), 'a'.repeat(59));
  assert.equal(localDate(new Date(2024, 0, 5, 23, 59)), '2024-01-05');
});
