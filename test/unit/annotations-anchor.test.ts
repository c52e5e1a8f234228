// Anchoring: annotations re-attach after a re-parse, a grown live log or changed ids, and are
// kept and reported as orphaned when their step is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentStepId } from '../../src/core/ids';
import { anchorFor, createEvent, exportRows, foldEvents, resolveAnnotations, stepFingerprint, type RunLike } from '../../src/core/annotations';

/** Steps with content ids, the way the readers derive them. */
function run(
  id: string,
  contents: [string, string][],
): RunLike & { steps: { id: string; thought: string; commands: { text: string; categories: string[]; obstacles: string[] }[]; role: string; time: null }[] } {
  const seen = new Map<string, number>();
  return {
    id,
    steps: contents.map(([thought, cmd]) => ({
      id: contentStepId([thought, cmd], seen),
      thought,
      commands: cmd ? [{ text: cmd, categories: [], obstacles: [] }] : [],
      role: 'assistant',
      time: null,
    })),
  };
}

const base: [string, string][] = [
  ['Check the port.', 'netstat -tuln | grep 8001'],
  ['Copy the agent.', 'cp -r /w/Agent /w/Agent_new'],
  ['Kill the old one.', 'kill -9 4242'],
  ['Start the replica.', 'nohup python3 start.py --port 8001 &'],
];

function annotate(r: RunLike, index: number, id: string, commandIndex?: number) {
  return foldEvents([createEvent({ author: 'ann', at: '2026-01-01T00:00:00Z' }, { ...anchorFor(r, index, commandIndex), labels: ['x'] }, id)]).annotations[0];
}

test('the fingerprint ignores whitespace and output, and tells steps apart', () => {
  const a = { id: 'x', thought: 'Kill  the old\none.', commands: [{ text: 'kill -9   4242' }] };
  const b = { id: 'y', thought: 'Kill the old one.', commands: [{ text: 'kill -9 4242' }] };
  assert.equal(stepFingerprint(a), stepFingerprint(b));
  assert.notEqual(stepFingerprint(a), stepFingerprint({ ...b, commands: [{ text: 'kill 1' }] }));
});

test('same log re-parsed: attached; a live log that grew: still attached', () => {
  const r = run('r1', base);
  const a = annotate(r, 2, 'a1');
  assert.equal(resolveAnnotations([a], [r])[0].status, 'attached');
  const grown = run('r1', [...base, ['Check it answers.', 'curl localhost:8001']]);
  const [res] = resolveAnnotations([a], [grown]);
  assert.deepEqual([res.status, res.stepIndex], ['attached', 2]);
});

test('a step inserted before: moved to its new index, by id', () => {
  const a = annotate(run('r1', base), 2, 'a1');
  const shifted = run('r1', [['Look around.', 'ls'], ...base]);
  const [res] = resolveAnnotations([a], [shifted]);
  assert.deepEqual([res.status, res.stepIndex, res.stepId], ['moved', 3, a.stepId]);
  assert.match(res.reason!, /moved from step 3 to step 4/);
});

test('ids changed (index-based ids) but content the same: re-found by fingerprint, nearest the hint', () => {
  const r = run('r1', [...base, base[2]]); // the kill appears twice: #2 and #4
  const a = annotate(r, 4, 'a1');
  const renamed = { id: 'r1', steps: r.steps.map((s, i) => ({ ...s, id: `step-${i}` })) };
  const [res] = resolveAnnotations([a], [renamed]);
  assert.deepEqual([res.status, res.stepIndex], ['moved', 4]);
  assert.match(res.reason!, /re-found by content/);
});

test('a run whose id changed is found through a unique step id', () => {
  const a = annotate(run('r1', base), 1, 'a1');
  const [res] = resolveAnnotations([a], [run('sample-7', base)]);
  assert.deepEqual([res.status, res.stepIndex], ['moved', 1]);
});

test('a step that vanished: the annotation is kept, reported orphaned, and exported', () => {
  const r = run('r1', base);
  const gone = annotate(r, 2, 'a-gone');
  const kept = annotate(r, 3, 'a-kept', 5);
  const edited = run('r1', [base[0], base[1], base[3]]); // the kill step was removed
  const res = resolveAnnotations([gone, kept], [edited]);
  assert.equal(res.length, 2);
  assert.deepEqual([res[0].status, res[0].stepIndex], ['orphaned', null]);
  assert.match(res[0].reason!, /no longer in run r1/);
  assert.deepEqual([res[1].status, res[1].stepIndex, res[1].commandMissing], ['moved', 2, true]);
  assert.equal(resolveAnnotations([gone], [])[0].status, 'orphaned');

  const rows = exportRows([{ file: 'x.log', runId: 'r1', steps: edited.steps, annotations: res }], 'annotated');
  assert.deepEqual(
    rows.map((r) => [r.status, r.stepIndex, r.annotations.map((a) => a.id)]),
    [
      ['step', 2, ['a-kept']],
      ['orphaned', null, ['a-gone']],
    ],
  );
});
