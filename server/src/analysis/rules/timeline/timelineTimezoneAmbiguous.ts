import type { PostmortemDocument, TimelineZone } from '../../model';
import { formatOffset, type ZoneMeaning } from '../../time/zones';
import type { Fix } from '../../types';
import { docsUrl, type Rule } from '../types';
import { declaredWhere, timelinesOf } from './timelineText';

/** Short names for the offset fix: "UTC+05:30 (India)". */
const SHORT_NAMES: Record<string, string> = {
  'Irish Standard Time': 'Ireland',
  'British Summer Time': 'UK summer time',
  'Central Standard Time (US)': 'US Central',
  'Central Daylight Time (US)': 'US Central, daylight time',
  'Cuba Daylight Time': 'Cuba, daylight time',
  'Atlantic Daylight Time': 'Atlantic, daylight time',
  'Arabia Daylight Time': 'Arabia, daylight time',
};

function shortName(meaning: ZoneMeaning): string {
  return SHORT_NAMES[meaning.label] ?? meaning.label.replace(/ Standard Time$| Time$/, '');
}

function meaningList(meanings: ZoneMeaning[]): string {
  const named = meanings.map((meaning) => (meaning.offsetMinutes === undefined ? meaning.label : `${meaning.label} (${formatOffset(meaning.offsetMinutes)})`));
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named.join('');
}

function fixesFor(document: PostmortemDocument, zone: TimelineZone): Fix[] {
  const { ref } = zone;
  // Inside brackets already ("9:00 AM (IST)"): no second pair.
  const bracketed = document.text[ref.start - 1] === '(' && document.text[ref.end] === ')';
  return (ref.meanings ?? []).flatMap((meaning) => {
    if (meaning.offsetMinutes === undefined) return [];
    const offset = formatOffset(meaning.offsetMinutes);
    const newText = bracketed ? `${offset}, ${shortName(meaning)}` : `${offset} (${shortName(meaning)})`;
    return [{ title: `${meaning.label}: write "${newText}"`, edits: [{ range: document.source.rangeOf(ref.start, ref.end), newText }] }];
  });
}

/**
 * An abbreviation with several meanings (IST, CST, BST, ...), on a time or where the timeline's zone is declared.
 * One fix per meaning, replacing it with the offset; none is preferred, since only the writer knows.
 */
export const timelineTimezoneAmbiguous: Rule = {
  meta: {
    id: 'timeline-timezone-ambiguous',
    description: 'A time zone abbreviation that stands for several zones (IST, CST, BST, ...).',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-timezone-ambiguous'),
  },
  check({ document, report }) {
    const seen = new Set<number>();
    const flag = (zone: TimelineZone | undefined) => {
      if (!zone?.ref.meanings || !zone.range || seen.has(zone.ref.start)) return;
      // A setting has no place in the document to fix; the front matter is the writer's explicit choice too.
      if (zone.source === 'setting') return;
      seen.add(zone.ref.start);
      const where = zone.source === 'entry' ? '' : ` (declared ${declaredWhere(zone)})`;
      report({
        range: zone.range,
        message: `"${zone.ref.text}"${where} can mean ${meaningList(zone.ref.meanings)}, so the times it marks cannot be placed for sure. Write the offset instead, e.g. "${fixesFor(document, zone)[0]?.edits[0].newText ?? 'UTC+05:30'}".`,
        fixes: fixesFor(document, zone),
      });
    };
    for (const { info, entries } of timelinesOf(document)) {
      for (const entry of entries) flag(entry.zone);
      // A zone "declared" by the first entry is that entry's own, reported above.
      if (info.declaredZone?.source !== 'first-entry') flag(info.declaredZone);
    }
  },
};
