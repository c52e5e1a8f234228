// Verdict accuracy, confusion and per-verdict precision/recall over scored files (scoring.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verdictScore, type Score } from '../../src/core/scoring';

const scored = (outcomes: [string | null, string][]): Score => ({
  tp: 0,
  fp: 0,
  fn: 0,
  precision: 1,
  recall: 1,
  unmatchedLabels: [],
  unmatchedPredicted: [],
  mistakes: [],
  outcomes: outcomes.map(([expected, got]) => ({ expected: expected as string, got })),
});

test('verdict accuracy and confusion: a null label is left out, a missing run counts as wrong', () => {
  const v = verdictScore([
    scored([
      ['replicated', 'replicated'],
      ['failed', 'not-attempted'],
    ]),
    scored([
      ['not-attempted', 'not-attempted'],
      [null, 'failed'],
      ['unknown', 'missing'],
    ]),
  ]);
  assert.equal(v.runs, 4);
  assert.equal(v.correct, 2);
  assert.equal(v.accuracy, 0.5);
  assert.equal(v.confusion.failed['not-attempted'], 1);
  assert.equal(v.confusion.unknown.missing, 1);
  assert.deepEqual(v.perVerdict['not-attempted'], { tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
  assert.deepEqual(v.perVerdict.failed, { tp: 0, fp: 0, fn: 1, precision: 1, recall: 0 });
});
