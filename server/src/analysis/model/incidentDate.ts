/**
 * The day the incident happened, for placeholder due dates and for reading dates written without a year:
 * front matter `date:`, else the summary's Duration (or Date/Start) fact, else the first timeline entry
 * that names a full calendar date.
 */
import { casualParser } from '../time/casualParser';
import { BoundedCache } from '../util/boundedCache';
import type { FrontMatter, IncidentDate, SummaryFact } from './types';

const SUMMARY_FACTS = new Set(['duration', 'date', 'start', 'started', 'start time', 'when', 'incident date', 'outage duration']);

/**
 * Read on every keystroke from summary facts and timeline entries the keystroke seldom touched; chrono runs all its
 * parsers over the text each time, a sixth of a typical report's analysis.
 */
const calendarDates = new BoundedCache<string, string | undefined>(2000);

/** The first calendar date with a written year in the text. */
export function firstCalendarDate(text: string): string | undefined {
  return /\d{4}/.test(text) ? calendarDates.get(text, readCalendarDate) : undefined;
}

function readCalendarDate(text: string): string | undefined {
  for (const result of casualParser(text).parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })) {
    const { start } = result;
    // chrono can call a year certain that only the reference date gave it ("10:00 AM to 12:00 PM"): it must be written.
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day') || !result.text.includes(String(start.get('year')))) continue;
    return `${start.get('year')}-${String(start.get('month')).padStart(2, '0')}-${String(start.get('day')).padStart(2, '0')}`;
  }
  return undefined;
}

/** `timelineEntries` is asked for only when the front matter and the summary name no date. */
export function incidentDate(frontMatter: FrontMatter | undefined, summary: SummaryFact[], timelineEntries: () => ReadonlyArray<{ text: string }>, configured?: string): IncidentDate | undefined {
  const written = configured ?? frontMatter?.data.date;
  const fromFrontMatter = written instanceof Date ? written.toISOString().slice(0, 10) : typeof written === 'string' ? firstCalendarDate(written) ?? (/^\d{4}-\d{2}-\d{2}$/.test(written) ? written : undefined) : undefined;
  if (fromFrontMatter) return { date: fromFrontMatter, from: 'front matter' };
  for (const fact of summary) {
    const date = SUMMARY_FACTS.has(fact.name) ? firstCalendarDate(fact.value) : undefined;
    if (date) return { date, from: 'summary' };
  }
  for (const entry of timelineEntries()) {
    const date = firstCalendarDate(entry.text);
    if (date) return { date, from: 'timeline' };
  }
  return undefined;
}
