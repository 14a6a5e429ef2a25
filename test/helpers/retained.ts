/**
 * What a piece of work leaves behind in the heap once everything it dropped is collected: for tests that caches keep
 * their own copies of strings, not slices that would keep a whole document alive (see `ownCopy`).
 */
import { collector } from '../../server/src/node/collector';

const collect = collector()!;

/** Bytes of heap still used after `work`, with the heap collected before and after. */
export function retainedBytes(work: () => void): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  work();
  collect();
  collect();
  return process.memoryUsage().heapUsed - before;
}

/** A document of about `characters` characters (a string of its own, not a literal) ending in `lastLine`. */
export function largeDocument(characters: number, lastLine: string): string {
  const filler = 'Earlier notes about the incident, none of them read here.\n';
  return `${filler.repeat(Math.ceil(characters / filler.length))}${lastLine}`;
}

/** The last line of a document, as the analysis slices it. */
export function lastLine(document: string): string {
  return document.slice(document.lastIndexOf('\n') + 1);
}
