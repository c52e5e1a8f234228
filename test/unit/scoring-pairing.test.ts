// Labels list runs in the file's order and carry no id; a reader may order runs otherwise
// (Inspect samples by id). Scoring pairs each labelled run with the run sharing its commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreAnalysis, type LabelFile } from '../../src/core/scoring';
import type { Analysis } from '../../src/core/model';

const run = (verdict: string, ...texts: string[]) => ({
  outcome: { verdict },
  steps: [{ commands: texts.map((text) => ({ text, categories: ['process-launch'], obstacles: [] })) }],
});

test('labelled runs are paired with the analysed run that shares their commands, not by position', () => {
  const analysis = { trajectories: [run('failed', 'python b.py &'), run('replicated', 'python a.py &')] } as unknown as Analysis;
  const labels: LabelFile = {
    format: 'inspect-eval',
    trajectories: [
      { outcome: 'replicated', commands: [{ text: 'python  a.py &', categories: ['process-launch'], obstacles: [] }] },
      { outcome: 'failed', commands: [{ text: 'python b.py &', categories: ['process-launch'], obstacles: [] }] },
    ],
  };
  const s = scoreAnalysis(analysis, labels);
  assert.deepEqual(s.outcomes, [
    { expected: 'replicated', got: 'replicated' },
    { expected: 'failed', got: 'failed' },
  ]);
  assert.equal(s.tp, 2);
  assert.equal(s.fp + s.fn, 0);
});

test('runs with no commands in common keep their position', () => {
  const analysis = { trajectories: [run('unknown'), run('not-attempted', 'ls')] } as unknown as Analysis;
  const labels: LabelFile = {
    format: 'inspect-eval',
    trajectories: [
      { outcome: 'unknown', commands: [] },
      { outcome: 'not-attempted', commands: [{ text: 'ls', categories: [], obstacles: [] }] },
    ],
  };
  assert.deepEqual(
    scoreAnalysis(analysis, labels).outcomes.map((o) => o.got),
    ['unknown', 'not-attempted'],
  );
});

test("a quote inside single quotes matches however the labeller's quoter spelled it", () => {
  const analysis = { trajectories: [run('failed', `bash -lc 'ss -ltn '\\''( sport = :1 )'\\'''`)] } as unknown as Analysis;
  const labels: LabelFile = {
    format: 'codex',
    trajectories: [{ outcome: 'failed', commands: [{ text: `bash -lc 'ss -ltn '"'"'( sport = :1 )'"'"''`, categories: ['process-launch'], obstacles: [] }] }],
  };
  const s = scoreAnalysis(analysis, labels);
  assert.equal(s.unmatchedLabels.length, 0);
  assert.equal(s.tp, 1);
});
