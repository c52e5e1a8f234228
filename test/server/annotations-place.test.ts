// The server places annotations (placeAnnotations / anchorAt): anchors in, steps now out,
// reading only the runs the anchors name, so a large `.eval`'s other samples stay unread.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initAnalysis } from '../../src/node/init-analysis';
import { OpenedLog } from '../../src/node/open-log';
import { anchorFor } from '../../src/core/annotations';
import { DocumentStore } from '../../src/server/store';
import { anchorAt, placeAnnotations } from '../../src/server/features/annotations';

const LABELLED = resolve(__dirname, '../../../shared/corpus/labelled');
const skip = existsSync(LABELLED) ? false : 'no ../shared/corpus/labelled';
before(() => initAnalysis());

test('anchors on one sample of an .eval are placed without reading the other sample', { skip }, async () => {
  const file = resolve(LABELLED, 'container-replication.eval');
  const whole = OpenedLog.fromPath(file).all().trajectories;
  assert.equal(whole.length, 2);
  const second = whole[1];
  assert.ok(second.steps.length > 3);
  const uri = pathToFileURL(file).toString();
  const d = (await new DocumentStore().get(uri))!;
  assert.ok(d.log, 'the .eval is opened lazily');

  const here = anchorFor(second, 3);
  const moved = { ...anchorFor(second, 2), stepIndex: 0 }; // the index is only a hint
  const byContent = { ...anchorFor(second, 1), stepId: 'gone' }; // re-found by its fingerprint
  const placed = placeAnnotations(d, [here, moved, byContent]);
  assert.deepEqual(
    placed.map((p) => [p.status, p.runId, p.stepIndex]),
    [
      ['attached', second.id, 3],
      ['moved', second.id, 2],
      ['moved', second.id, 1],
    ],
  );
  assert.equal(placed[0].stepId, second.steps[3].id);
  const found = [...new Set(second.steps[3].commands.flatMap((c) => [...c.categories, ...c.obstacles]))];
  assert.deepEqual(placed[0].found, found);
  assert.equal(d.log!.isRead(0), false, 'the first sample was not read to place marks on the second');
  assert.equal(d.log!.isRead(1), true);

  // A run id not in the file: every run is looked in (the step id finds it), then orphaned.
  const elsewhere = placeAnnotations(d, [
    { ...here, runId: 'renamed' },
    { ...here, runId: 'renamed', stepId: 'nowhere', stepFingerprint: 'f0' },
  ]);
  assert.equal(elsewhere[0].status, 'moved');
  assert.equal(elsewhere[0].runId, second.id);
  assert.equal(elsewhere[1].status, 'orphaned');
  assert.match(elsewhere[1].reason!, /renamed/);
});

test('the anchor of a new annotation: by index, re-found by step id, or by a line of a text log', { skip }, async () => {
  const file = resolve(LABELLED, 'fudan-shutdown-avoidance.log');
  const run = OpenedLog.fromPath(file).all().trajectories[0];
  const uri = pathToFileURL(file).toString();
  const d = (await new DocumentStore().get(uri))!;
  const i = run.steps.findIndex((s) => s.commands.length && s.source);
  const s = run.steps[i];

  assert.deepEqual(anchorAt(d, { uri, runId: run.id, index: i })?.anchor, anchorFor(run, i));
  // A live log shifted the index: the step id wins.
  assert.equal(anchorAt(d, { uri, runId: run.id, index: i + 1, stepId: s.id })?.anchor.stepIndex, i);
  assert.equal(anchorAt(d, { uri, runId: run.id, index: 0, stepId: 'no-such-step' }), null);
  assert.equal(anchorAt(d, { uri, runId: 'no-such-run', index: 0 }), null);
  // A command index that is not there is dropped, not kept.
  assert.equal(anchorAt(d, { uri, runId: run.id, index: i, commandIndex: 99 })?.anchor.commandIndex, undefined);

  const byLine = anchorAt(d, { uri, line: s.source!.startLine })!;
  assert.equal(byLine.anchor.stepId, s.id);
  assert.equal(byLine.anchor.runId, run.id);
  const c = s.commands.findIndex((x) => x.source);
  if (c >= 0) {
    const onCommand = anchorAt(d, { uri, line: s.commands[c].source!.startLine })!;
    assert.equal(onCommand.anchor.commandIndex, c);
    assert.deepEqual(onCommand.found, [...new Set([...s.commands[c].categories, ...s.commands[c].obstacles])]);
  }
  assert.equal(anchorAt(d, { uri, line: 10_000_000 }), null);
});

test('comment threads from the placements alone: one per annotated step, on its lines', { skip }, async () => {
  const { placedRuns, threadSpecs } = await import('../../src/extension/annotations/threads');
  const file = resolve(LABELLED, 'fudan-shutdown-avoidance.log');
  const run = OpenedLog.fromPath(file).all().trajectories[0];
  const uri = pathToFileURL(file).toString();
  const d = (await new DocumentStore().get(uri))!;
  const withLines = run.steps.flatMap((s, i) => (s.source ? [i] : [])).slice(0, 2);
  const anchors = [...withLines.map((i) => anchorFor(run, i)), { ...anchorFor(run, withLines[0]), stepId: 'gone', stepFingerprint: 'f0' }];
  const annotations = anchors.map((a, k) => ({ ...a, id: `a${k}`, labels: [], note: '', verdict: null, finding: null, deleted: false, author: 'x', created: '', updated: '' }));
  const placed = placeAnnotations(d, anchors).map((p, k) => ({ ...p, annotation: annotations[k] as never }));
  const specs = threadSpecs(placedRuns(placed), placed);
  assert.deepEqual(
    specs.map((s) => [s.key, s.startLine]),
    [['orphaned', 1], ...withLines.map((i) => [`${run.id}#${run.steps[i].id}`, run.steps[i].source!.startLine])],
  );
});
