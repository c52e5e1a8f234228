// The store on disk: atomic rewrites, two writers on one file, union merges of diverged
// copies, a truncated last line, and where the sidecar lives.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, appendFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { AnnotationFile, leftoverTemps, lockClaims, sidecarPath, withLock, writeFileAtomic } from '../../src/node/annotation-file';
import { createEvent, deleteEvent, parseStore, serializeEvent, updateEvent } from '../../src/core/annotations';
import { tempDirs } from './temp-dirs';

const dir = tempDirs('rl-ann-');
const anchor = (i: number) => ({ runId: 'r1', stepId: `s${i}`, stepFingerprint: `f${i}`, stepIndex: i });
let sec = 0;
const ctx = (author: string) => ({ author, at: new Date(Date.UTC(2026, 0, 1, 0, 0, sec++)).toISOString() });

test('a rewrite is atomic: a crash after writing the temp file, before the rename, leaves the old file intact', async () => {
  const d = dir();
  const file = path.join(d, 'run.log.annotations.jsonl');
  const store = new AnnotationFile(file);
  await store.append([createEvent(ctx('ann'), { ...anchor(0), note: 'original' }, 'a1')]);
  await store.append([updateEvent(ctx('ann'), 'a1', { note: 'second' })]);
  const before = readFileSync(file, 'utf8');

  class Crash extends Error {}
  let temp = '';
  await assert.rejects(
    store.compact({
      beforeRename: (t) => {
        temp = t;
        throw new Crash('power cut');
      },
    }),
    Crash,
  );
  // The old file is byte for byte what it was; the half-done rewrite sits in its temp file.
  assert.equal(readFileSync(file, 'utf8'), before);
  assert.equal(path.dirname(temp), d, 'the temp file is in the same folder (rename stays on one file system)');
  assert.ok(existsSync(temp));
  assert.deepEqual(await leftoverTemps(file), [temp]);
  assert.deepEqual(await lockClaims(file), [], 'the lock is released after the crash');
  const reread = new AnnotationFile(file);
  await reread.reload();
  assert.deepEqual(
    reread.live().map((a) => a.note),
    ['second'],
  );

  // A rewrite that completes replaces the file in one step and leaves no temp of its own.
  await store.compact();
  assert.deepEqual(readdirSync(d).sort(), [path.basename(temp), 'run.log.annotations.jsonl'].sort());
  assert.equal(parseStore(readFileSync(file, 'utf8')).events.length, 2);
  await reread.reload();
  assert.deepEqual(
    reread.live().map((a) => a.note),
    ['second'],
  );
});

test('writeFileAtomic creates folders and never shows a partial file', async () => {
  const file = path.join(dir(), 'a', 'b', 'x.jsonl');
  await writeFileAtomic(file, 'one\n');
  await writeFileAtomic(file, 'two\n');
  assert.equal(readFileSync(file, 'utf8'), 'two\n');
  assert.deepEqual(await leftoverTemps(file), []);
});

test('two windows on one log: two store instances appending alternately both keep their edits', async () => {
  const file = path.join(dir(), 'run.log.annotations.jsonl');
  const w1 = new AnnotationFile(file);
  const w2 = new AnnotationFile(file);
  await w1.reload();
  await w2.reload();
  // Interleaved, and concurrent: neither re-reads between its own writes.
  await w1.append([createEvent(ctx('ann'), { ...anchor(0), labels: ['deception'] }, 'a1')]);
  await w2.append([createEvent(ctx('bob'), { ...anchor(1), note: 'bob' }, 'b1')]);
  await Promise.all([
    w1.append([updateEvent(ctx('ann'), 'a1', { note: 'ann note' })]),
    w2.append([createEvent(ctx('bob'), anchor(2), 'b2')]),
    w1.append([createEvent(ctx('ann'), anchor(3), 'a2')]),
    w2.append([updateEvent(ctx('bob'), 'b1', { labels: ['false-positive'] })]),
  ]);
  // One compacts while the other appends: the lock orders them, nothing is lost.
  await Promise.all([w1.compact(), w2.append([deleteEvent(ctx('bob'), 'b2')])]);
  const change = await w1.reload();
  await w2.reload();
  const state = (s: AnnotationFile) => s.annotations().map((a) => [a.id, a.labels, a.note, a.deleted]);
  const expected = [
    ['a1', ['deception'], 'ann note', false],
    ['b1', ['false-positive'], 'bob', false],
    ['b2', [], '', true],
    ['a2', [], '', false],
  ];
  assert.deepEqual(state(w1), expected);
  assert.deepEqual(state(w2), expected);
  assert.equal(change.issues.length, 0);
  assert.equal((await w1.reload()).changed, false, 'a re-read with nothing new reports no change');
});

test("a union merge of two diverged copies (git's merge=union) keeps both sides' edits", async () => {
  const d = dir();
  const common = [createEvent(ctx('ann'), { ...anchor(0), note: 'base' }, 'a1'), createEvent(ctx('ann'), anchor(1), 'a2')];
  const ours = [...common, updateEvent(ctx('ann'), 'a1', { labels: ['deception'] }), createEvent(ctx('ann'), anchor(2), 'a3')];
  const theirs = [...common, updateEvent(ctx('bob'), 'a1', { note: 'bob rewrote the note' }), deleteEvent(ctx('bob'), 'a2')];
  // Each side compacted its own copy at some point: lines differ from the base.
  const mine = path.join(d, 'mine.jsonl');
  writeFileSync(mine, ours.map(serializeEvent).join('\n') + '\n');
  await new AnnotationFile(mine).compact();
  const oursText = readFileSync(mine, 'utf8').split('\n').filter(Boolean);
  const theirsText = theirs.map(serializeEvent);
  // git's union merge: the base, then the lines each side added (duplicates possible).
  const merged = path.join(d, 'merged.jsonl');
  writeFileSync(merged, [...new Set([...oursText]), ...theirsText].join('\n') + '\n');
  const store = new AnnotationFile(merged);
  await store.reload();
  assert.deepEqual(
    store.annotations().map((a) => [a.id, a.labels, a.note, a.deleted]),
    [
      ['a1', ['deception'], 'bob rewrote the note', false],
      ['a2', [], '', true],
      ['a3', [], '', false],
    ],
  );
  assert.equal(store.issues.length, 0);
});

test('an append after a truncated last line starts a new line: the truncated record is reported, the new one kept', async () => {
  const file = path.join(dir(), 'x.annotations.jsonl');
  writeFileSync(file, serializeEvent(createEvent(ctx('ann'), anchor(0), 'a1')) + '\n');
  appendFileSync(file, serializeEvent(createEvent(ctx('ann'), anchor(1), 'a2')).slice(0, 30)); // crash mid-append
  const store = new AnnotationFile(file);
  await store.append([createEvent(ctx('ann'), anchor(2), 'a3')]);
  assert.deepEqual(
    store.live().map((a) => a.id),
    ['a1', 'a3'],
  );
  assert.deepEqual(
    store.issues.map((i) => [i.line, i.severity]),
    [[2, 'error']],
  );
  assert.match(store.issues[0].message, /not valid JSON/);
  // A rewrite keeps the broken fragment for a human to look at.
  await store.compact();
  assert.ok(
    readFileSync(file, 'utf8').includes(
      serializeEvent(createEvent(ctx('ann'), anchor(1), 'a2'))
        .slice(0, 30)
        .slice(0, 20),
    ),
  );
  assert.deepEqual(
    store.live().map((a) => a.id),
    ['a1', 'a3'],
  );
});

test("a dead writer's lock is taken over; a live one is waited for", async () => {
  const file = path.join(dir(), 'x.jsonl');
  // A claim left by a process that is gone: the same host and boot, a PID that no process has.
  const { spawnSync } = await import('node:child_process');
  const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
  let left = '';
  await withLock(file, async () => {
    [left] = await lockClaims(file);
  });
  const { writeFileSync: w } = await import('node:fs');
  w(left.replace(/\.(\d+)\.(\d+)\.([0-9a-f]+)$/, `.${gone}.$2.$3`), '');
  assert.equal((await lockClaims(file)).length, 1);
  assert.equal(await withLock(file, async () => 'ran', { waitMs: 1000 }), 'ran');
  assert.deepEqual(await lockClaims(file), []);
  // A PID now used by a process that started later than the claim's owner (Linux: /proc).
  if (existsSync('/proc/self/stat')) {
    w(left.replace(/\.(\d+)\.(\d+)\.([0-9a-f]+)$/, `.${process.ppid}.1.$3`), '');
    assert.equal(await withLock(file, async () => 'reused', { waitMs: 1000 }), 'reused');
  }
  // Another machine's claim (a shared folder) cannot be proven dead: waited for, then a clear error.
  const foreign = left.replace(/\.lock\.(\d+)\.([0-9a-f]{8})\./, (_m, t) => `.lock.${t}.00000000.`);
  w(foreign, '');
  await assert.rejects(
    withLock(file, async () => 'no', { waitMs: 300 }),
    /locked by process \d+ on another machine/,
  );
  rmSync(foreign);
  const order: string[] = [];
  await Promise.all([
    withLock(file, async () => {
      order.push('a1');
      await new Promise((r) => setTimeout(r, 30));
      order.push('a2');
    }),
    withLock(file, async () => {
      order.push('b');
    }),
  ]);
  assert.ok(order.join() === 'a1,a2,b' || order.join() === 'b,a1,a2', order.join());
});

test('sidecar location: beside the log by default, or under a configured folder mirroring the workspace', () => {
  assert.equal(sidecarPath('/w/runs/fudan.log'), '/w/runs/fudan.log.annotations.jsonl');
  assert.equal(sidecarPath('/w/runs/fudan.log', { directory: 'annotations', root: '/w' }), '/w/annotations/runs/fudan.log.annotations.jsonl');
  assert.equal(sidecarPath('/elsewhere/a.log', { directory: '/notes', root: '/w' }), '/notes/a.log.annotations.jsonl');
  assert.equal(sidecarPath('/w/a.log', { directory: 'ann' }), '/w/ann/a.log.annotations.jsonl');
});

test("a real git merge with '*.annotations.jsonl merge=union' keeps both branches' annotations", async (t) => {
  const { execFileSync } = await import('node:child_process');
  const d = dir();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: d, encoding: 'utf8' });
  try {
    git('init', '-q', '-b', 'main');
  } catch {
    t.skip('git is not available');
    return;
  }
  writeFileSync(path.join(d, '.gitattributes'), '*.annotations.jsonl merge=union\n');
  const file = path.join(d, 'run.log.annotations.jsonl');
  const store = new AnnotationFile(file);
  await store.append([createEvent(ctx('ann'), anchor(0), 'a1')]);
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'bob');
  await new AnnotationFile(file).append([createEvent(ctx('bob'), { ...anchor(1), note: 'bob' }, 'b1'), updateEvent(ctx('bob'), 'a1', { note: 'bob was here' })]);
  git('commit', '-qam', 'bob');
  git('checkout', '-q', 'main');
  await new AnnotationFile(file).append([createEvent(ctx('ann'), { ...anchor(2), labels: ['deception'] }, 'a2'), updateEvent(ctx('ann'), 'a1', { labels: ['x'] })]);
  git('commit', '-qam', 'ann');
  git('merge', '-q', '--no-edit', 'bob'); // throws on a conflict
  const merged = new AnnotationFile(file);
  await merged.reload();
  assert.equal(merged.issues.length, 0);
  assert.deepEqual(
    merged.live().map((a) => [a.id, a.labels, a.note]),
    [
      ['a1', ['x'], 'bob was here'],
      ['b1', [], 'bob'],
      ['a2', ['deception'], ''],
    ],
  );
});

test('two processes appending to one store at once: every event lands, every line parses', async () => {
  const { spawn } = await import('node:child_process');
  const file = path.join(dir(), 'x.annotations.jsonl');
  const script = path.join(dir(), 'writer.mts');
  const mod = path.resolve(__dirname, '../../src/node/annotation-file.ts');
  const core = path.resolve(__dirname, '../../src/core/annotations/index.ts');
  writeFileSync(
    script,
    `import { AnnotationFile } from ${JSON.stringify(mod)};\n` +
      `import { createEvent } from ${JSON.stringify(core)};\n` +
      `const [file, who] = process.argv.slice(2);\n` +
      `const s = new AnnotationFile(file);\n` +
      `for (let i = 0; i < 40; i++) {\n` +
      `  await s.append([createEvent({ author: who }, { runId: 'r', stepId: 's' + i, stepFingerprint: 'f', stepIndex: i, note: 'x'.repeat(3000) }, who + i)]);\n` +
      `  if (i % 10 === 9) await s.compact();\n` +
      `}\n`,
  );
  const run = (who: string) =>
    new Promise<number>((resolve) => spawn(process.execPath, ['--import', 'tsx', script, file, who], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)));
  assert.deepEqual(await Promise.all([run('ann'), run('bob')]), [0, 0]);
  const s = new AnnotationFile(file);
  await s.reload();
  assert.equal(s.issues.length, 0);
  assert.equal(s.live().length, 80);
});
