/**
 * fast-check arbitraries for the property tests: postmortem-shaped Markdown built from the pieces real reports
 * are made of (section titles written every way, timeline lines, action items, tables, fences, comments, front
 * matter, placeholders, stray Unicode), and random edits to real reports.
 */
import fc from 'fast-check';
import { corpus, seeds } from './corpus';

const TITLES = ['Summary', 'Issue Summary', 'Impact', 'Timeline', 'Root Cause', 'Root Cause and Resolution', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'TODOs', 'Corrective and Preventative Measures', 'Appendix', 'Postmortem'];
const ZONES = ['UTC', 'PST', 'PDT', 'CET', 'IST', 'EAT', 'GMT+1', 'UTC-05:00', '', 'America/New_York'];
const WORDS = ['the', 'database', 'failed', 'TODO', 'TBD', '[insert impact]', 'YYYY-MM-DD', 'John', 'forgot', 'carelessly', '@ana', 'due', '2024-07-01', 'next sprint', 'investigate', 'look into', '50%', 'users', 'PROJ-123', '#42', 'owner:', '—', 'é', '😀', '**bold**', '`code`', '[link](https://example.com)', 'https://example.com/x'];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 10 }).map((list) => list.join(' '));
const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.boolean()).map(([hour, minute, meridiem]) =>
  meridiem ? `${(hour % 12) + 1}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}` : `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
);
const date = fc.tuple(fc.integer({ min: 2019, max: 2025 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 })).map(
  ([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
);

const heading = fc.tuple(fc.constantFrom('#', '##', '###', '##', '###', '**', ''), fc.constantFrom(...TITLES), fc.constantFrom('', ':')).map(([marker, title, colon]) =>
  marker === '**' ? `**${title}${colon}**` : marker ? `${marker} ${title}${colon}` : `${title}${colon}`,
);
const timelineLine = fc.tuple(fc.constantFrom('- ', '* ', '', '| ', '1. '), fc.option(date, { nil: undefined }), clock, fc.constantFrom(...ZONES), words).map(
  ([bullet, day, time, zone, text]) => `${bullet}${day ? `${day} ` : ''}**${time}${zone ? ` ${zone}` : ''}** — ${text}${bullet === '| ' ? ' |' : ''}`,
);
const actionItem = fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '- ', '1. '), words, fc.option(fc.constantFrom('(owner: @ana, due 2024-07-01)', 'Owner: SRE team', 'due: next sprint', '@bob', '(P1)'), { nil: undefined })).map(
  ([bullet, text, fields]) => `${bullet}${text}${fields ? ` ${fields}` : ''}`,
);
const block = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 4, arbitrary: words },
  { weight: 4, arbitrary: timelineLine },
  { weight: 3, arbitrary: actionItem },
  { weight: 1, arbitrary: fc.constantFrom('| Time | Event |\n|---|---|', '| Action | Owner | Due |\n|---|---|---|', '```', '~~~', '<!--', '-->', '<!-- postmortem-disable -->', '<!-- postmortem-disable-next-line missing-section -->', '<h2>Timeline</h2>', '> quote', '---', '***', '[x]: https://example.com', '\t- nested', '    indented code') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

const FRONT_MATTER = ['---\ntype: postmortem\ntimezone: UTC\ndate: 2024-05-10\n---', '---\ntitle: "Outage"\ntemplate: google-sre\n---', '---\nbroken: [yaml\n---', '---\ntemplate: 5\n---', ''];

/** A postmortem-shaped Markdown text, with any line breaks. */
export const markdownArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FRONT_MATTER), fc.array(block, { maxLength: 40 }), fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n'), fc.boolean())
  .map(([frontMatter, blocks, eol, bom]) => `${bom ? '\uFEFF' : ''}${[frontMatter, ...blocks].filter(Boolean).join(eol)}`.replace(/\n/g, eol === '\r\n' ? '\r\n' : '\n'));

export const SHARED_TEXTS: readonly string[] = [...seeds(), ...corpus()].map((document) => document.text);

/** A real report with a few random edits (insertions of Markdown pieces, deletions, replacements). */
export const editedReportArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.nat({ max: SHARED_TEXTS.length - 1 }),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.oneof(block, fc.constantFrom('', '\n', '#', '`', '|', '- '))), { minLength: 1, maxLength: 4 }),
  )
  .map(([index, edits]) =>
    edits.reduce((text, [at, remove, insert]) => {
      const offset = Math.floor(at * text.length);
      return text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
    }, SHARED_TEXTS[index]),
  );

/** A section built as HTML: its `<hN>` title and text in one block (a `<div>`, or bare lines), sometimes with the next title inside it. */
const htmlSection = fc.tuple(fc.constantFrom(...TITLES), fc.integer({ min: 1, max: 4 }), fc.array(fc.oneof(words, timelineLine, actionItem), { maxLength: 4 }), fc.constantFrom('div', 'bare', 'inline'))
  .map(([title, level, lines, wrap]) => {
    const heading = `<h${level}>${title}</h${level}>`;
    const body = lines.map((line) => `<p>${line}</p>`);
    if (wrap === 'inline') return `<div>${heading}${body.join('')}</div>`;
    return wrap === 'div' ? ['<div>', `  ${heading}`, ...body.map((line) => `  ${line}`), '</div>'].join('\n') : [heading, ...body].join('\n');
  });

/** A report built from HTML blocks, with Markdown sections and lines between them. */
export const htmlReportArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: htmlSection }, { weight: 1, arbitrary: block }), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n\n'))
  .map(([blocks, eol]) => blocks.join(eol));

/** Random Markdown or an edited report. */
export const documentArbitrary: fc.Arbitrary<string> = fc.oneof(markdownArbitrary, editedReportArbitrary);
