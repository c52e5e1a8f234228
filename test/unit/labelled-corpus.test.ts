// Scores the analyser on ../shared/corpus/labelled as TAXONOMY.md says: micro precision and
// recall over (command, category) pairs, obstacles included, and the outcome verdicts.
// Skips when ../shared is absent.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { scoreAnalysis, addScores, type LabelFile, type Score } from '../../src/core/scoring';

const dir = resolve(__dirname, '../../../shared/corpus/labelled');
const present = existsSync(dir);
const files = present
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.labels.json'))
      .map((f) => f.replace(/\.labels\.json$/, ''))
      .sort()
  : [];

before(() => initAnalysis());

const scores = new Map<string, Score>();
function score(name: string): Score {
  let s = scores.get(name);
  if (!s) {
    const labels = JSON.parse(readFileSync(join(dir, `${name}.labels.json`), 'utf8')) as LabelFile;
    const a = analyzeBytes(name, readFileSync(join(dir, name)));
    assert.equal(a.format, labels.format, `${name}: format`);
    s = scoreAnalysis(a, labels);
    scores.set(name, s);
  }
  return s;
}

for (const name of files) {
  test(`labelled ${name}: every command found, outcomes right`, () => {
    const s = score(name);
    assert.deepEqual(s.unmatchedLabels, [], 'labelled commands the reader did not yield');
    assert.deepEqual(s.unmatchedPredicted, [], 'commands the reader yielded that are not labelled');
    assert.deepEqual(
      s.outcomes.map((o) => o.got),
      s.outcomes.map((o) => o.expected),
    );
  });
}

test('chatbot logs: micro precision and recall >= 0.95', { skip: !present && 'no ../shared' }, () => {
  const t = addScores(files.filter((f) => f.endsWith('.log')).map(score));
  assert.ok(t.precision >= 0.95 && t.recall >= 0.95, JSON.stringify(t));
});

test('whole labelled corpus: micro precision and recall >= 0.95', { skip: !present && 'no ../shared' }, () => {
  const all = files.map(score);
  const t = addScores(all);
  const mistakes = all.flatMap((s) => s.mistakes);
  assert.ok(t.precision >= 0.95 && t.recall >= 0.95, `${JSON.stringify(t)}\n${JSON.stringify(mistakes, null, 1)}`);
});
