/**
 * chrono's casual English for one text, without the relative parsers whose words the text lacks. Those parsers spell
 * out every time unit and number word: each costs up to a tenth of a second to compile and tier up on first use,
 * which most runs paid for nothing. Each needs its word after the unit ("5 days ago", "2 weeks later"), so where the
 * word is missing it cannot match, and the results are the full configuration's.
 */
import * as chrono from 'chrono-node';
import { patternOf } from './timestamps';

/** A relative parser, recognised by a piece of its pattern (production bundles rename classes), and the words it needs. */
interface Gate {
  marker: string;
  needs: RegExp;
}

/** "5 days ago", "2 weeks before". */
export const AGO: Gate = { marker: '(?:ago|before|earlier)', needs: /(?:ago|before|earlier)(?=\W|$)/i };
/** "2 weeks later", "3 days from now". */
export const LATER: Gate = { marker: '(?:later|after|from now|henceforth|forward|out)', needs: /(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i };
const GATES = [AGO, LATER];

export const gateOf = (parser: chrono.Parser): Gate | undefined => GATES.find((gate) => patternOf(parser).includes(gate.marker));

const parsers = new Map<string, chrono.Chrono>();

/** chrono's casual English as it reads `text`; `past: false` leaves "ago" out everywhere (a deadline is never past). */
export function casualParser(text: string, { past = true } = {}): chrono.Chrono {
  const open = GATES.filter((gate) => (past || gate !== AGO) && gate.needs.test(text));
  const key = open.map((gate) => GATES.indexOf(gate)).join(',');
  let parser = parsers.get(key);
  if (!parser) {
    const kept = chrono.casual.parsers.filter((candidate) => {
      const gate = gateOf(candidate);
      return !gate || open.includes(gate);
    });
    parsers.set(key, (parser = new chrono.Chrono({ parsers: kept, refiners: chrono.casual.refiners })));
  }
  return parser;
}
