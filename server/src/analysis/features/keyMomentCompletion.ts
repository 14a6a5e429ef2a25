/**
 * Completion of key-moment markers: typing `{` on a timeline entry's line offers `{detected}`, `{mitigated}`, ...
 * The marker states the moment; the key moments never second-guess it (see model/keyMoments.ts).
 */
import type { PostmortemDocument } from '../model';
import { KEY_MOMENTS } from '../model/keyMoments';
import type { Position, Range } from '../types';

export interface MarkerCompletion {
  label: string;
  /** Replaces `range`: the `{` and what was typed after it. */
  insertText: string;
  range: Range;
  detail: string;
  documentation: string;
  sortText: string;
}

const TYPED_MARKER = /\{([a-z]*)$/i;

const MEANING: Record<(typeof KEY_MOMENTS)[number], string> = {
  started: 'Impact began here.',
  detected: 'The problem was noticed here: an alert fired, a customer reported it.',
  acknowledged: 'A responder took the incident here.',
  mitigated: 'Impact stopped or was reduced here: rollback, failover, workaround.',
  resolved: 'Full recovery here.',
};

/** The markers to offer at a position: only on a timeline entry's first line, right after a `{`. */
export function keyMomentCompletions(document: PostmortemDocument, position: Position): MarkerCompletion[] {
  if (!document.timeline.some((entry) => entry.lineRange.start.line === position.line)) return [];
  const typed = TYPED_MARKER.exec(document.source.lineText(position.line).slice(0, position.character));
  if (!typed) return [];
  const range = { start: { line: position.line, character: position.character - typed[0].length }, end: position };
  return KEY_MOMENTS.map((name, index) => ({
    label: `{${name}}`,
    insertText: `{${name}}`,
    range,
    detail: 'Key moment marker',
    documentation: `${MEANING[name]} The marker makes this entry the incident's **${name}** moment, whatever its words say.`,
    sortText: String(index),
  }));
}
