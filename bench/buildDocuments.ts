/**
 * The benchmark documents: seed 002 (a typical report), and reports of about 50 KB and 500 KB assembled from
 * the public corpus (`../shared/corpus/`, sources in its manifest.tsv). A long report is a title followed by
 * whole corpus reports in manifest order (industry reports first: they are the long, real ones; round the corpus
 * again when it is not enough), each with its front matter dropped and its headings one level deeper, so each
 * source reads as one part of a long report.
 *
 * Run on its own (`node --import tsx bench/buildDocuments.ts`) it writes them to bench/out/ with their sources.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');

export interface BenchDocument {
  name: string;
  text: string;
  /** The files it was built from, relative to ../shared/. */
  sources: string[];
}

const FAMILY_ORDER = ['industry', 'student', 'templates'];

/** Corpus files (relative to the corpus folder) in manifest order, industry reports first. */
export function corpusFiles(): string[] {
  const rows = readFileSync(join(CORPUS, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const files = rows.map((row) => row.split('\t')[0]);
  return FAMILY_ORDER.flatMap((family) => files.filter((file) => file.startsWith(`${family}/`)));
}

/** A corpus report as a part of a longer one: no byte-order mark, no front matter, headings one level down. */
function asPart(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '')
    .replace(/^(#{1,5})(?=[ \t])/gm, '#$1')
    .trim();
}

function longReport(name: string, size: number): BenchDocument {
  const parts = [`# Postmortem: ${name}, assembled from the public corpus`];
  const sources: string[] = [];
  let length = parts[0].length;
  const files = corpusFiles();
  // The corpus holds about 430 000 characters: a 500 KB report goes round it a second time.
  for (let index = 0; length < size; index++) {
    const file = files[index % files.length];
    const part = asPart(readFileSync(join(CORPUS, file), 'utf8'));
    parts.push(part);
    sources.push(`corpus/${file}`);
    length += part.length + 2;
  }
  return { name, text: `${parts.join('\n\n')}\n`, sources };
}

/** A seed report by its number ("002"). */
function seedDocument(number: string, name: string): BenchDocument {
  const file = readdirSync(join(SHARED, 'seeds')).find((entry) => entry.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number} in ${SHARED}/seeds`);
  return { name, text: readFileSync(join(SHARED, 'seeds', file), 'utf8'), sources: [`seeds/${file}`] };
}

/** The three documents every latency benchmark runs on. */
export function benchDocuments(): BenchDocument[] {
  return [
    seedDocument('002', 'seed 002 (typical)'),
    longReport('50 KB report', 50_000),
    longReport('500 KB report', 500_000),
  ];
}

if (require.main === module) {
  const out = join(ROOT, 'bench/out');
  mkdirSync(out, { recursive: true });
  for (const document of benchDocuments()) {
    const file = join(out, `${document.name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.md`);
    writeFileSync(file, document.text);
    console.log(`${file}: ${document.text.length} characters from ${document.sources.length} file(s): ${document.sources.join(', ')}`);
  }
}
