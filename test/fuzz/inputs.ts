/**
 * Fuzz inputs: real reports mutated at random, random bytes read as UTF-8 (as the server and CLI read a file),
 * and shapes that break parsers and regular expressions: deep nesting, huge lines, thousands of headings,
 * list items or timeline entries, long runs of one delimiter. All deterministic for a seed.
 */
import { corpus, seeds } from '../helpers/corpus';

export interface FuzzInput {
  /** What the input is, for the fixture's name and the report. */
  kind: string;
  text: string;
}

/** A small, fast, seeded generator (mulberry32), so a campaign can be replayed from its seed. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const REPORTS = [...seeds(), ...corpus()].map((document) => document.text);
const PIECES = ['#', '## ', '\n', '\r\n', '\r', '`', '```', '~~~', '<!--', '-->', '<div>', '</div>', '- ', '* ', '1. ', '> ', '|', '---', '***', '[', ']', '(', ')', '[x]: /u', '[^1]', '!', '\\', '\t', '\u0000', '\uFFFD', '\uFEFF', '\u200B', '😀', 'é', '12:00', ' UTC', '**', '__', '<', '>', '&amp;', ':', '@', 'TODO'];

function mutate(random: Random, text: string): string {
  let result = text;
  for (let count = 1 + random.int(8); count > 0; count--) {
    const at = random.int(result.length + 1);
    switch (random.int(5)) {
      case 0:
        result = result.slice(0, at) + random.pick(PIECES) + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + 1 + random.int(200));
        break;
      case 2: {
        // Duplicate a slice: repeated sections, repeated timeline lines.
        const length = random.int(400);
        result = result.slice(0, at + length) + result.slice(at, at + length) + result.slice(at + length);
        break;
      }
      case 3:
        // Splice in part of another report.
        result = result.slice(0, at) + random.pick(REPORTS).slice(random.int(2000), random.int(4000)) + result.slice(at);
        break;
      default:
        result = result.slice(0, at) + String.fromCharCode(random.int(0x3000)) + result.slice(at + 1);
    }
  }
  return result;
}

function randomBytes(random: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = random.int(256);
  return bytes.toString('utf8');
}

const repeat = (unit: string, times: number) => unit.repeat(times);

/** A count between `base` and `base + spread`, times `scale`. */
function count(random: Random, base: number, spread: number, scale: number): number {
  return Math.max(1, Math.round((base + random.int(spread)) * scale));
}

/**
 * The shapes that stress parsers and patterns, each sized by the generator and `scale` (1 for `npm run fuzz`).
 * Nesting goes to 10 000 levels; a list nested by indentation grows as the square of its depth, so it stops at
 * 600 levels (360 000 characters).
 */
const SHAPES: Array<(random: Random, scale: number) => FuzzInput> = [
  (random, scale) => ({ kind: 'nested-lists', text: Array.from({ length: count(random, 100, 500, scale) }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n') }),
  (random, scale) => ({ kind: 'nested-list-markers', text: `${repeat(random.pick(['- ', '* ', '1. ']), count(random, 2000, 8000, scale))}deep\n` }),
  (random, scale) => ({ kind: 'nested-quotes', text: `${repeat('> ', count(random, 2000, 8000, scale))}deep\n` }),
  (random, scale) => ({ kind: 'nested-brackets', text: `${repeat(random.pick(['[', '![', '[a ']), count(random, 500, 10000, scale))}x${repeat(random.pick([']', '](y)']), count(random, 500, 10000, scale))}\n` }),
  (random, scale) => ({ kind: 'emphasis-runs', text: `${repeat(random.pick(['*a', '**a ', '_a ', '*']), count(random, 500, 10000, scale))}x${repeat(random.pick(['*', ' b**', ' b_']), count(random, 0, 5000, scale))}\n` }),
  (random, scale) => ({ kind: 'long-line', text: `# Postmortem\n\n## Timeline\n\n- 10:00 UTC ${repeat(random.pick(['a', 'a ', '12:00 ', 'x:', '(', '-', '0', 'TODO ', '@a ', 'due ']), count(random, 50_000, 50_000, scale))}\n` }),
  (random, scale) => ({ kind: 'long-word-line', text: `${repeat('a', count(random, 100_000, 50_000, scale))}!\n` }),
  (random, scale) => ({
    kind: 'many-headings',
    text: Array.from({ length: count(random, 2000, 3000, scale) }, (_, index) => `${repeat('#', 1 + (index % 6))} ${random.pick(['Summary', 'Timeline', 'Root Cause', 'Action Items', 'Impact'])} ${index}\n\ntext ${index}\n`).join('\n'),
  }),
  (random, scale) => ({
    kind: 'many-list-items',
    text: `# Postmortem\n\n## Action Items\n\n${Array.from({ length: count(random, 2000, 3000, scale) }, (_, index) => `- [ ] Fix thing ${index} (owner: @a${index % 7}, due 2024-0${1 + (index % 9)}-1${index % 10})`).join('\n')}\n`,
  }),
  (random, scale) => ({
    kind: 'many-timeline-entries',
    text: `# Incident report\n\n## Timeline\n\n${Array.from({ length: count(random, 2000, 3000, scale) }, (_, index) => `- ${String(random.int(24)).padStart(2, '0')}:${String(random.int(60)).padStart(2, '0')} ${random.pick(['UTC', 'PST', 'CET', 'IST', ''])} — event ${index}`).join('\n')}\n`,
  }),
  (random, scale) => ({ kind: 'huge-table', text: `## Timeline\n\n| Time | Event |\n|---|---|\n${Array.from({ length: count(random, 1000, 4000, scale) }, (_, index) => `| ${index % 24}:${String(index % 60).padStart(2, '0')} | event ${index} |`).join('\n')}\n` }),
  (random, scale) => ({ kind: 'many-comments', text: Array.from({ length: count(random, 2000, 5000, scale) }, (_, index) => `<!-- postmortem-disable${index % 2 ? '-next-line' : ''} rule-${index} -->\ntext`).join('\n') }),
  (random, scale) => ({ kind: 'delimiter-run', text: repeat(random.pick(['`', '~', '|', '-', '=', '#', '<', '&', '\\', ':', '1.', '(', ')', '*', '_', '[', ']']), count(random, 50_000, 100_000, scale)) }),
  (random, scale) => ({ kind: 'many-lines', text: repeat(random.pick(['\n', '\r\n', '\r', '\n \n', 'a\n', '|\n']), count(random, 50_000, 100_000, scale)) }),
  (random, scale) => ({ kind: 'yaml-aliases', text: `---\n${Array.from({ length: count(random, 200, 2000, scale) }, (_, index) => `key${index}: &a${index} [*a0, *a0, *a0]`).join('\n')}\n---\n# Postmortem\n` }),
];

/** One input of the campaign: a shape (sized by `scale`), a mutated report, or random bytes. */
export function nextInput(random: Random, scale = 1): FuzzInput {
  const choice = random.int(10);
  if (choice < 3) return random.pick(SHAPES)(random, scale);
  if (choice < 9) return { kind: 'mutated-report', text: mutate(random, random.pick(REPORTS)) };
  return { kind: 'random-bytes', text: randomBytes(random, 1 + random.int(20_000)) };
}
