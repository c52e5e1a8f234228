// A large text log read from disk (the timeline opened from the explorer, not as text) is served
// from its top first, then analysed whole: the first answer names no verdict, the whole is told
// to the server (which tells the timeline), and then answers as the CLI does.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initAnalysis } from '../../src/node/init-analysis';
import { OpenedLog } from '../../src/node/open-log';
import { DocumentStore, PREFIX_FROM_BYTES } from '../../src/server/store';
import type { ServedDocument } from '../../src/server/document';
import { runs, steps } from '../../src/server/features/timeline';
import { writeChatbotLog } from '../../bench/gen-chatbot-log';
import { tempDirs } from '../unit/temp-dirs';

const temp = tempDirs('rl-disk-prefix-');
before(() => initAnalysis());

test('a large chatbot log from disk: its top first (no verdict), then the whole, told once', async () => {
  const file = join(temp(), 'big.log');
  const stats = writeChatbotLog(file, { rounds: 600, seed: 7 });
  assert.ok(stats.bytes > PREFIX_FROM_BYTES, 'the log is over the prefix threshold');
  const uri = pathToFileURL(file).toString();
  const told: ServedDocument[] = [];
  const store = new DocumentStore((d) => told.push(d));

  const top = (await store.get(uri))!;
  assert.ok(top.analyseWhole, 'served from its top');
  const first = runs(top, uri);
  assert.equal(first.runs.length, 1);
  assert.equal(first.runs[0].outcome.verdict, 'unknown');
  assert.match(first.runs[0].outcome.reason, /first \d+ steps are shown/);
  const page = steps(top, { uri, runId: first.runs[0].id, start: 0, count: 20 });
  assert.equal(page.steps.length, 20);

  top.analyseWhole!();
  assert.equal(told.length, 1, 'the whole analysis is told');
  assert.equal(top.analyseWhole, null, 'and done once');
  const whole = (await store.get(uri))!;
  assert.notEqual(whole, top);
  assert.equal(whole.analyseWhole, null);
  const cli = OpenedLog.fromPath(file).all().trajectories[0];
  const after = runs(whole, uri).runs[0];
  assert.equal(after.id, first.runs[0].id, 'the run keeps its id: the timeline keeps its place');
  assert.equal(after.stepCount, cli.steps.length);
  assert.ok(after.stepCount > first.runs[0].stepCount);
  assert.deepEqual(after.outcome, cli.outcome);
  // The first page of the top is the first page of the whole.
  const again = steps(whole, { uri, runId: after.id, start: 0, count: 20 });
  assert.deepEqual(
    again.steps.map((s) => s.id),
    page.steps.map((s) => s.id),
  );
});

test('a small log from disk is served whole at once', async () => {
  const file = join(temp(), 'small.log');
  writeChatbotLog(file, { rounds: 20, seed: 7 });
  const uri = pathToFileURL(file).toString();
  const d = (await new DocumentStore().get(uri))!;
  assert.equal(d.analyseWhole, null);
  assert.notEqual(runs(d, uri).runs[0].outcome.reason.startsWith('Reading'), true);
});

test('requests that come while a file is read share the read (the timeline and its annotations ask at once)', async () => {
  const file = join(temp(), 'twice.log');
  writeChatbotLog(file, { rounds: 600, seed: 9 });
  const uri = pathToFileURL(file).toString();
  const store = new DocumentStore();
  const [a, b] = await Promise.all([store.get(uri), store.get(uri)]);
  assert.ok(a && a === b, 'one served document for both');
  // Read again later (the file unchanged): the cached one.
  assert.equal(await store.get(uri), a);
});
