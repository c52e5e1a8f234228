// Kappa and precision/recall, checked against examples worked by hand below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  anchorFor,
  cohenFromRatings,
  cohenKappa,
  computeAgreement,
  createEvent,
  fleissKappa,
  foldEvents,
  resolveAnnotations,
  type AnnotationEvent,
  type FindingVerdict,
} from '../../src/core/annotations';

const close = (a: number | null, b: number, msg?: string) => {
  assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${msg ?? ''} expected ${b}, got ${a}`);
};

test("Cohen's kappa, a 2x2 table worked by hand", () => {
  // 50 items.          B yes  B no
  //           A yes      20     5     (A yes: 25)
  //           A no       10    15     (A no:  25)
  //                  (B yes: 30, B no: 20)
  // p_o = (20 + 15) / 50 = 0.70
  // p_e = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.50
  // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
  const r = cohenKappa([
    [20, 5],
    [10, 15],
  ]);
  close(r.observed, 0.7);
  close(r.expected, 0.5);
  close(r.kappa, 0.4);
  // The same from the ratings themselves.
  const a = [...Array(25).fill('y'), ...Array(25).fill('n')];
  const b = [...Array(20).fill('y'), ...Array(5).fill('n'), ...Array(10).fill('y'), ...Array(15).fill('n')];
  close(cohenFromRatings(a, b).kappa, 0.4);
  // Everything in one category: chance agreement is 1, kappa undefined (not a division by zero).
  assert.equal(
    cohenKappa([
      [0, 0],
      [0, 9],
    ]).kappa,
    null,
  );
});

test("Fleiss' kappa, the Fleiss (1971) / Wikipedia example: 10 items, 14 raters, 5 categories", () => {
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  // Column totals: 20, 28, 39, 21, 32 (sum 140 = 10 items x 14 raters)
  // p_j = 20/140, 28/140, 39/140, 21/140, 32/140 = 0.143, 0.200, 0.279, 0.150, 0.229
  // P_e = (20^2 + 28^2 + 39^2 + 21^2 + 32^2) / 140^2 = (400+784+1521+441+1024) / 19600 = 4170/19600
  // P_i = (sum_j n_ij^2 - 14) / (14 * 13 = 182):
  //   row 1: 196-14 = 182   row 2: 60-14 = 46   row 3: 70-14 = 56   row 4: 94-14 = 80
  //   row 5: 74-14 = 60     row 6: 98-14 = 84   row 7: 58-14 = 44   row 8: 46-14 = 32
  //   row 9: 66-14 = 52     row 10: 66-14 = 52  -> sum 688
  // P-bar = 688 / (10 * 182) = 688/1820 = 0.378
  // kappa = (688/1820 - 4170/19600) / (1 - 4170/19600) = 0.20993 (Wikipedia: 0.210)
  const r = fleissKappa(table);
  close(r.observed, 688 / 1820);
  close(r.expected, 4170 / 19600);
  close(r.kappa, (688 / 1820 - 4170 / 19600) / (1 - 4170 / 19600));
  assert.equal(r.kappa!.toFixed(3), '0.210');
  assert.throws(
    () =>
      fleissKappa([
        [1, 1],
        [2, 1],
      ]),
    /every item needs 2 ratings/,
  );
});

// ---- agreement over annotations ---------------------------------------------------------

const STEPS = ['netstat -tuln', 'cp -r /w/A /w/B', 'kill -9 4242', 'nohup python3 start.py --port 8001 &'].map((text, i) => ({
  id: `s${i}`,
  thought: `step ${i}`,
  commands: [{ text, categories: i === 2 ? ['process-kill'] : [], obstacles: [] as string[] }],
}));
const RUN = { id: 'r1', steps: STEPS };
let clock = 0;
function ann(author: string, step: number, labels: string[], verdict: FindingVerdict | null = null, extra: { finding?: string; commandIndex?: number } = {}): AnnotationEvent {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
  return createEvent({ author, at }, { ...anchorFor(RUN, step, extra.commandIndex), labels, verdict, ...(extra.finding ? { finding: extra.finding } : {}) });
}
const unit = (events: AnnotationEvent[], reviewers: string[] = []) => ({
  key: 'x.log#r1',
  runId: 'r1',
  steps: STEPS,
  annotations: resolveAnnotations(foldEvents(events).annotations, [RUN]),
  reviewers,
});

test('two annotators: Cohen per label and pooled, worked by hand', () => {
  // 4 steps seen by both.  label "deception": ann on s0, s1; bob on s0.
  //                        label "obstacle-resolved": both on s2.  s3: nobody.
  const events = [
    ann('ann', 0, ['deception']),
    ann('bob', 0, ['deception']),
    ann('ann', 1, ['deception']),
    ann('ann', 2, ['obstacle-resolved']),
    ann('bob', 2, ['obstacle-resolved']),
  ];
  const r = computeAgreement([unit(events)]);
  assert.equal(r.method, 'cohen');
  assert.deepEqual(r.annotators, ['ann', 'bob']);
  assert.equal(r.items, 4);
  // deception:   yes/yes 1 (s0), yes/no 1 (s1), no/yes 0, no/no 2 (s2, s3)
  //   p_o = 3/4; ann yes 2/4, bob yes 1/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/8 + 3/8 = 1/2
  //   kappa = (3/4 - 1/2) / (1/2) = 0.5
  const dec = r.perLabel.find((l) => l.label === 'deception')!;
  close(dec.kappa, 0.5);
  assert.deepEqual(dec.positives, { ann: 2, bob: 1 });
  // obstacle-resolved: yes/yes 1, no/no 3 -> p_o = 1, p_e = (1/4)^2 + (3/4)^2 = 5/8, kappa = 1
  close(r.perLabel.find((l) => l.label === 'obstacle-resolved')!.kappa, 1);
  // pooled, 8 (step, label) items: yes/yes 2, yes/no 1, no/yes 0, no/no 5
  //   p_o = 7/8; ann yes 3/8, bob yes 2/8; p_e = (3/8)(2/8) + (5/8)(6/8) = 6/64 + 30/64 = 36/64
  //   kappa = (56/64 - 36/64) / (28/64) = 20/28 = 5/7
  close(r.overall!.kappa, 5 / 7);
  close(r.meanPerLabel, 0.75);
  assert.deepEqual(
    r.disagreements.map((d) => [d.stepIndex, d.byAnnotator]),
    [[1, { ann: ['deception'], bob: [] }]],
  );
});

test('three annotators: Fleiss per label, worked by hand; only runs all of them saw count', () => {
  // "deception" on 4 steps, 3 raters: s0 3 yes, s1 2 yes, s2 0 yes, s3 1 yes
  //   rows [yes, no]: [3,0] [2,1] [0,3] [1,2]
  //   P_i = (sum n^2 - 3) / (3*2): (9-3)/6 = 1, (4+1-3)/6 = 1/3, 1, 1/3 -> P-bar = (8/3)/4 = 2/3
  //   p_yes = 6/12 = 1/2, p_no = 1/2 -> P_e = 1/2;  kappa = (2/3 - 1/2) / (1/2) = 1/3
  const events = [
    ann('ann', 0, ['deception']),
    ann('bob', 0, ['deception']),
    ann('cy', 0, ['deception']),
    ann('ann', 1, ['deception']),
    ann('bob', 1, ['deception']),
    ann('cy', 3, ['deception']),
  ];
  const r = computeAgreement([unit(events)]);
  assert.equal(r.method, 'fleiss');
  close(r.perLabel[0].kappa, 1 / 3);
  close(r.overall!.kappa, 1 / 3);
  assert.equal(r.pairwise.length, 3);
  // ann/bob agree on every step: kappa 1
  close(r.pairwise.find((p) => p.a === 'ann' && p.b === 'bob')!.kappa, 1);

  // A second run only ann annotated: not shared by all, so it adds no item...
  const other = { ...unit([ann('ann', 0, ['deception'])]), key: 'y.log#r1' };
  assert.equal(computeAgreement([unit(events), other]).items, 4);
  // ...until bob and cy record that they reviewed it (4 more steps, all "no" for them).
  assert.equal(computeAgreement([unit(events), { ...other, reviewers: ['bob', 'cy'] }]).items, 8);
});

test('precision and recall of the findings against confirm / reject / missed verdicts', () => {
  // Step 2's command has the finding process-kill.
  //   ann confirms it                 -> TP process-kill
  //   bob rejects it (names it)       -> FP process-kill
  //   ann: missed:persistence on s2   -> FN persistence (the analysis did not find it)
  //   bob: missed:process-kill on s2  -> the analysis did find it: TP process-kill
  //   cy confirms on s0 (no finding)  -> nothing to judge: unmatched
  // TP 2, FP 1, FN 1 -> precision 2/3, recall 2/3
  const events = [
    ann('ann', 2, [], 'confirm'),
    ann('bob', 2, [], 'reject', { finding: 'process-kill', commandIndex: 0 }),
    ann('ann', 2, [], 'missed:persistence'),
    ann('bob', 2, [], 'missed:process-kill'),
    ann('cy', 0, [], 'confirm'),
  ];
  const f = computeAgreement([unit(events)]).findings;
  assert.deepEqual([f.overall.tp, f.overall.fp, f.overall.fn], [2, 1, 1]);
  close(f.overall.precision, 2 / 3);
  close(f.overall.recall, 2 / 3);
  const pk = f.perCategory.find((c) => c.category === 'process-kill')!;
  close(pk.precision, 2 / 3);
  close(pk.recall, 1);
  const pe = f.perCategory.find((c) => c.category === 'persistence')!;
  assert.deepEqual([pe.precision, pe.recall], [null, 0]);
  assert.equal(f.unmatchedVerdicts, 1);
  assert.deepEqual(
    f.perAnnotator.map((a) => [a.annotator, a.tp, a.fp, a.fn]),
    [
      ['ann', 1, 0, 1],
      ['bob', 1, 1, 0],
    ],
  );
});

test('fewer than two annotators: no kappa, and the report says why', () => {
  const r = computeAgreement([unit([ann('ann', 0, ['x'])])]);
  assert.equal(r.method, 'none');
  assert.match(r.note!, /two annotators/);
});
