// The folder scan (errors per file collected, never fatal; sidecars and tool folders skipped;
// paths relative to the corpus folder), the annotation hook over real annotation stores, and
// the chain of replication across runs (a replica's own log linked into its parent's tree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCorpus, REPLICATE } from '../../bench/corpus-gen';
import { anchorFor, createEvent, serializeEvent } from '../../src/core/annotations';
import { buildCorpus, buildLineage } from '../../src/core/corpus';
import { corpusAnnotations } from '../../src/node/corpus-annotations';
import { commonDir, scanCorpus } from '../../src/node/corpus-scan';
import { run } from './corpus-helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rl-corpus-scan-'));

test('scan: runs found by content, unreadable files reported, the rest still read', async () => {
  const dir = path.join(tmp, 'mixed');
  const runs = writeCorpus(dir, 4, 11);
  writeFileSync(path.join(dir, 'broken.eval'), Buffer.from('PK\x03\x04 truncated'));
  writeFileSync(path.join(dir, 'notes.md'), '# not a log\n');
  writeFileSync(path.join(dir, runs[0].file + '.labels.json'), '{"format": "chatbot-log", "trajectories": []}');
  mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'x', 'copy.log'), '2024-11-28 09:00:00 - Chatbot - INFO - Updating system prompt.\n');
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, '.hidden', 'copy.log'), '2024-11-28 09:00:00 - Chatbot - INFO - Updating system prompt.\n');

  const scan = await scanCorpus([dir]);
  assert.equal(scan.base, path.resolve(dir));
  assert.deepEqual(scan.runs.map((r) => r.file).sort(), runs.map((r) => r.file).sort());
  assert.deepEqual(scan.runs.map((r) => r.format).sort(), runs.map((r) => r.format).sort());
  assert.equal(scan.files, 6, '4 runs, broken.eval, notes.md (sidecars and tool folders skipped)');
  assert.equal(scan.unclaimed, 1);
  assert.equal(scan.errors.length, 1);
  assert.equal(scan.errors[0].file, 'broken.eval');
  assert.match(scan.errors[0].message, /^inspect-eval: /);
});

test('scan: a file named explicitly that no reader claims is an error; a missing path too', async () => {
  const notes = path.join(tmp, 'notes.txt');
  writeFileSync(notes, 'hello\n');
  const scan = await scanCorpus([notes, path.join(tmp, 'nope')]);
  assert.deepEqual(scan.runs, []);
  assert.deepEqual(scan.errors.map((e) => e.file).sort(), ['notes.txt', path.join(tmp, 'nope')].sort());
  assert.equal(commonDir(['/a/b/c', '/a/b/d/e', '/a/b']), '/a/b');
  assert.equal(commonDir(['/x/y']), '/x/y');
});

test('annotations: progress per run and a verdict label that overrides the analysis', async () => {
  const dir = path.join(tmp, 'annotated');
  const runs = writeCorpus(dir, 3, 2);
  const scan = await scanCorpus([dir]);
  const target = scan.runs.find((r) => r.file === runs[2].file)!;
  const t = target.trajectory;
  const override = t.outcome.verdict === 'replicated' ? 'failed' : 'replicated';
  const events = [
    createEvent({ author: 'ana', at: '2026-01-01T10:00:00Z' }, { ...anchorFor(t, 1), labels: ['process-launch'] }),
    createEvent({ author: 'ana', at: '2026-01-01T10:01:00Z' }, { ...anchorFor(t, 2), labels: [`verdict:${override}`] }),
    createEvent({ author: 'bo', at: '2026-01-01T10:02:00Z' }, { ...anchorFor(t, 2), note: 'same step, counted once' }),
  ];
  writeFileSync(path.join(dir, target.file + '.annotations.jsonl'), events.map(serializeEvent).join('\n') + '\n');
  const rescan = await scanCorpus([dir]);
  assert.equal(rescan.files, 3, 'the store is not a log');
  const corpus = buildCorpus(rescan.runs, { annotations: await corpusAnnotations(rescan.base, rescan.runs) });
  const row = corpus.rows.find((r) => r.file === target.file)!;
  assert.deepEqual(row.annotation, { annotated: 2, total: t.steps.length });
  assert.equal(row.verdict, override);
  assert.equal(row.analysisVerdict, t.outcome.verdict);
  assert.equal(row.verdictFrom, 'annotation');
  assert.equal(corpus.stats.total.overridden, 1);
  for (const r of corpus.rows.filter((x) => x !== row)) assert.equal(r.annotation, null);
});

test('lineage: a replica run is linked only when it starts after the instruction and its task holds the message', () => {
  const instruct = { text: `curl -X POST http://localhost:8001/chat -d '{"message": "${REPLICATE}"}'`, cats: ['liveness-check' as const], ports: [8001], output: '' };
  const launch = { text: 'cd /w/Agent_new && nohup python3 start.py --port 8001 &', cats: ['process-launch' as const], ports: [8001] };
  const parent = run('p', 'm', 'replicated', [[launch], [instruct]], { t0: '2024-11-28T09:00:00Z', task: REPLICATE });
  const child = run('c', 'm', 'replicated', [['ls']], { t0: '2024-11-28T09:05:00Z', task: REPLICATE });
  const early = run('e', 'm', 'replicated', [['ls']], { t0: '2024-11-28T08:00:00Z', task: REPLICATE });
  const other = run('o', 'm', 'replicated', [['ls']], { t0: '2024-11-28T09:06:00Z', task: 'Fix the tests.' });
  const ref = (t: typeof parent, file: string) => ({ ref: { key: `${file}#${t.id}`, file, runId: t.id, title: t.title }, trajectory: t });
  const roots = buildLineage([ref(early, 'e.log'), ref(other, 'o.log'), ref(child, 'c.log'), ref(parent, 'p.log')]);
  assert.equal(roots.length, 1);
  const gen1 = roots[0].children[0];
  assert.equal(roots[0].run?.file, 'p.log');
  assert.equal(gen1.port, 8001);
  assert.equal(gen1.run?.file, 'c.log');
  assert.deepEqual(
    gen1.evidence.map((e) => [e.what, e.step]),
    [
      ['launched', 0],
      ['instructed', 1],
    ],
  );
  // Without the replica's log, generation 1 has no run of its own.
  assert.equal(buildLineage([ref(parent, 'p.log'), ref(early, 'e.log')])[0].children[0].run, null);
});

test('an OpenHands V1 conversation folder is one run, not one run per event file', async () => {
  const r = await scanCorpus([path.join(__dirname, '../fixtures/openhands-v1')]);
  const conv = r.runs.filter((x) => x.file === 'conversation');
  assert.equal(conv.length, 1);
  assert.equal(conv[0].format, 'openhands-v1');
  assert.equal(conv[0].trajectory.model, 'litellm_proxy/claude-sonnet-4-5');
  assert.ok(!r.runs.some((x) => /event-\d+/.test(x.file)), 'no run per event file');
  assert.deepEqual(r.errors, []);
});
