// The CLI writes `analyze --json` in pieces (src/cli/json-stream.ts); the text must be byte
// for byte JSON.stringify(value, null, 2), and a batch of files one array, as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeJson } from '../../src/cli/json-stream';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';

const root = resolve(__dirname, '../..');

function streamed(value: unknown, pad = ''): { text: string; pieces: number } {
  const parts: string[] = [];
  writeJson(value, (t) => parts.push(t), pad);
  return { text: parts.join(''), pieces: parts.length };
}

test('pieces join to exactly what JSON.stringify(value, null, 2) gives', () => {
  class WithToJson {
    toJSON() {
      return { as: 'json' };
    }
  }
  const values: unknown[] = [
    null,
    0,
    -1.5,
    'a "quoted"\nline\u2028',
    true,
    [],
    {},
    [[]],
    [{}],
    { a: [] },
    { a: {} },
    { a: undefined, b: () => 1, c: Symbol('s'), d: null, e: [undefined, () => 1, Symbol('t'), 1] },
    // eslint-disable-next-line no-sparse-arrays
    [, 1, , { hole: [, 2] }],
    { 'key "q"': { deep: { deeper: { deepest: { leaf: [1, { x: 'y\nz' }] } } } } },
    [new WithToJson(), { when: new Date(0) }, { nested: new WithToJson() }],
    { trajectories: [{ steps: [{ commands: [{ text: 'kill -9 1', output: 'x\ny' }] }] }] },
  ];
  for (const v of values) assert.equal(streamed(v).text, JSON.stringify(v, null, 2) ?? 'null', JSON.stringify(v));
  // Padded: the value as an element of an array the caller writes.
  const v = { a: [1, { b: 'c' }] };
  assert.equal(`[\n  ${streamed(v, '  ').text}\n]`, JSON.stringify([v], null, 2));
});

test('the analysis of a log streams to the same text, in several pieces when large', async () => {
  await initAnalysis();
  const file = join(root, 'examples/fudan-style-replication.log');
  const a = analyzeBytes('fudan-style-replication.log', readFileSync(file));
  assert.equal(streamed(a).text, JSON.stringify(a, null, 2));
  // About 1 MB a piece: many steps' worth of output never sit in one string.
  const big = { steps: Array.from({ length: 3000 }, (_, i) => ({ index: i, output: 'x'.repeat(1000) })) };
  const { text, pieces } = streamed(big);
  assert.equal(text, JSON.stringify(big, null, 2));
  assert.ok(pieces >= 3, `${pieces} pieces`);
});
