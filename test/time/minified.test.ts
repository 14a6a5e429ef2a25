import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

// Production bundles are minified, which renames chrono's classes; timestamps.ts must pick chrono's parsers
// and refiners by behaviour, not by class name. Bundle it the way scripts/build.mjs does and check.
test('timestamps.ts behaves the same when bundled and minified', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-time-'));
  try {
    const outfile = path.join(dir, 'timestamps.js');
    await esbuild.build({
      entryPoints: [path.resolve(process.cwd(), 'server/src/analysis/time/timestamps.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const { findTimestamps } = createRequire(__filename)(outfile) as typeof import('../../server/src/analysis/time/timestamps');
    assert.deepEqual(findTimestamps('fixed 5 minutes ago, within 2 hours'), []);
    const found = findTimestamps('June 15, 2024, 14:00 UTC to June 15, 2024, 16:30 IST');
    assert.deepEqual(found.map((t) => t.text), ['June 15, 2024, 14:00 UTC', 'June 15, 2024, 16:30 IST']);
    assert.equal(found[0].zone?.offsetMinutes, 0);
    assert.equal(found[1].zone?.meanings?.length, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
