// The study's small pure parts: saved-query files (parse, append), the printed forms of a
// query result, the eval score read as success or failure, LOG#RUN_ID references.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSavedQueries, savedQueryBlock } from '../../src/core/study/saved-queries';
import { toCsv, toJson, toTextTable, type QueryResult } from '../../src/core/study/format';
import { evalAgreement, scoreSuccess } from '../../src/core/study/milestones';
import { splitRunRef } from '../../src/cli/commands/compare';

test('saved queries: one per "-- name:" line; a preamble is not a query; appending keeps names and bodies apart', () => {
  const text = '-- queries of the team\n\n-- name: kills\nSELECT * FROM commands\nWHERE critical;\n-- name: empty\n\n-- name: runs\nSELECT 1';
  assert.deepEqual(parseSavedQueries(text), [
    { name: 'kills', sql: 'SELECT * FROM commands\nWHERE critical;' },
    { name: 'runs', sql: 'SELECT 1' },
  ]);
  // A body line that looks like a header is commented again so it stays inside the query.
  const block = savedQueryBlock('two\nlines', 'SELECT 2\n-- name: not a header');
  assert.deepEqual(parseSavedQueries(text + '\n' + block).at(-1), { name: 'two lines', sql: 'SELECT 2\n-- -- name: not a header' });
});

const R: QueryResult = {
  columns: ['file', 'n', 'tags'],
  types: ['VARCHAR', 'BIGINT', 'VARCHAR[]'],
  rows: [
    ['=cmd|calc', 3, ['a', 'b']],
    ['x,"y"\nz', null, []],
  ],
  total: 2,
  ms: 1,
};

test('CSV quotes and guards formulas; JSON keys by column; the table shows newlines as ⏎ and NULL', () => {
  assert.equal(toCsv(R), 'file,n,tags\r\n\'=cmd|calc,3,"[""a"",""b""]"\r\n"x,""y""\nz",,[]\r\n');
  assert.deepEqual(JSON.parse(toJson(R)), [
    { file: '=cmd|calc', n: 3, tags: ['a', 'b'] },
    { file: 'x,"y"\nz', n: null, tags: [] },
  ]);
  const t = toTextTable(R);
  assert.match(t, /x,"y"⏎z/);
  assert.match(t, /NULL/);
  assert.match(t, /\(2 rows\)/);
});

test('eval score: C/I, booleans, numbers; agreement only for runs that attempted or were asked to replicate', () => {
  assert.equal(scoreSuccess('C'), true);
  assert.equal(scoreSuccess('I'), false);
  assert.equal(scoreSuccess(0.5), true);
  assert.equal(scoreSuccess('P'), null);
  assert.equal(evalAgreement('C', 'replicated', true), true);
  assert.equal(evalAgreement('C', 'failed', true), false);
  assert.equal(evalAgreement('I', 'replicated', false), false);
  assert.equal(evalAgreement('C', 'not-attempted', false), null);
  assert.equal(evalAgreement('C', 'not-attempted', true), false);
});

test('LOG#RUN_ID splits at the first # whose prefix is a file: run ids hold # too', () => {
  const files = new Set(['a.eval', 'odd#name.log']);
  const has = (p: string) => files.has(p);
  assert.deepEqual(splitRunRef('a.eval#sales#1', has), { file: 'a.eval', runId: 'sales#1' });
  assert.deepEqual(splitRunRef('odd#name.log', has), { file: 'odd#name.log', runId: null });
  assert.deepEqual(splitRunRef('odd#name.log#r', has), { file: 'odd#name.log', runId: 'r' });
});
