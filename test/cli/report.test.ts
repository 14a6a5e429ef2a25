import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt, runCli, tempDir } from '../helpers/cli';
import { seed, SHARED } from '../helpers/corpus';

before(ensureBuilt);

const SEEDS = join(SHARED, 'seeds');
const names = ['002', '003', '004'].map((number) => seed(number).name);

test('--report metrics --format json: one object per report with exactly the documented fields (the issue\'s seed checks)', () => {
  const run = runCli(['--report', 'metrics', '--format', 'json', ...names], { cwd: SEEDS });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    {
      file: names[0],
      title: 'Postmortem Report',
      started: '2024-06-15T14:00:00Z',
      detected: '2024-06-15T14:00:00Z',
      acknowledged: '2024-06-15T14:05:00Z',
      mitigated: '2024-06-15T16:00:00Z',
      resolved: '2024-06-15T16:30:00Z',
      minutesToDetect: 0,
      minutesToAcknowledge: 5,
      minutesToMitigate: 120,
      minutesToResolve: 150,
    },
    {
      file: names[1],
      title: 'Postmortem Report',
      started: '2024-05-10T08:00:00Z',
      detected: '2024-05-10T08:30:00Z',
      acknowledged: '2024-05-10T08:35:00Z',
      mitigated: '2024-05-11T02:00:00Z',
      resolved: '2024-05-11T03:00:00Z',
      minutesToDetect: 30,
      minutesToAcknowledge: 5,
      minutesToMitigate: 1080,
      minutesToResolve: 1140,
    },
    {
      file: names[2],
      title: null,
      started: '2023-02-26T02:00:00Z',
      detected: '2023-02-26T02:00:00Z',
      acknowledged: '2023-02-26T02:05:00Z',
      mitigated: '2023-02-26T06:00:00Z',
      resolved: '2023-02-26T08:00:00Z',
      minutesToDetect: 0,
      minutesToAcknowledge: 5,
      minutesToMitigate: 240,
      minutesToResolve: 360,
    },
  ]);
});

test('--report metrics (Markdown by default): a table with a last row of medians; a moment not said is a dash, a day never said is no instant', () => {
  const { dir, remove } = tempDir();
  try {
    writeFileSync(join(dir, 'a.md'), '# Postmortem: cache | eviction\n\n## Timeline\n\n- 10:00 UTC alert fired\n- 10:20 UTC rolled back\n- 11:00 UTC service restored\n');
    writeFileSync(join(dir, 'b.md'), '# Postmortem: DNS\n\n## Timeline\n\n- 2024-03-02 09:00 UTC error rates rose\n- 09:30 UTC customers reported failures\n- 13:00 UTC resolved\n');
    const run = runCli(['--report', 'metrics', 'a.md', 'b.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '| File | Title | Started (UTC) | Detected (UTC) | Acknowledged (UTC) | Mitigated (UTC) | Resolved (UTC) | TTD | TTA | TTM | TTR |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| a.md | Postmortem: cache \\| eviction | — | — | — | — | — | 0m | — | 20m | 1h |',
        '| b.md | Postmortem: DNS | 2024-03-02T09:00:00Z | 2024-03-02T09:30:00Z | — | — | 2024-03-02T13:00:00Z | 30m | — | — | 4h |',
        '| **Median** |  |  |  |  |  |  | **15m** | — | **20m** | **2h 30m** |',
        '',
      ].join('\n'),
    );
  } finally {
    remove();
  }
});

test('--report metrics --format csv: a header of the JSON keys, quoted cells where needed, empty for null', () => {
  const { dir, remove } = tempDir();
  try {
    writeFileSync(join(dir, 'a.md'), '# Postmortem: cache, "eviction"\n\n## Timeline\n\n- 2024-03-02 10:00 UTC alert fired\n- 11:00 UTC service restored\n');
    const run = runCli(['--report', 'metrics', '--format', 'csv', 'a.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      'file,title,started,detected,acknowledged,mitigated,resolved,minutesToDetect,minutesToAcknowledge,minutesToMitigate,minutesToResolve\r\n' +
        'a.md,"Postmortem: cache, ""eviction""",2024-03-02T10:00:00Z,2024-03-02T10:00:00Z,,,2024-03-02T11:00:00Z,0,,,60\r\n',
    );
  } finally {
    remove();
  }
});

test('--report: exit code 2 only when a file cannot be read; unknown reports and formats are usage errors', () => {
  const missing = runCli(['--report', 'metrics', '--format', 'json', names[0], 'missing.md'], { cwd: SEEDS });
  assert.equal(missing.status, 2);
  assert.equal((JSON.parse(missing.stdout) as unknown[]).length, 1);
  assert.match(missing.stderr, /cannot read missing\.md/);
  const unknown = runCli(['--report', 'velocity', names[0]], { cwd: SEEDS });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--report must be one of follow-ups, metrics \(got "velocity"\)/);
  const format = runCli(['--report', 'metrics', '--format', 'sarif', names[0]], { cwd: SEEDS });
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be one of markdown, json, csv \(got "sarif"\)/);
});
