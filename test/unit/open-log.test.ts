// One way to open a log (src/node/open-log.ts): an `.eval`'s samples are listed from the zip
// directory without inflating any, each is read on its first request and kept; a text log is
// read once; reading everything gives the analysis contract of the whole file.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { OpenedLog } from '../../src/node/open-log';
import { ZipReader } from '../../src/core/formats/zip';
import { buildZip, header } from '../fixtures/inspect/make-eval';
import { run, runs, steps } from '../../src/server/features/timeline';
import { ServedDocument } from '../../src/server/document';

before(() => initAnalysis());

function evalBytes(n: number): Uint8Array {
  const members: Record<string, unknown> = { 'header.json': header('lazy_task') };
  for (let i = 1; i <= n; i++) {
    members[`samples/${i}_epoch_1.json`] = {
      id: i,
      epoch: 1,
      messages: [
        { role: 'user', content: `sample ${i}` },
        { role: 'assistant', content: '', tool_calls: [{ id: `c${i}`, function: 'bash', arguments: { cmd: `kill -9 ${4000 + i}` } }] },
        { role: 'tool', tool_call_id: `c${i}`, function: 'bash', content: '' },
      ],
    };
  }
  return buildZip(members);
}

test('an .eval lists every sample without reading any, and reads one on request', () => {
  const bytes = evalBytes(5);
  const inflated: string[] = [];
  const read = ZipReader.prototype.read;
  ZipReader.prototype.read = function (this: ZipReader, which) {
    inflated.push(typeof which === 'string' ? which : which.name);
    return read.call(this, which);
  };
  try {
    const log = OpenedLog.fromBytes('lazy.eval', bytes);
    assert.equal(log.format, 'inspect-eval');
    assert.equal(log.runs.length, 5);
    assert.ok(!inflated.some((n) => n.startsWith('samples/')), `listing inflated ${inflated.join(', ')}`);
    assert.equal(log.isRead(2), false);
    const t = log.run(2)!;
    assert.deepEqual(
      t.steps.flatMap((s) => s.commands.map((c) => c.text)),
      ['kill -9 4003'],
    );
    assert.equal(log.isRead(2), true);
    assert.equal(inflated.filter((n) => n.startsWith('samples/')).length, 1);
    assert.equal(log.run(2), t, 'kept, not read again');
  } finally {
    ZipReader.prototype.read = read;
  }
});

test('reading everything gives what analyze gives', () => {
  const bytes = evalBytes(3);
  const whole = analyzeBytes('x.eval', bytes);
  const lazy = OpenedLog.fromBytes('x.eval', bytes).all();
  assert.deepEqual(JSON.parse(JSON.stringify(lazy.trajectories)), JSON.parse(JSON.stringify(whole.trajectories)));
});

test('a path: text logs read once; the published layout from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-open-'));
  const fixture = join(__dirname, '../fixtures/chatbot/indented-cutoff.chatbot.log');
  const p = join(dir, 'run.log');
  writeFileSync(p, readFileSync(fixture));
  const log = OpenedLog.fromPath(p);
  assert.equal(log.format, 'chatbot-log');
  assert.equal(log.runs.length, 1);
  assert.equal(log.all().trajectories[0].steps.flatMap((s) => s.commands).length, 5);
});

test('the timeline requests on a lazily opened log: the list answered with nothing read, each run read on request', () => {
  const doc = new ServedDocument('file:///lazy.eval', null, null, null, null, true);
  doc.log = OpenedLog.fromBytes('lazy.eval', evalBytes(4));
  const r = runs(doc, doc.uri);
  assert.equal(r.runs.length, 4);
  assert.deepEqual(
    r.runs.map((x) => x.read),
    [false, false, false, false],
  );
  assert.equal(run(doc, r.runs[0].id)!.commandCount, 1);
  const third = r.runs[2];
  assert.match(third.outcome.reason, /Not read yet/);
  const page = steps(doc, { uri: doc.uri, runId: third.id, start: 0, count: 10 });
  assert.equal(page.total, 2);
  assert.equal(run(doc, third.id)!.read, true);
  assert.deepEqual(
    runs(doc, doc.uri).runs.map((x) => x.read),
    [true, false, true, false],
  );
});
