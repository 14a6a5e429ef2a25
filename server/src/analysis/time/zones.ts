/**
 * Time-zone mentions in postmortem prose: abbreviations ("PST", "EAT"), long names ("East Africa Time"),
 * UTC/GMT offsets ("UTC-5", "GMT +1", "+03:00") and IANA names ("Europe/Berlin").
 *
 * Pure: no editor or protocol imports. Offsets in the results are UTF-16 offsets into the given string.
 *
 * Two rules keep false hits down, because postmortems are full of uppercase acronyms:
 *  - abbreviations match case-sensitively and as whole words ("AST" but not "last", "IST" not in "LIST");
 *  - abbreviations that are also common words or acronyms ("CAT", "EAT", "BST" = binary search tree,
 *    "GST" = a tax, "MSK" = AWS MSK, "PT", "ET"...) are *weak*: they count only next to a time
 *    ("9:00 PM CAT"), in parentheses ("(CAT)"), or after "times in"/"time zone:".
 */
import { IANAZone } from 'luxon';
import { BoundedCache } from '../util/boundedCache';

export interface ZoneMeaning {
  /** Human-readable name, e.g. "India Standard Time". */
  label: string;
  /**
   * Fixed offset from UTC in minutes (east positive). Absent for generic names such as "Pacific Time" or "PT",
   * which follow DST: use `iana` for those.
   */
  offsetMinutes?: number;
  /** An IANA zone where one fits; lets callers resolve wall-clock times DST-correctly. */
  iana?: string;
}

export interface ZoneRef {
  /** The zone text as written, e.g. "PST", "UTC+05:30", "East Africa Time". */
  text: string;
  start: number;
  end: number;
  kind: 'offset' | 'abbreviation' | 'long-name' | 'iana';
  /** Human-readable name when known ("Pacific Standard Time"); absent for ambiguous mentions. */
  label?: string;
  /** Fixed offset written or implied. Absent for generic (DST-following) names and for ambiguous mentions. */
  offsetMinutes?: number;
  /** IANA zone where one fits. Absent for plain offsets and for ambiguous mentions. */
  iana?: string;
  /**
   * Set only when the mention is ambiguous (IST, CST, BST, ...): every plausible meaning, most common first.
   * `offsetMinutes`/`iana` are then deliberately left unset so that nobody silently picks one.
   */
  meanings?: ZoneMeaning[];
}

interface ZoneEntry {
  meanings: ZoneMeaning[];
  /** Also an ordinary word or common acronym: needs time context (see file comment). */
  weak?: boolean;
}

const m = (label: string, offsetMinutes: number | undefined, iana?: string): ZoneMeaning =>
  offsetMinutes === undefined ? { label, iana } : iana ? { label, offsetMinutes, iana } : { label, offsetMinutes };

// US zones get the IANA zone of the region although the abbreviation names one half of the year:
// people write "PST" all summer, and callers decide whether to honour the letter or the region.
const US_PACIFIC = 'America/Los_Angeles';
const US_MOUNTAIN = 'America/Denver';
const US_CENTRAL = 'America/Chicago';
const US_EASTERN = 'America/New_York';

/** Abbreviations, matched case-sensitively as whole words. Ambiguous ones list every meaning, most common first. */
const ABBREVIATIONS: Record<string, ZoneEntry> = {
  UTC: { meanings: [m('Coordinated Universal Time', 0, 'UTC')] },
  GMT: { meanings: [m('Greenwich Mean Time', 0, 'UTC')] },
  UT: { meanings: [m('Universal Time', 0, 'UTC')], weak: true },
  PST: { meanings: [m('Pacific Standard Time', -480, US_PACIFIC)] },
  PDT: { meanings: [m('Pacific Daylight Time', -420, US_PACIFIC)] },
  PT: { meanings: [m('Pacific Time', undefined, US_PACIFIC)], weak: true },
  MST: { meanings: [m('Mountain Standard Time', -420, US_MOUNTAIN)] },
  MDT: { meanings: [m('Mountain Daylight Time', -360, US_MOUNTAIN)] },
  MT: { meanings: [m('Mountain Time', undefined, US_MOUNTAIN)], weak: true },
  CST: {
    meanings: [
      m('Central Standard Time (US)', -360, US_CENTRAL),
      m('China Standard Time', 480, 'Asia/Shanghai'),
      m('Cuba Standard Time', -300, 'America/Havana'),
    ],
  },
  CDT: {
    meanings: [m('Central Daylight Time (US)', -300, US_CENTRAL), m('Cuba Daylight Time', -240, 'America/Havana')],
  },
  CT: { meanings: [m('Central Time (US)', undefined, US_CENTRAL)], weak: true },
  EST: { meanings: [m('Eastern Standard Time', -300, US_EASTERN)] },
  EDT: { meanings: [m('Eastern Daylight Time', -240, US_EASTERN)] },
  ET: { meanings: [m('Eastern Time', undefined, US_EASTERN)], weak: true },
  AKST: { meanings: [m('Alaska Standard Time', -540, 'America/Anchorage')] },
  AKDT: { meanings: [m('Alaska Daylight Time', -480, 'America/Anchorage')] },
  HST: { meanings: [m('Hawaii Standard Time', -600, 'Pacific/Honolulu')] },
  AST: {
    meanings: [m('Atlantic Standard Time', -240, 'America/Halifax'), m('Arabia Standard Time', 180, 'Asia/Riyadh')],
    weak: true,
  },
  ADT: {
    meanings: [m('Atlantic Daylight Time', -180, 'America/Halifax'), m('Arabia Daylight Time', 240)],
    weak: true,
  },
  NST: { meanings: [m('Newfoundland Standard Time', -210, 'America/St_Johns')], weak: true },
  NDT: { meanings: [m('Newfoundland Daylight Time', -150, 'America/St_Johns')], weak: true },
  BRT: { meanings: [m('Brasília Time', -180, 'America/Sao_Paulo')] },
  ART: { meanings: [m('Argentina Time', -180, 'America/Argentina/Buenos_Aires')], weak: true },
  CLT: { meanings: [m('Chile Standard Time', -240, 'America/Santiago')], weak: true },
  COT: { meanings: [m('Colombia Time', -300, 'America/Bogota')], weak: true },
  PET: { meanings: [m('Peru Time', -300, 'America/Lima')], weak: true },
  ECT: {
    meanings: [m('Ecuador Time', -300, 'America/Guayaquil'), m('Eastern Caribbean Time', -240, 'America/Port_of_Spain')],
    weak: true,
  },
  WET: { meanings: [m('Western European Time', 0, 'Europe/Lisbon')], weak: true },
  WEST: { meanings: [m('Western European Summer Time', 60, 'Europe/Lisbon')], weak: true },
  BST: {
    meanings: [m('British Summer Time', 60, 'Europe/London'), m('Bangladesh Standard Time', 360, 'Asia/Dhaka')],
    weak: true,
  },
  IST: {
    meanings: [
      m('India Standard Time', 330, 'Asia/Kolkata'),
      m('Irish Standard Time', 60, 'Europe/Dublin'),
      m('Israel Standard Time', 120, 'Asia/Jerusalem'),
    ],
  },
  CET: { meanings: [m('Central European Time', 60, 'Europe/Berlin')] },
  CEST: { meanings: [m('Central European Summer Time', 120, 'Europe/Berlin')] },
  MET: { meanings: [m('Middle European Time', 60, 'Europe/Berlin')], weak: true },
  EET: { meanings: [m('Eastern European Time', 120, 'Europe/Helsinki')] },
  EEST: { meanings: [m('Eastern European Summer Time', 180, 'Europe/Helsinki')] },
  MSK: { meanings: [m('Moscow Standard Time', 180, 'Europe/Moscow')], weak: true },
  TRT: { meanings: [m('Turkey Time', 180, 'Europe/Istanbul')], weak: true },
  WAT: { meanings: [m('West Africa Time', 60, 'Africa/Lagos')], weak: true },
  CAT: { meanings: [m('Central Africa Time', 120, 'Africa/Maputo')], weak: true },
  EAT: { meanings: [m('East Africa Time', 180, 'Africa/Nairobi')], weak: true },
  SAST: { meanings: [m('South Africa Standard Time', 120, 'Africa/Johannesburg')] },
  GST: {
    meanings: [m('Gulf Standard Time', 240, 'Asia/Dubai'), m('South Georgia Time', -120, 'Atlantic/South_Georgia')],
    weak: true,
  },
  PKT: { meanings: [m('Pakistan Standard Time', 300, 'Asia/Karachi')] },
  NPT: { meanings: [m('Nepal Time', 345, 'Asia/Kathmandu')], weak: true },
  ICT: { meanings: [m('Indochina Time', 420, 'Asia/Bangkok')], weak: true },
  WIB: { meanings: [m('Western Indonesia Time', 420, 'Asia/Jakarta')] },
  WITA: { meanings: [m('Central Indonesia Time', 480, 'Asia/Makassar')] },
  WIT: { meanings: [m('Eastern Indonesia Time', 540, 'Asia/Jayapura')], weak: true },
  SGT: { meanings: [m('Singapore Time', 480, 'Asia/Singapore')] },
  MYT: { meanings: [m('Malaysia Time', 480, 'Asia/Kuala_Lumpur')] },
  PHT: { meanings: [m('Philippine Time', 480, 'Asia/Manila')] },
  HKT: { meanings: [m('Hong Kong Time', 480, 'Asia/Hong_Kong')] },
  AWST: { meanings: [m('Australian Western Standard Time', 480, 'Australia/Perth')] },
  JST: { meanings: [m('Japan Standard Time', 540, 'Asia/Tokyo')] },
  KST: { meanings: [m('Korea Standard Time', 540, 'Asia/Seoul')] },
  ACST: { meanings: [m('Australian Central Standard Time', 570, 'Australia/Adelaide')] },
  ACDT: { meanings: [m('Australian Central Daylight Time', 630, 'Australia/Adelaide')] },
  AEST: { meanings: [m('Australian Eastern Standard Time', 600, 'Australia/Sydney')] },
  AEDT: { meanings: [m('Australian Eastern Daylight Time', 660, 'Australia/Sydney')] },
  NZST: { meanings: [m('New Zealand Standard Time', 720, 'Pacific/Auckland')] },
  NZDT: { meanings: [m('New Zealand Daylight Time', 780, 'Pacific/Auckland')] },
  SST: {
    meanings: [m('Samoa Standard Time', -660, 'Pacific/Pago_Pago'), m('Singapore Standard Time', 480, 'Asia/Singapore')],
    weak: true,
  },
};

/**
 * Long names, matched case-insensitively. Each entry lists its spellings; "Time" may also be written
 * "Timezone" / "Time Zone" (handled by the pattern).
 */
const LONG_NAMES: Array<{ names: string[]; meaning: ZoneMeaning }> = [
  { names: ['Coordinated Universal', 'Universal Coordinated'], meaning: m('Coordinated Universal Time', 0, 'UTC') },
  { names: ['Greenwich Mean'], meaning: m('Greenwich Mean Time', 0, 'UTC') },
  { names: ['Pacific Standard'], meaning: m('Pacific Standard Time', -480, US_PACIFIC) },
  { names: ['Pacific Daylight'], meaning: m('Pacific Daylight Time', -420, US_PACIFIC) },
  { names: ['Pacific'], meaning: m('Pacific Time', undefined, US_PACIFIC) },
  { names: ['Mountain Standard'], meaning: m('Mountain Standard Time', -420, US_MOUNTAIN) },
  { names: ['Mountain Daylight'], meaning: m('Mountain Daylight Time', -360, US_MOUNTAIN) },
  { names: ['Mountain'], meaning: m('Mountain Time', undefined, US_MOUNTAIN) },
  { names: ['Central Standard'], meaning: m('Central Standard Time (US)', -360, US_CENTRAL) },
  { names: ['Central Daylight'], meaning: m('Central Daylight Time (US)', -300, US_CENTRAL) },
  { names: ['Central'], meaning: m('Central Time (US)', undefined, US_CENTRAL) },
  { names: ['Eastern Standard'], meaning: m('Eastern Standard Time', -300, US_EASTERN) },
  { names: ['Eastern Daylight'], meaning: m('Eastern Daylight Time', -240, US_EASTERN) },
  { names: ['Eastern'], meaning: m('Eastern Time', undefined, US_EASTERN) },
  { names: ['Atlantic Standard'], meaning: m('Atlantic Standard Time', -240, 'America/Halifax') },
  { names: ['Alaska Standard'], meaning: m('Alaska Standard Time', -540, 'America/Anchorage') },
  { names: ['Hawaii Standard', 'Hawaii-Aleutian Standard'], meaning: m('Hawaii Standard Time', -600, 'Pacific/Honolulu') },
  { names: ['British Summer'], meaning: m('British Summer Time', 60, 'Europe/London') },
  { names: ['UK', 'British', 'London'], meaning: m('UK Time', undefined, 'Europe/London') },
  { names: ['Irish Standard'], meaning: m('Irish Standard Time', 60, 'Europe/Dublin') },
  { names: ['Western European'], meaning: m('Western European Time', 0, 'Europe/Lisbon') },
  { names: ['Central European Summer'], meaning: m('Central European Summer Time', 120, 'Europe/Berlin') },
  { names: ['Central European', 'Central European Standard'], meaning: m('Central European Time', 60, 'Europe/Berlin') },
  { names: ['Eastern European Summer'], meaning: m('Eastern European Summer Time', 180, 'Europe/Helsinki') },
  { names: ['Eastern European', 'Eastern European Standard'], meaning: m('Eastern European Time', 120, 'Europe/Helsinki') },
  { names: ['Moscow', 'Moscow Standard'], meaning: m('Moscow Standard Time', 180, 'Europe/Moscow') },
  {
    names: ['West Africa', 'West African', 'West Africa Standard', 'West Central Africa', 'West Central Africa Standard'],
    meaning: m('West Africa Time', 60, 'Africa/Lagos'),
  },
  { names: ['Central Africa', 'Central African', 'Central Africa Standard'], meaning: m('Central Africa Time', 120, 'Africa/Maputo') },
  { names: ['East Africa', 'East African', 'Eastern Africa', 'East Africa Standard'], meaning: m('East Africa Time', 180, 'Africa/Nairobi') },
  { names: ['South Africa Standard', 'South African Standard', 'South Africa', 'South African'], meaning: m('South Africa Standard Time', 120, 'Africa/Johannesburg') },
  { names: ['Gulf Standard'], meaning: m('Gulf Standard Time', 240, 'Asia/Dubai') },
  { names: ['Arabia Standard', 'Arabian Standard'], meaning: m('Arabia Standard Time', 180, 'Asia/Riyadh') },
  { names: ['Israel Standard', 'Israel'], meaning: m('Israel Standard Time', 120, 'Asia/Jerusalem') },
  { names: ['India Standard', 'Indian Standard', 'India', 'Indian'], meaning: m('India Standard Time', 330, 'Asia/Kolkata') },
  { names: ['Pakistan Standard', 'Pakistan'], meaning: m('Pakistan Standard Time', 300, 'Asia/Karachi') },
  { names: ['Bangladesh Standard'], meaning: m('Bangladesh Standard Time', 360, 'Asia/Dhaka') },
  { names: ['Western Indonesia', 'Western Indonesian'], meaning: m('Western Indonesia Time', 420, 'Asia/Jakarta') },
  { names: ['China Standard', 'China', 'Beijing'], meaning: m('China Standard Time', 480, 'Asia/Shanghai') },
  { names: ['Singapore Standard', 'Singapore'], meaning: m('Singapore Time', 480, 'Asia/Singapore') },
  { names: ['Hong Kong'], meaning: m('Hong Kong Time', 480, 'Asia/Hong_Kong') },
  { names: ['Japan Standard', 'Japan'], meaning: m('Japan Standard Time', 540, 'Asia/Tokyo') },
  { names: ['Korea Standard', 'Korean Standard', 'Korea'], meaning: m('Korea Standard Time', 540, 'Asia/Seoul') },
  { names: ['Australian Eastern Standard'], meaning: m('Australian Eastern Standard Time', 600, 'Australia/Sydney') },
  { names: ['Australian Eastern Daylight'], meaning: m('Australian Eastern Daylight Time', 660, 'Australia/Sydney') },
  { names: ['New Zealand Standard'], meaning: m('New Zealand Standard Time', 720, 'Pacific/Auckland') },
  { names: ['New Zealand Daylight'], meaning: m('New Zealand Daylight Time', 780, 'Pacific/Auckland') },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normaliseName = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ');

const LONG_NAME_BY_KEY = new Map<string, ZoneMeaning>();
for (const entry of LONG_NAMES) for (const name of entry.names) LONG_NAME_BY_KEY.set(normaliseName(name), entry.meaning);

// Longest spellings first so "Central European Summer" wins over "Central European" and "Central".
const LONG_NAME_RE = new RegExp(
  '\\b(' +
    [...LONG_NAME_BY_KEY.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.split(' ').map(escapeRe).join('[\\s-]+'))
      .join('|') +
    ')\\s+time(?:\\s*zone)?(?![\\w-])',
  'gi',
);
const ABBREVIATION_RE = new RegExp(
  '(?<![\\w/.-])(' +
    Object.keys(ABBREVIATIONS)
      .sort((a, b) => b.length - a.length)
      .join('|') +
    ')(?![\\w/]|-\\w|\\.\\w)',
  'g',
);
// "UTC-5", "UTC+05:30", "GMT +1", "UTC+0530". A space is allowed before the sign or after it, not both,
// so "14:00 UTC - 15:00 UTC" (a range) is not read as an offset of -15:00.
const NAMED_OFFSET_RE = /(?<![\w/])(UTC|GMT|UT)(?:([+\-−])\s?|\s([+\-−]))(\d{1,2})(?::?(\d{2}))?(?!\d|:\d)/g;
// A bare "+03:00" / "-0500": weak (needs time context), since "+10" is more often a count.
const BARE_OFFSET_RE = /(?<![\w:+\-−.])([+\-−])(\d{2}):?(\d{2})(?!\d|:\d)/g;
const IANA_RE =
  /\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?\b/g;

const TIME_BEFORE_RE = /(?:\d{1,2}\s*[:.：]\s*\d{2}(?:[:：]\d{2})?(?:\.\d+)?|\d\s*(?:[ap]\.?\s?m\.?)|\d{3,4}\s*h(?:rs?|ours)?)\*{0,2}\s*[([]?\s*$/i;
const CONTEXT_BEFORE_RE = /(?:\b(?:all\s+times?|times)\s+(?:are\s+)?(?:(?:shown|given|listed|written|expressed)\s+)?(?:in\s+)?(?:the\s+)?|\ball\s+in\s+|\btime\s*zone\s*(?:is\s*)?:?\s*)$/i;

/**
 * True when a weak mention at [start, end) stands where a zone is expected: in parentheses, right after a time,
 * or after "times in" / "time zone:" / "in".
 */
function hasZoneContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 3);
  if (/\(\s*$/.test(before) && /^\s*[),]/.test(after)) return true;
  if (TIME_BEFORE_RE.test(before)) return true;
  return CONTEXT_BEFORE_RE.test(before);
}

function offsetMinutesOf(sign: string, hours: string, minutes: string | undefined): number | undefined {
  const h = Number(hours);
  const min = minutes === undefined ? 0 : Number(minutes);
  if (h > 14 || min >= 60) return undefined;
  const total = h * 60 + min;
  return sign === '+' ? total : -total;
}

function abbreviationRef(text: string, start: number): ZoneRef {
  const entry = ABBREVIATIONS[text];
  const ref: ZoneRef = { text, start, end: start + text.length, kind: 'abbreviation' };
  if (entry.meanings.length > 1) {
    ref.meanings = entry.meanings.map((x) => ({ ...x }));
  } else {
    Object.assign(ref, meaningFields(entry.meanings[0]));
  }
  return ref;
}

function meaningFields(meaning: ZoneMeaning): Pick<ZoneRef, 'label' | 'offsetMinutes' | 'iana'> {
  const out: Pick<ZoneRef, 'label' | 'offsetMinutes' | 'iana'> = { label: meaning.label };
  if (meaning.offsetMinutes !== undefined) out.offsetMinutes = meaning.offsetMinutes;
  if (meaning.iana) out.iana = meaning.iana;
  return out;
}

type Finder = (text: string, from: number) => ZoneRef | undefined;

const findAbbreviation: Finder = (text, from) => {
  ABBREVIATION_RE.lastIndex = from;
  for (let match = ABBREVIATION_RE.exec(text); match; match = ABBREVIATION_RE.exec(text)) {
    const word = match[1];
    // "UTC" glued to an offset is the offset's business.
    if ((word === 'UTC' || word === 'GMT' || word === 'UT') && /^\s?[+\-−]\d/.test(text.slice(match.index + word.length))) continue;
    const weak = ABBREVIATIONS[word].weak;
    if (weak && !hasZoneContext(text, match.index, match.index + word.length)) continue;
    return abbreviationRef(word, match.index);
  }
  return undefined;
};

const findNamedOffset: Finder = (text, from) => {
  NAMED_OFFSET_RE.lastIndex = from;
  for (let match = NAMED_OFFSET_RE.exec(text); match; match = NAMED_OFFSET_RE.exec(text)) {
    const sign = (match[2] ?? match[3]).replace('−', '-');
    const minutes = offsetMinutesOf(sign, match[4], match[5]);
    if (minutes === undefined) continue;
    return { text: match[0], start: match.index, end: match.index + match[0].length, kind: 'offset', offsetMinutes: minutes, label: formatOffset(minutes) };
  }
  return undefined;
};

const findBareOffset: Finder = (text, from) => {
  BARE_OFFSET_RE.lastIndex = from;
  for (let match = BARE_OFFSET_RE.exec(text); match; match = BARE_OFFSET_RE.exec(text)) {
    const minutes = offsetMinutesOf(match[1].replace('−', '-'), match[2], match[3]);
    if (minutes === undefined) continue;
    if (!hasZoneContext(text, match.index, match.index + match[0].length)) continue;
    return { text: match[0], start: match.index, end: match.index + match[0].length, kind: 'offset', offsetMinutes: minutes, label: formatOffset(minutes) };
  }
  return undefined;
};

const findLongName: Finder = (text, from) => {
  LONG_NAME_RE.lastIndex = from;
  const match = LONG_NAME_RE.exec(text);
  if (!match) return undefined;
  const meaning = LONG_NAME_BY_KEY.get(normaliseName(match[1]));
  if (!meaning) return undefined;
  return { text: match[0], start: match.index, end: match.index + match[0].length, kind: 'long-name', ...meaningFields(meaning) };
};

// "all times Eastern", "times in Pacific": a region named without "Time", only where the words before ask for a zone.
const BARE_LONG_NAME_RE = new RegExp(LONG_NAME_RE.source.replace('\\s+time(?:\\s*zone)?', ''), 'gi');

const findBareLongName: Finder = (text, from) => {
  BARE_LONG_NAME_RE.lastIndex = from;
  for (let match = BARE_LONG_NAME_RE.exec(text); match; match = BARE_LONG_NAME_RE.exec(text)) {
    if (!/^[A-Z]/.test(match[1]) || !CONTEXT_BEFORE_RE.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const meaning = LONG_NAME_BY_KEY.get(normaliseName(match[1]));
    if (meaning) return { text: match[0], start: match.index, end: match.index + match[0].length, kind: 'long-name', ...meaningFields(meaning) };
  }
  return undefined;
};

/** IANA place names that are also words or first names: "Christmas time", "Easter time", "Davis time" are no zones. */
const NOT_CITIES = new Set(['Center', 'Christmas', 'Easter', 'Resolute', 'Oral', 'Wake', 'Knox', 'Troll', 'Casey', 'Davis', 'Palmer', 'Stanley', 'Regina', 'Jersey', 'Universal']);

/** IANA zones by their city, as people name them: "Nairobi" → Africa/Nairobi, "New York" → America/New_York. */
let zonesByCity: Map<string, string> | undefined;

function cityZone(city: string): string | undefined {
  if (!zonesByCity) {
    zonesByCity = new Map();
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const iana of names) {
      const place = iana.split('/').pop()!.replace(/_/g, ' ');
      if (iana.includes('/') && !NOT_CITIES.has(place) && !zonesByCity.has(place)) zonesByCity.set(place, iana);
    }
  }
  return zonesByCity.get(city);
}

// "Nairobi time", "Lagos Time", "New York time": a city with an IANA zone of its own. Capitalised, as names are.
const CITY_TIME_RE = /\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+[Tt]ime(?:\s*zone)?(?![\w-])/g;

const findCityTime: Finder = (text, from) => {
  CITY_TIME_RE.lastIndex = from;
  for (let match = CITY_TIME_RE.exec(text); match; match = CITY_TIME_RE.exec(text)) {
    // The last words that name a city: "the Nairobi time" → "Nairobi", "Eastern Nairobi time" is still Nairobi.
    const words = match[1].split(/[ -]/);
    for (let first = 0; first < words.length; first++) {
      const iana = cityZone(words.slice(first).join(' '));
      if (!iana) continue;
      const start = match.index + match[1].length - words.slice(first).join(' ').length;
      return { text: text.slice(start, match.index + match[0].length), start, end: match.index + match[0].length, kind: 'long-name', iana, label: iana };
    }
  }
  return undefined;
};

/** Intl builds a formatter to check a zone name, slow enough to show in a run over many reports: each name once. */
const ianaNames = new BoundedCache<string, boolean>(256);

const findIana: Finder = (text, from) => {
  IANA_RE.lastIndex = from;
  for (let match = IANA_RE.exec(text); match; match = IANA_RE.exec(text)) {
    if (!ianaNames.get(match[0], (name) => IANAZone.isValidZone(name))) continue;
    return { text: match[0], start: match.index, end: match.index + match[0].length, kind: 'iana', iana: match[0], label: match[0] };
  }
  return undefined;
};

const FINDERS: Finder[] = [findNamedOffset, findIana, findLongName, findCityTime, findBareLongName, findAbbreviation, findBareOffset];

// Cheap gate before running the finders: any uppercase pair, an offset sign, or the word "time".
const MAYBE_ZONE_RE = /[A-Z]{2}|[+\-−]\d{2}|time/i;

/**
 * The first zone mention starting at or after `from`. Weak abbreviations and bare offsets count only
 * with zone context (see the file comment). A lone "Z" is only a zone glued to a time: see zoneAfter.
 */
export function findZone(text: string, from = 0): ZoneRef | undefined {
  if (!MAYBE_ZONE_RE.test(from > 0 ? text.slice(from) : text)) return undefined;
  let best: ZoneRef | undefined;
  for (const finder of FINDERS) {
    const found = finder(text, from);
    // Earliest wins; on a tie the longer mention ("UTC+3" over "UTC").
    if (found && (!best || found.start < best.start || (found.start === best.start && found.end > best.end))) best = found;
  }
  return best;
}

// What may sit between a time and its zone: spaces, "(" or "[", or bold/italic markers.
const GAP_BEFORE_ZONE_RE = /^[ \t]*(?:\*{1,2}|_{1,2})?[ \t]*([([])?[ \t]*/;

/**
 * A zone written right after a time, as in "14:30 UTC", "9:00 AM (EAT)", "08:30:00.123Z", "12pm GMT +1",
 * "10:00 AM (East Africa Time, Ethiopia)". `index` is where the time ends. Weak abbreviations are accepted
 * here because the time gives the context. `end` covers a closing parenthesis when the zone was opened by one.
 */
export function zoneAfter(text: string, index: number): { zone: ZoneRef; end: number } | undefined {
  // "Z" and glued offsets come straight after the digits (ISO 8601), possibly after fractional seconds.
  const glued = /^(?:\.\d{1,9})?(Z|[+\-−]\d{2}(?::?\d{2})?)(?![\w:])/.exec(text.slice(index, index + 20));
  // A glued "-11:00" after "10:00" is a range ("10:00-11:00"); only ISO-shaped times (seconds, or "T")
  // carry glued offsets.
  if (glued && (glued[1] === 'Z' || /(?:T\d{2}:\d{2}|:\d{2}:\d{2})$/.test(text.slice(Math.max(0, index - 12), index)))) {
    const zoneText = glued[1];
    const start = index + glued[0].length - zoneText.length;
    const minutes = zoneText === 'Z' ? 0 : offsetMinutesOf(zoneText[0].replace('−', '-'), zoneText.slice(1, 3), zoneText.slice(3).replace(':', '') || undefined);
    if (minutes !== undefined) {
      const zone: ZoneRef = { text: zoneText, start, end: start + zoneText.length, kind: 'offset', offsetMinutes: minutes, label: formatOffset(minutes) };
      return { zone, end: zone.end };
    }
  }
  const gap = GAP_BEFORE_ZONE_RE.exec(text.slice(index, index + 12));
  if (!gap) return undefined;
  const zoneStart = index + gap[0].length;
  let candidate = findZone(text.slice(0, zoneStart + 60), zoneStart);
  // A bare offset glued to a non-ISO time is the end of a range ("10:00-11:00"), not a zone.
  if (!candidate || candidate.start !== zoneStart) candidate = findWeakAt(text, zoneStart, gap[0].length > 0);
  if (!candidate) return undefined;
  let end = candidate.end;
  if (gap[1]) {
    // Close the bracket, allowing a short qualifier such as ", Ethiopia".
    const close = gap[1] === '(' ? ')' : ']';
    const rest = new RegExp(`^[^()\\[\\]\\n]{0,40}?\\${close}`).exec(text.slice(end, end + 42));
    if (rest) end += rest[0].length;
  }
  return { zone: candidate, end };
}

/** A weak abbreviation or bare offset exactly at `index` (context already established by the caller). */
function findWeakAt(text: string, index: number, allowBareOffset = true): ZoneRef | undefined {
  const word = /^[A-Z]{2,5}(?![\w/]|-\w|\s?[+\-−]\d)/.exec(text.slice(index, index + 8));
  if (word && ABBREVIATIONS[word[0]]) return abbreviationRef(word[0], index);
  if (!allowBareOffset) return undefined;
  const bare = /^([+\-−])(\d{2}):?(\d{2})(?!\d|:\d)/.exec(text.slice(index, index + 7));
  if (bare) {
    const minutes = offsetMinutesOf(bare[1].replace('−', '-'), bare[2], bare[3]);
    if (minutes !== undefined) return { text: bare[0], start: index, end: index + bare[0].length, kind: 'offset', offsetMinutes: minutes, label: formatOffset(minutes) };
  }
  return undefined;
}

// A zone in any of these shapes declares the zone of a whole timeline or table column.
const DECLARATION_PATTERNS: RegExp[] = [
  // "All times in UTC", "all times PST", "All times are in PST", "Timeline (all in PST)", "times shown in CET"
  /\b(?:all\s+times?|times)\s+(?:are\s+)?(?:(?:shown|given|listed|written|expressed|approximate|approx\.?)\s+)?(?:in\s+)?(?:the\s+)?$/i,
  /\ball\s+in\s+$/i,
  // "Time (UTC)", "Timeline (UTC)", "Timestamp [UTC]", "Date/Time (CET)", "Timeline(all times in UTC)"
  /\b(?:time(?:line|stamps?)?|date|when)\s*[([]\s*$/i,
  // "Date and Time in CET", "Time in CET", "Timeline in UTC", at the start of a line, heading or table cell
  // (not "... time in BST is O(log n)").
  /(?:^|[|#>*_]|\bdate\s*(?:and|&|\/)\s*)\s*(?:time(?:line|stamps?)?|dates?)\s+in\s+$/i,
  // "Timezone: UTC", "Time zone - CET"
  /\btime\s*zone\s*(?:is\s*)?[:=-]?\s*$/i,
];

/**
 * A zone declared for a whole timeline: "Timeline (all times UTC)", "All times are in PST", a column header
 * "Time (UTC)" or "Date and Time in CET", "Timezone: CET", a timeline heading "(in 24-hour clock, West Africa
 * Time)", or a zone in parentheses closing a duration line or a "from X to Y" line
 * ("Duration: 2023-09-10 14:30 - 2023-09-10 15:45 (UTC)", "... 3:00 AM (UTC-5)",
 * "... 01:00 PM (East Africa Time, Ethiopia)."). Returns the zone part of the first declaration found in
 * `text` (a line or a whole document).
 */
export function findZoneDeclaration(text: string): ZoneRef | undefined {
  let from = 0;
  for (;;) {
    // Weak abbreviations are welcome here: the surrounding words supply the context, checked below.
    const zone = findZone(text, from) ?? findAnyWeak(text, from);
    if (!zone) return undefined;
    if (isDeclaration(text, zone)) return zone;
    from = zone.end;
  }
}

/** The next weak abbreviation or bare offset regardless of context, for declaration checks. */
function findAnyWeak(text: string, from: number): ZoneRef | undefined {
  const re = /(?<![\w/.-])(?:[A-Z]{2,5}(?![\w/]|-\w)|[+\-−]\d{2}:?\d{2}(?![\d:]))/g;
  re.lastIndex = from;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const ref = findWeakAt(text, match.index);
    if (ref) return ref;
  }
  return undefined;
}

const LONG_NAME_THEN_BRACKET_RE = new RegExp(LONG_NAME_RE.source.replace('(?![\\w-])', '') + '\\s*[([]\\s*$', 'i');

function isDeclaration(text: string, zone: ZoneRef): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', zone.start - 1) + 1, 0);
  const nl = text.indexOf('\n', zone.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, zone.start);
  const after = text.slice(zone.end, lineEnd);
  // "Pacific Standard Time (PST)" spells a zone out; its "Time (" is not a column header.
  if (LONG_NAME_THEN_BRACKET_RE.test(before)) return false;
  if (DECLARATION_PATTERNS.some((re) => re.test(before))) return true;
  // A timeline heading with the zone in its parenthesised note: "### Timeline (in 24-hour clock, West Africa Time)".
  if (/\btimeline\b[^()]*\([^()]*$/i.test(before) && /^[^()]*\)/.test(after)) return true;
  // "(UTC)" / "(UTC-5)" / "(East Africa Time, Ethiopia)" closing a line that spans times: a duration or a
  // "from X to Y". A single "Start Time: 10:30 AM (UTC)" is just that time's zone.
  if (/\(\s*$/.test(before) && /^[^()]{0,40}\)[\s.*_:]*$/.test(after)) {
    const times = before.match(TIME_SHAPE_RE)?.length ?? 0;
    if (times >= 2 || (times === 1 && /\bduration\b/i.test(before))) return true;
  }
  return false;
}

const TIME_SHAPE_RE = /\d{1,2}\s*[:.]\s*\d{2}|\d\s*[ap]\.?m\b|\d{4}-\d{2}-\d{2}(?![\dT:])/gi;

/**
 * A whole string read as a zone, e.g. a setting value: "PST", "Europe/Berlin", "UTC+5:30", "East Africa Time".
 * Weak abbreviations are accepted since the string is known to be a zone.
 */
export function parseZone(value: string): ZoneRef | undefined {
  const start = value.length - value.trimStart().length;
  const end = value.trimEnd().length;
  if (value.slice(start, end) === 'Z') return { text: 'Z', start, end, kind: 'offset', offsetMinutes: 0, label: 'UTC' };
  for (const zone of [findZone(value, start), findWeakAt(value, start)]) {
    if (zone && zone.start === start && zone.end === end) return zone;
  }
  return undefined;
}

/** The meanings of an abbreviation (one when unambiguous), or undefined when it is not in the table. */
export function abbreviationMeanings(abbreviation: string): ZoneMeaning[] | undefined {
  return ABBREVIATIONS[abbreviation]?.meanings.map((x) => ({ ...x }));
}

/** "UTC" for 0, otherwise "UTC+05:30" / "UTC-05:00". */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
