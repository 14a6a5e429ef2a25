/** The shared example reports: the five seeds and the public corpus (sources in ../shared/corpus/manifest.tsv). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');

export interface SharedDocument {
  name: string;
  path: string;
  text: string;
}

function readDir(dir: string, prefix = ''): SharedDocument[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return readDir(path, `${prefix}${entry.name}/`);
      return entry.name.endsWith('.md') ? [{ name: `${prefix}${entry.name}`, path, text: readFileSync(path, 'utf8') }] : [];
    });
}

export function seeds(): SharedDocument[] {
  return readDir(join(SHARED, 'seeds'));
}

/** A seed by its number ("003"). */
export function seed(number: string): SharedDocument {
  const found = seeds().find((document) => document.name.startsWith(`${number}_`));
  if (!found) throw new Error(`no seed ${number} in ${SHARED}/seeds`);
  return found;
}

export function corpus(): SharedDocument[] {
  return readDir(join(SHARED, 'corpus'));
}
