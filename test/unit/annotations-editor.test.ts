// The editor side's pure parts: which comment threads a document gets (orphans kept in their
// own thread), labels typed as #hashtags, comment labels, the timeline's marks, and the
// agreement view's markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorFor, computeAgreement, createEvent, defaultLabelSet, foldEvents, resolveAnnotations, updateEvent, type AnnotationEvent } from '../../src/core/annotations';
import { annotationMarks, commentLabel, hashtagLabels, ORPHAN_KEY, stepAtLine, threadSpecs, type DocRun } from '../../src/extension/annotations/threads';
import { agreementMarkdown } from '../../src/extension/annotations/agreement-view';

const steps = [0, 1, 2, 3].map((i) => ({
  index: i,
  id: `s${i}`,
  thought: `t${i}`,
  source: i === 3 ? null : { startLine: 10 * i + 1, endLine: 10 * i + 9 },
  commands: [{ text: `cmd ${i}`, categories: i === 1 ? ['process-kill'] : [], obstacles: [] as string[], source: i === 3 ? null : { startLine: 10 * i + 5, endLine: 10 * i + 6 } }],
}));
const run = { id: 'r1', steps };
const docRuns: DocRun[] = [{ runId: 'r1', steps }];
let sec = 0;
const at = () => new Date(Date.UTC(2026, 0, 1, 0, 0, sec++)).toISOString();
const ev = (author: string, i: number, labels: string[], id?: string): AnnotationEvent => createEvent({ author, at: at() }, { ...anchorFor(run, i), labels }, id);

test('threads: one per annotated step at its lines; orphans and line-less steps in one thread on line 1', () => {
  const events = [
    ev('ann', 1, ['deception'], 'a1'),
    ev('bob', 1, [], 'b1'),
    ev('ann', 2, [], 'a2'),
    ev('ann', 3, [], 'a3'), // a step without lines (a binary log)
    createEvent({ author: 'ann', at: at() }, { runId: 'r1', stepId: 'gone', stepFingerprint: 'fx', stepIndex: 7 }, 'a4'),
    ev('ann', 0, [], 'a5'),
  ];
  events.push({ ...updateEvent({ author: 'ann', at: at() }, 'a5', { deleted: true }) });
  const resolved = resolveAnnotations(foldEvents(events).annotations, [run]);
  const specs = threadSpecs(docRuns, resolved);
  assert.deepEqual(
    specs.map((s) => [s.key, s.startLine, s.annotations.map((a) => a.id)]),
    [
      [ORPHAN_KEY, 1, ['a3', 'a4']],
      ['r1#s1', 11, ['a1', 'b1']],
      ['r1#s2', 21, ['a2']],
    ],
  );
  assert.match(specs[0].reasons![1], /no longer in run r1/);
  assert.deepEqual(stepAtLine(docRuns, 12), { runId: 'r1', index: 1 });
  assert.deepEqual(stepAtLine(docRuns, 16), { runId: 'r1', index: 1, commandIndex: 0 }, 'a line of the command: the annotation is on that command');
  assert.equal(stepAtLine(docRuns, 10), null);
});

test('hashtags become labels only when the label set knows them; comment labels read well', () => {
  const labels = defaultLabelSet();
  assert.deepEqual(hashtagLabels('Lies here #deception, see #process-kill. Not a #label or a#deception', labels), ['deception', 'process-kill']);
  const [a] = foldEvents([createEvent({ author: 'ann', at: at() }, { ...anchorFor(run, 1, 0), labels: ['deception'], verdict: 'reject', finding: 'process-kill' })]).annotations;
  assert.equal(commentLabel(a, labels), 'Deception · ✗ rejected process-kill · command 1');
  const [b] = foldEvents([createEvent({ author: 'ann', at: at() }, { ...anchorFor(run, 2), verdict: 'missed:persistence' })]).annotations;
  assert.equal(commentLabel(b, labels), 'missed persistence');
});

test("timeline marks: labels, authors, each author's labels and disagreements", () => {
  const events = [ev('ann', 1, ['deception']), ev('bob', 1, []), ev('ann', 2, ['x']), ev('bob', 2, ['x'])];
  const marks = annotationMarks('r1', resolveAnnotations(foldEvents(events).annotations, [run]));
  assert.deepEqual(marks, [
    { index: 1, labels: ['deception'], authors: ['ann', 'bob'], byAuthor: { ann: ['deception'], bob: [] }, disagreement: true },
    { index: 2, labels: ['x'], authors: ['ann', 'bob'], byAuthor: { ann: ['x'], bob: ['x'] }, disagreement: false },
  ]);
});

test('the agreement view: a markdown table whose cells cannot be broken by names or labels', () => {
  const events = [ev('ann|<b>', 1, ['deception']), ev('bob', 1, ['deception']), ev('ann|<b>', 2, ['x*'])];
  const units = [{ key: 'r1', runId: 'r1', steps: run.steps, annotations: resolveAnnotations(foldEvents(events).annotations, [run]), reviewers: [] }];
  const md = agreementMarkdown('logs/a.log', computeAgreement(units));
  assert.match(md, /^# Annotator agreement: logs\/a\.log/);
  assert.match(md, /Cohen's kappa over \*\*4\*\* steps/);
  assert.ok(md.includes('| ann\\|\\<b\\> | bob |'), md);
  assert.ok(md.includes('| x\\* |'));
  assert.ok(!md.includes('<b>'));
});
