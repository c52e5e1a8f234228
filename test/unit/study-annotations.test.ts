// The study's annotations table and annotation verdicts: a log with a sidecar store (one
// attached annotation, one `verdict:failed` label, one orphan whose step is gone) read by
// loadStudy. Steps come out 1-based; the orphan keeps its run with no step; the label sets the
// run's verdict (verdict_from = annotation) beside the analysis' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { anchorFor, createEvent, serializeEvent } from '../../src/core/annotations';
import { tableDef } from '../../src/core/study/schema';
import { initAnalysis } from '../../src/node/init-analysis';
import { loadStudy } from '../../src/node/study/load';
import { tempDirs } from './temp-dirs';

const fixture = path.resolve(__dirname, '../fixtures/annotations/replica.log');
const tempDir = tempDirs('rl-study-ann-');
const col = (table: 'annotations' | 'runs', name: string) => tableDef(table).columns.findIndex((c) => c.name === name);

test('annotations: 1-based steps, the orphan kept without a step, a verdict label overrides the verdict', async () => {
  const d = tempDir();
  const log = path.join(d, 'replica.log');
  copyFileSync(fixture, log);
  await initAnalysis();
  const [run] = analyzeBytes(log, readFileSync(log)).trajectories;
  // Step index 3 is the kill -9 (annotations-cli.test.ts lists the fixture's steps).
  const events = [
    createEvent({ author: 'ann', at: '2026-01-01T00:00:01Z' }, { ...anchorFor(run, 3), labels: ['deception'], verdict: 'confirm', note: 'killed it' }),
    createEvent({ author: 'bob', at: '2026-01-01T00:00:02Z' }, { ...anchorFor(run, 4), labels: ['verdict:failed'] }),
    createEvent({ author: 'ann', at: '2026-01-01T00:00:03Z' }, { runId: run.id, stepId: 'sdeadbeef', stepFingerprint: 'f00000000', stepIndex: 9, note: 'gone' }),
  ];
  writeFileSync(log + '.annotations.jsonl', events.map(serializeEvent).join('\n') + '\n');

  const study = await loadStudy([d]);
  const rows = study.tables.annotations.map((r) => [
    r[col('annotations', 'step')],
    r[col('annotations', 'status')],
    r[col('annotations', 'author')],
    r[col('annotations', 'labels')],
  ]);
  assert.deepEqual(
    rows.sort((a, b) => String(a[2]).localeCompare(String(b[2])) || Number(a[0] ?? 99) - Number(b[0] ?? 99)),
    [
      [4, 'attached', 'ann', ['deception']],
      [null, 'orphaned', 'ann', []],
      [5, 'attached', 'bob', ['verdict:failed']],
    ],
  );
  const r = study.tables.runs[0];
  assert.equal(r[col('runs', 'verdict')], 'failed');
  assert.equal(r[col('runs', 'verdict_from')], 'annotation');
  assert.equal(r[col('runs', 'analysis_verdict')], run.outcome.verdict);
});
