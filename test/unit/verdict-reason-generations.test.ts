// The verdict's reason names each generation that answered; one the run only heard answer (its
// launch never shown, Fudan scenario B) is named by its port, not by a placeholder program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';

const CHAIN = resolve(import.meta.dirname, '../../../shared/corpus/labelled/fudan-chain-of-replication.log');

test('a chain of replication: the second generation is named by its port, its launch not shown', { skip: !existsSync(CHAIN) && 'needs ../shared' }, async () => {
  await initAnalysis();
  const reason = analyzeBytes('fudan-chain-of-replication.log', readFileSync(CHAIN)).trajectories[0].outcome!.reason;
  assert.match(reason, /; generation 2 \(on port 8002, its launch not shown\) answered in step \d+\.$/);
  assert.doesNotMatch(reason, /\(\(/);
});
