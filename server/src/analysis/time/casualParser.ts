/**
 * chrono's casual English for one text, without the relative parsers whose words the text lacks. Those parsers spell
 * out every time unit and number word: each costs up to a tenth of a second to compile and tier up on first use,
 * which most runs paid for nothing, and each runs over every text read. Each needs a time unit then its word ("5 days
 * ago", "2 weeks later"), or its word then units ("within 2 hours", "next 3 days"), so where a text has no such words
 * it cannot match, and the results are the full configuration's.
 */
import * as chrono from 'chrono-node';
import { patternOf } from './timestamps';

/** A relative parser, recognised by a piece of its pattern (production bundles rename classes), and whether a text has what it needs. */
interface Gate {
  marker: string;
  needs: (text: string) => boolean;
}

/**
 * How chrono's time units end ("5 days", "a few hours", "the week"): a number's last word or digit, then a unit. chrono
 * wants a word boundary after "a" or "an" ("a day", not "was"), except after "half" ("half an hour", "halfa day").
 */
const NUMBER_END = '(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half(?:\\s*an?)?|an?\\b|few|several|the|couple|of)';
export const UNITS = '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
/** A number and its unit, last of the list of them: a word boundary follows ("5 days", but not "these"). */
const LAST_UNIT = `${NUMBER_END}\\s*${UNITS}(?=\\W|$)`;
const matches = (pattern: string) => {
  const re = new RegExp(pattern, 'i');
  return (text: string) => re.test(text);
};
const gate = (words: string): Gate => ({ marker: words, needs: matches(`${NUMBER_END}\\s*${UNITS}\\s*${words}(?=\\W|$)`) });
/** Words, then units: `marker` opens the parser's pattern, and the last of its units ends it. */
const leading = (words: string): Gate => {
  const opening = new RegExp(words, 'i');
  const lastUnit = new RegExp(LAST_UNIT, 'gi');
  return {
    marker: `${words}\\s*`,
    // Units searched for once, from the first of the words: a pattern "words, then anything, then units" went back to
    // every word again, which made a long text full of dashes take seconds.
    needs: (text) => {
      const first = opening.exec(text);
      if (!first) return false;
      lastUnit.lastIndex = first.index;
      return lastUnit.test(text);
    },
  };
};

/** "5 days ago", "2 weeks before". */
export const AGO = gate('(?:ago|before|earlier)');
/** "2 weeks later", "3 days from now". */
export const LATER = gate('(?:later|after|from now|henceforth|forward|out)');
/** "within 2 hours", "in 3 days", "for a week"; with `forwardDate` chrono makes the words optional ("2 hours"). */
export const WITHIN: Gate = { marker: '(?:within|in|for)\\s*', needs: matches(LAST_UNIT) };
/** "next 2 weeks", "+3 days", "last few months". */
export const NEXT = leading('(this|last|past|next|after|\\+|-)');
const GATES = [AGO, LATER, WITHIN, NEXT];

export const gateOf = (parser: chrono.Parser): Gate | undefined => GATES.find((candidate) => patternOf(parser).includes(candidate.marker));

const parsers = new Map<string, chrono.Chrono>();

/** chrono's casual English as it reads `text`; `past: false` leaves "ago" out everywhere (a deadline is never past). */
export function casualParser(text: string, { past = true } = {}): chrono.Chrono {
  const open = GATES.filter((candidate) => (past || candidate !== AGO) && candidate.needs(text));
  const key = open.map((candidate) => GATES.indexOf(candidate)).join(',');
  let parser = parsers.get(key);
  if (!parser) {
    const kept = chrono.casual.parsers.filter((candidate) => {
      const needed = gateOf(candidate);
      return !needed || open.includes(needed);
    });
    parsers.set(key, (parser = new chrono.Chrono({ parsers: kept, refiners: chrono.casual.refiners })));
  }
  return parser;
}
