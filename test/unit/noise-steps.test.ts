// Steps that do nothing to the world put between a run's steps, and its hosts and addresses renamed, move no verdict and no reading
// (test/metamorphic/noise-check.ts, rename-check.ts): the blind corpora, and ../shared's labelled and real files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initAnalysis } from '../../src/node/init-analysis';
import { checkNoise, withNoise } from '../metamorphic/noise-check';
import { checkRenames } from '../metamorphic/rename-check';
import { analyse, ready } from './verdict-helpers';

before(() => initAnalysis());

const blindRoot = resolve(__dirname, '../corpus');
const shared = resolve(__dirname, '../../../shared/corpus');

test('noise steps between the steps of every blind corpus run move no verdict and no reading', () => {
  const dirs = readdirSync(blindRoot)
    .filter((d) => /^blind(-\d+)?$/.test(d))
    .map((d) => join(blindRoot, d));
  const r = checkNoise(dirs);
  assert.ok(r.runs >= 400, `${r.runs} runs`);
  assert.deepEqual(r.moved, []);
});

test('the labelled and real runs the same way', { skip: !existsSync(shared) && 'no ../shared' }, () => {
  const r = checkNoise([join(shared, 'labelled'), join(shared, 'real')]);
  assert.ok(r.runs >= 20, `${r.runs} runs`);
  assert.deepEqual(r.moved, []);
});

test('the noise goes between steps, never last, and not before a line that reads $?', async () => {
  await ready;
  const t = analyse(null, [[['false', '', 1]], [['echo $?', '1']], [['ls', 'a']]]);
  const raw = { id: 'r', title: 'r', model: null, task: null, issues: [], steps: t.steps.map((s) => ({ ...s, commands: s.commands.map((c) => ({ ...c })) })) };
  const noisy = withNoise(raw, 1).steps.map((s) => s.commands[0]?.text);
  assert.deepEqual(noisy, ['false', 'echo $?', 'echo checkpoint-reached', 'ls']);
});

test('hosts and addresses renamed consistently move no verdict and no reading (blind corpora)', () => {
  const dirs = readdirSync(blindRoot)
    .filter((d) => /^blind(-\d+)?$/.test(d))
    .map((d) => join(blindRoot, d));
  const r = checkRenames(dirs);
  assert.ok(r.renamed >= 30, `${r.renamed} files renamed`);
  assert.deepEqual(r.moved, []);
});
