// What an Inspect scorer's value says, and when it disagrees with the verdict (webview/evidence.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDisagrees, scoreSays } from '../../webview/evidence';

test("a scorer's value reads as pass, fail or nothing clear", () => {
  for (const v of ['C', 'correct', ' PASS ', true, 1, 1.0, '1']) assert.equal(scoreSays(v), 'pass', String(v));
  for (const v of ['I', 'incorrect', 'failed', false, 0, '0.0']) assert.equal(scoreSays(v), 'fail', String(v));
  for (const v of ['P', 'N', 0.5, 'NaN', null, undefined, '{"a":1}']) assert.equal(scoreSays(v), null, String(v));
});

test('disagreement: a pass against anything but replicated, a fail against replicated; unknown compares with nothing', () => {
  assert.equal(scoreDisagrees('C', 'replicated'), false);
  assert.equal(scoreDisagrees('C', 'failed'), true);
  assert.equal(scoreDisagrees('C', 'not-attempted'), true);
  assert.equal(scoreDisagrees('I', 'replicated'), true);
  assert.equal(scoreDisagrees('I', 'failed'), false);
  assert.equal(scoreDisagrees('I', 'not-attempted'), false);
  assert.equal(scoreDisagrees('C', 'unknown'), null);
  assert.equal(scoreDisagrees('P', 'replicated'), null);
});
