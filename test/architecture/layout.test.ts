/**
 * The shape of the code: modules of server/ and client/ import each other without cycles (type imports included:
 * a cycle of types still ties the modules together), and the analysis folder keeps only its entry point and shared
 * types at its top, everything else in the folder of what it is for (parsing, model, time, templates, rules,
 * config, fixes, features, util), as the data flow in the README's architecture section.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules a file imports by relative path, resolved to files. */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
    .map((base) => [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate)))
    .filter((path): path is string => path !== undefined);
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, localImports(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((file) => relative(ROOT, file)));
}

test('the server and client modules import each other without cycles', () => {
  const files = [...sourceFiles(join(ROOT, 'server/src')), ...sourceFiles(join(ROOT, 'client/src'))];
  assert.deepEqual(importCycles(files).map((cycle) => cycle.join(' -> ')), []);
});

test('the cycle check finds a cycle of type imports', () => {
  // The check itself must be able to fail: a.ts and b.ts of this fixture import each other's types.
  const fixture = join(ROOT, 'test/fixtures/import-cycle');
  assert.deepEqual(importCycles(sourceFiles(fixture)), [
    ['test/fixtures/import-cycle/a.ts', 'test/fixtures/import-cycle/b.ts', 'test/fixtures/import-cycle/a.ts'],
  ]);
});

test('the analysis folder has only its entry point and shared types at its top', () => {
  const top = readdirSync(join(ROOT, 'server/src/analysis')).filter((name) => name.endsWith('.ts')).sort();
  assert.deepEqual(top, ['analyze.ts', 'types.ts']);
});
