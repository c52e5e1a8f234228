// A run file cut off at a line reads as what was written of it (test/metamorphic/cut-check.ts):
// over the blind corpora and, when ../shared is beside the project, the labelled and real files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initAnalysis } from '../../src/node/init-analysis';
import { checkCuts } from '../metamorphic/cut-check';

before(() => initAnalysis());

const blindRoot = resolve(__dirname, '../corpus');
const shared = resolve(__dirname, '../../../shared/corpus');

test('every blind corpus file cut at 1/5..4/5 of its lines reads as a prefix of the whole, or says where it stops', () => {
  const dirs = readdirSync(blindRoot)
    .filter((d) => /^blind(-\d+)?$/.test(d))
    .map((d) => join(blindRoot, d));
  const r = checkCuts(dirs);
  assert.ok(r.cuts >= 800, `${r.cuts} cuts`);
  assert.deepEqual(r.broken, []);
  // Most cuts keep something: a refusal is for a cut before anything whole was written.
  assert.ok(r.refused < r.cuts / 20, `${r.refused} of ${r.cuts} refused`);
});

test('the labelled and real files cut the same way', { skip: !existsSync(shared) && 'no ../shared' }, () => {
  const r = checkCuts([join(shared, 'labelled'), join(shared, 'real')]);
  assert.ok(r.cuts >= 60, `${r.cuts} cuts`);
  assert.deepEqual(r.broken, []);
});
