/**
 * A report's follow-ups as the workspace sees them: each action item with its owner, calendar due date, tracking
 * link and state, on one line of the report. What the workspace index keeps of a report (not its parse tree), what
 * `postmortem-lint --report follow-ups` prints and what the Follow-ups view lists.
 */
import type { ActionItem, PostmortemDocument } from '../model';
import type { Range } from '../types';
import { exportedItem, type ExportedItem } from './exportActionItems';

export interface FollowUp {
  /** The item's range in the report (its line is where "click opens the line" goes). */
  range: Range;
  /** What is to be done, without the fields. */
  text: string;
  owner: string | null;
  /** YYYY-MM-DD when the item names a calendar date; null for none or a relative deadline ("next sprint"). */
  due: string | null;
  /** The deadline as written ("by June 30", "next sprint"), when there is one. */
  dueText: string | null;
  /** The tracking link's URL when it has one, else the reference as written ("#45", "ABC-123"). */
  tracking: string | null;
  done: boolean;
  /** What the action-item export writes for the item (the issue body is made from it). */
  exported: ExportedItem;
}

const URL = /\bhttps?:\/\/[^\s)<>\]]+/;

function trackingOf(item: ActionItem): string | null {
  if (!item.tracking) return null;
  return URL.exec(item.tracking.text)?.[0] ?? item.tracking.text;
}

export function followUpOf(item: ActionItem): FollowUp {
  return {
    range: item.range,
    text: item.action || item.text,
    owner: item.owner?.text ?? null,
    due: item.due?.date ?? null,
    dueText: item.due?.text ?? null,
    tracking: trackingOf(item),
    done: item.done,
    exported: exportedItem(item),
  };
}

export function followUps(document: PostmortemDocument): FollowUp[] {
  return document.actionItems.map(followUpOf);
}

/** Open, with a calendar due date before `today` (both YYYY-MM-DD, so they compare as strings). */
export function isOverdue(followUp: { done: boolean; due: string | null }, today: string | undefined): boolean {
  return !followUp.done && followUp.due !== null && today !== undefined && followUp.due < today;
}

/** The local calendar date of `now` as YYYY-MM-DD: the "today" the server and the CLI give the analysis. */
export function calendarDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A section as the workspace lists it (Ctrl+T finds "Timeline" of any report). */
export interface SectionFact {
  title: string;
  level: number;
  range: Range;
  headingRange: Range;
}

/**
 * What the workspace keeps of a report: its title, sections, summary facts and follow-ups. Small plain data,
 * no parse tree, so a thousand reports cost little memory.
 */
export interface ReportFacts {
  title: string;
  titleRange: Range;
  sections: SectionFact[];
  /** The summary's facts ("duration", "impact"), as written. */
  facts: Array<{ name: string; value: string }>;
  followUps: FollowUp[];
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function reportFacts(document: PostmortemDocument, fallbackTitle: string): ReportFacts {
  return {
    title: document.title?.text || fallbackTitle,
    titleRange: document.title?.range ?? START,
    sections: document.sections.map((section) => ({ title: section.title, level: section.level, range: section.range, headingRange: section.headingRange })),
    facts: document.summary.map((fact) => ({ name: fact.name, value: fact.value })),
    followUps: followUps(document),
  };
}
