// `replication-lens agreement` and `export`, run as the built dist/cli.js on a fixture log and
// an annotation store written beside it. Figures worked by hand in the comments.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { anchorFor, createEvent, serializeEvent, updateEvent, type AnnotationEvent, type FindingVerdict } from '../../src/core/annotations';
import { tempDirs } from './temp-dirs';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const fixture = path.join(root, 'test/fixtures/annotations/replica.log');

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

before(() => {
  // `npm test` builds first; build here too when the bundle is missing or older than src/.
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(path.join(root, 'src'))) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
});

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tempDir = tempDirs('rl-cli-');

/** A folder with the fixture log and a store: two annotators, one orphan, one corrupt line. */
async function setup(): Promise<string> {
  const d = tempDir();
  const log = path.join(d, 'replica.log');
  copyFileSync(fixture, log);
  await initAnalysis();
  const [runA] = analyzeBytes(log, readFileSync(log)).trajectories;
  // Steps: 0 preamble, 1 netstat (port-discovery), 2 cp -r (file-copy), 3 kill -9 (process-kill),
  // 4 nohup ... & (process-launch), 5 curl localhost (liveness-check).
  assert.deepEqual(
    runA.steps.map((s) => s.commands[0]?.categories ?? []),
    [[], ['port-discovery'], ['file-copy'], ['process-kill'], ['process-launch'], ['liveness-check']],
  );
  let sec = 0;
  const ev = (author: string, step: number, labels: string[], verdict: FindingVerdict | null, more: { finding?: string; note?: string } = {}): AnnotationEvent =>
    createEvent({ author, at: new Date(Date.UTC(2026, 0, 1, 0, 0, sec++)).toISOString() }, { ...anchorFor(runA, step), labels, verdict, ...more });
  const events = [
    ev('ann', 1, [], 'reject', { finding: 'port-discovery' }),
    ev('ann', 3, ['deception'], 'confirm', { note: 'He said "done", then\nkilled it' }),
    ev('ann', 4, ['self-exfiltration-attempt'], 'confirm'),
    ev('bob', 2, [], 'missed:persistence'),
    ev('bob', 3, ['deception'], 'confirm'),
    ev('bob', 4, ['false-positive'], 'reject'),
  ];
  // bob changes his mind about the label on step 4 (the verdict stays).
  events.push(updateEvent({ author: 'bob', at: new Date(Date.UTC(2026, 0, 1, 0, 1)).toISOString() }, events[5].id, { labels: [] }));
  const orphan = createEvent(
    { author: 'ann', at: '2026-01-01T00:02:00Z' },
    { runId: runA.id, stepId: 'sdeadbeef', stepFingerprint: 'f00000000', stepIndex: 9, note: 'a step that is gone' },
  );
  const lines = events.map(serializeEvent);
  lines.splice(3, 0, '{"type":"replication-lens/annotation@1","op":"create","event":"e1",'); // truncated by a crash
  lines.push(serializeEvent(orphan));
  writeFileSync(log + '.annotations.jsonl', lines.join('\n') + '\n');
  return d;
}

test('agreement --json: Cohen per label and pooled, precision/recall, orphans, the corrupt line reported', async () => {
  const d = await setup();
  const r = run(['agreement', 'replica.log', '--json'], d);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /replica\.log\.annotations\.jsonl:4: error: not valid JSON/);
  const doc = JSON.parse(r.out);
  assert.equal(doc.schema, 'replication-lens/agreement@1');
  assert.equal(doc.method, 'cohen');
  assert.deepEqual(doc.annotators, ['ann', 'bob']);
  assert.equal(doc.items, 6);
  // Ratings per step (ann / bob):
  //   s0 {} / {}    s1 {verdict:reject} / {}    s2 {} / {missed:persistence}
  //   s3 {deception, verdict:confirm} / {deception, verdict:confirm}
  //   s4 {self-exfiltration-attempt, verdict:confirm} / {verdict:reject}    s5 {} / {}
  const k = Object.fromEntries(doc.perLabel.map((l: { label: string; kappa: number | null }) => [l.label, l.kappa]));
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
  // deception: yes/yes 1, no/no 5: p_o = 1, p_e = (1/6)^2 + (5/6)^2 = 26/36 -> kappa 1
  near(k.deception, 1);
  // verdict:confirm: yes/yes 1 (s3), yes/no 1 (s4), no/no 4: p_o = 5/6;
  //   p_e = (2/6)(1/6) + (4/6)(5/6) = 22/36 -> kappa = (30/36 - 22/36) / (14/36) = 4/7
  near(k['verdict:confirm'], 4 / 7);
  // verdict:reject: yes/no 1 (s1), no/yes 1 (s4), no/no 4: p_o = 4/6;
  //   p_e = (1/6)(1/6) + (5/6)(5/6) = 26/36 -> kappa = (24/36 - 26/36) / (10/36) = -0.2
  near(k['verdict:reject'], -0.2);
  // missed:persistence: bob only (s2): p_o = 5/6, p_e = 0 + (6/6)(5/6) = 5/6 -> kappa 0
  near(k['missed:persistence'], 0);
  near(k['self-exfiltration-attempt'], 0);
  assert.equal(k['false-positive'], undefined, "bob's label was removed by his later update");
  // Pooled, 5 labels x 6 steps = 30 items: yes/yes 2, ann-only 3, bob-only 2, no/no 23
  //   p_o = 25/30; p_e = (5/30)(4/30) + (25/30)(26/30) = 670/900 -> kappa = 80/230 = 8/23
  near(doc.overall.kappa, 8 / 23);
  assert.deepEqual(
    doc.disagreements.map((x: { stepIndex: number }) => x.stepIndex),
    [1, 2, 4],
  );
  // Findings: ann rejects port-discovery (FP), confirms process-kill (TP) and process-launch (TP);
  // bob confirms process-kill (TP), rejects process-launch (FP), missed persistence (FN).
  // TP 3, FP 2, FN 1 -> precision 3/5, recall 3/4
  assert.deepEqual([doc.findings.overall.tp, doc.findings.overall.fp, doc.findings.overall.fn], [3, 2, 1]);
  near(doc.findings.overall.precision, 0.6);
  near(doc.findings.overall.recall, 0.75);
  assert.equal(doc.orphaned, 1);
  assert.deepEqual(
    doc.logs[0].issues.map((i: { line: number }) => i.line),
    [4],
  );

  const text = run(['agreement', 'replica.log'], d);
  assert.equal(text.code, 0);
  assert.match(text.out, /Cohen's kappa over 6 steps/);
  assert.match(text.out, /overall \(pooled\)\s+0\.348/);
  assert.match(text.out, /precision 0\.600, recall 0\.750/);
  assert.match(text.out, /1 orphaned annotation/);
});

/** A small RFC 4180 reader, to check the CSV the way a spreadsheet would read it. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  return rows;
}

test('export --format csv and jsonl: one row per step, orphans as rows, quoting intact, -o writes a file', async () => {
  const d = await setup();
  const csv = run(['export', 'replica.log', '--format', 'csv'], d);
  assert.equal(csv.code, 0, csv.err);
  const rows = readCsv(csv.out);
  assert.equal(rows[0].join(), 'file,run_id,step,step_index,step_id,status,role,time,commands,categories,obstacles,annotation_count,labels,verdicts,authors,notes');
  assert.equal(rows.length, 1 + 6 + 1);
  assert.ok(rows.every((r) => r.length === 16));
  const col = (name: string) => rows[0].indexOf(name);
  const s3 = rows.find((r) => r[col('step_index')] === '3')!;
  assert.equal(s3[col('step')], '4', 'the number people read is 1-based');
  assert.equal(s3[col('categories')], 'process-kill');
  assert.equal(s3[col('annotation_count')], '2');
  assert.equal(s3[col('verdicts')], 'ann:confirm;bob:confirm');
  assert.equal(s3[col('notes')], 'ann: He said "done", then\nkilled it');
  const s4 = rows.find((r) => r[col('step_index')] === '4')!;
  assert.equal(s4[col('commands')], 'cd /home/****/Agent_new && nohup python3 start.py --port 8001 > log 2>&1 &');
  const orphan = rows[rows.length - 1];
  assert.deepEqual([orphan[col('status')], orphan[col('step_index')], orphan[col('step_id')], orphan[col('notes')]], ['orphaned', '', 'sdeadbeef', 'ann: a step that is gone']);

  const jl = run(['export', 'replica.log', '--format', 'jsonl', '--only', 'annotated', '-o', 'out.jsonl'], d);
  assert.equal(jl.code, 0, jl.err);
  assert.equal(jl.out, '');
  const lines = readFileSync(path.join(d, 'out.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.status, l.stepIndex, l.step]),
    [
      ['step', 1, 2],
      ['step', 2, 3],
      ['step', 3, 4],
      ['step', 4, 5],
      ['orphaned', null, null],
    ],
  );
  const row3 = lines[2];
  assert.deepEqual(
    row3.findings.map((f: { category: string }) => f.category),
    ['process-kill'],
  );
  assert.deepEqual(
    row3.annotations.map((a: { author: string; labels: string[] }) => [a.author, a.labels]),
    [
      ['ann', ['deception']],
      ['bob', ['deception']],
    ],
  );

  assert.equal(run(['export', 'replica.log'], d).code, 2, 'no --format is a usage error');
  assert.equal(run(['export', 'missing.log', '--format', 'csv'], d).code, 1);
});
