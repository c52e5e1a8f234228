// The one list of trajectory file names and what each reader of it gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAJECTORY_FILE_NAMES, extensionNames, isServedByName, isTrajectoryFileName, servedPatterns } from '../../src/core/file-names';

test('the workspace search takes every listed name, in any case, and nothing else', () => {
  for (const n of TRAJECTORY_FILE_NAMES) assert.ok(isTrajectoryFileName(`run${n.suffix}`), n.suffix);
  assert.ok(isTrajectoryFileName('/w/RUN.TRAJ.JSON'));
  assert.ok(isTrajectoryFileName('logs/2024-11-28.eval'));
  for (const name of ['notes.txt', 'run.json.bak', 'eval', 'x.logs', 'README.md']) assert.equal(isTrajectoryFileName(name), false, name);
});

test('the language server is started by name only for served names that say trajectory', () => {
  assert.ok(isServedByName('/w/a.traj'));
  assert.ok(isServedByName('/w/a.traj.json'));
  assert.ok(isServedByName('/w/session.jsonl'));
  // A plain .json needs its content sniffed; a .log its language; an .eval is a zip, a .cast not served.
  for (const p of ['/w/a.json', '/w/a.log', '/w/a.eval', '/w/a.cast']) assert.equal(isServedByName(p), false, p);
  assert.deepEqual(servedPatterns(), ['**/*.json', '**/*.jsonl', '**/*.traj', '**/*.traj.json']);
});

test('when clauses and watchers see each last extension once', () => {
  assert.deepEqual(extensionNames(), ['log', 'json', 'jsonl', 'traj', 'cast', 'eval']);
});
