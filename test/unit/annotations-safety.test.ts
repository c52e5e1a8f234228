// The store against what a hostile workspace or a crash can do (issue 15): a lock is taken over
// only from a dead owner, a slow compaction cannot erase appends, a crashed holder's lock goes to
// exactly one waiter, symlinked sidecars are refused, file modes survive a compaction, and
// unknown fields (`__proto__` included) round-trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AnnotationFile, withLock } from '../../src/node/annotation-file';
import { compactStoreText, createEvent, foldEvents, parseStore, serializeEvent } from '../../src/core/annotations';
import { tempDirs } from './temp-dirs';

const dir = tempDirs('rl-ann-safe-');
const anchor = (i: number) => ({ runId: 'r1', stepId: `s${i}`, stepFingerprint: `f${i}`, stepIndex: i });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sets every file beside the store except the store itself a minute into the past (an "old" lock). */
function ageLocks(d: string, store: string): void {
  const old = new Date(Date.now() - 60_000);
  for (const n of readdirSync(d)) if (path.join(d, n) !== store && !n.endsWith('.tmp')) utimesSync(path.join(d, n), old, old);
}

const MOD = path.resolve(__dirname, '../../src/node/annotation-file.ts');

/** A child process that takes the store's lock with the real code, says "held", then runs `body`. */
function holder(file: string, body: string): { held: Promise<void>; exited: Promise<number | null>; kill(): void } {
  const script = path.join(dir(), 'holder.mts');
  writeFileSync(
    script,
    `import { withLock } from ${JSON.stringify(MOD)};\n` + `await withLock(${JSON.stringify(file)}, async () => { process.stdout.write('held\\n'); ${body} });\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += String(b);
      if (out.includes('held')) resolve();
    });
    child.on('exit', () => reject(new Error('the holder exited before holding the lock')));
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { held, exited, kill: () => child.kill('SIGKILL') };
}

test('a lock whose live owner has held it a long time is not taken over', async () => {
  const d = dir();
  const file = path.join(d, 'x.annotations.jsonl');
  const marks = path.join(d, 'marks');
  const h = holder(file, `await new Promise((r) => setTimeout(r, 1500)); (await import('node:fs')).appendFileSync(${JSON.stringify(marks)}, 'holder-done\\n');`);
  await h.held;
  ageLocks(d, file); // looks 60 s old: the owner is alive all the same
  await withLock(file, async () => {
    const { appendFileSync } = await import('node:fs');
    appendFileSync(marks, 'waiter\n');
  });
  assert.equal(await h.exited, 0);
  assert.deepEqual(readFileSync(marks, 'utf8').split('\n').filter(Boolean), ['holder-done', 'waiter']);
});

test('appends made while a slow compaction holds the lock are all in the store afterwards', async () => {
  const d = dir();
  const file = path.join(d, 'x.annotations.jsonl');
  const store = new AnnotationFile(file);
  await store.append([createEvent({ author: 'ann' }, anchor(0), 'a0')]);
  const other = new AnnotationFile(file);
  let appends: Promise<unknown> | undefined;
  await store.compact({
    beforeRename: async () => {
      ageLocks(d, file);
      appends = Promise.all(Array.from({ length: 29 }, (_, i) => other.append([createEvent({ author: 'bob' }, anchor(i + 1), `b${i}`)])));
      await sleep(800); // a slow disk
    },
  });
  await appends;
  const check = new AnnotationFile(file);
  await check.reload();
  assert.equal(check.live().length, 30);
  assert.equal(check.issues.length, 0);
});

test('a lock left by a killed holder goes to exactly one waiter at a time', async () => {
  for (let trial = 0; trial < 4; trial++) {
    const d = dir();
    const file = path.join(d, 'x.annotations.jsonl');
    const h = holder(file, 'await new Promise(() => setInterval(() => {}, 1000));');
    await h.held;
    h.kill();
    await h.exited;
    ageLocks(d, file);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        withLock(file, async () => {
          most = Math.max(most, ++inside);
          await sleep(20);
          inside--;
        }),
      ),
    );
    assert.equal(most, 1, `trial ${trial}: ${most} waiters held the lock at once`);
  }
});

test('a sidecar that is a symbolic link is refused: nothing is written through it, the link stays a link', async (t) => {
  const d = dir();
  const target = path.join(d, 'config');
  writeFileSync(target, '[core]\n\tbare = false\n');
  const file = path.join(d, 'run.log.annotations.jsonl');
  try {
    symlinkSync(target, file);
  } catch {
    t.skip('no symlinks here');
    return;
  }
  const store = new AnnotationFile(file);
  await assert.rejects(store.append([createEvent({ author: 'ann' }, anchor(0), 'a0')]), /symbolic link/);
  assert.equal(readFileSync(target, 'utf8'), '[core]\n\tbare = false\n');
  await assert.rejects(store.compact(), /symbolic link/);
  assert.ok(lstatSync(file).isSymbolicLink());
  assert.equal(readFileSync(target, 'utf8'), '[core]\n\tbare = false\n');
  // Reading through it is refused too (it could point at any file of the user's).
  await assert.rejects(store.reload(), /symbolic link/);
});

test("compaction keeps the file's mode; a read-only store is not rewritten", async () => {
  if (process.platform === 'win32') return;
  const d = dir();
  const file = path.join(d, 'x.annotations.jsonl');
  const store = new AnnotationFile(file);
  await store.append([createEvent({ author: 'ann' }, anchor(0), 'a0'), createEvent({ author: 'ann' }, anchor(1), 'a1')]);
  chmodSync(file, 0o640);
  await store.compact();
  assert.equal(statSync(file).mode & 0o777, 0o640);
  chmodSync(file, 0o444);
  const before = readFileSync(file, 'utf8');
  await assert.rejects(store.compact(), /read-only/);
  assert.equal(statSync(file).mode & 0o777, 0o444);
  assert.equal(readFileSync(file, 'utf8'), before);
});

test('unknown fields round-trip through parse, fold and compaction, `__proto__` and `constructor` included', () => {
  const base = JSON.parse(serializeEvent(createEvent({ author: 'ann', at: '2026-01-01T00:00:00Z' }, anchor(0), 'a0')));
  const line = JSON.stringify(base).slice(0, -1) + ',"__proto__":{"polluted":1},"constructor":"c","future":[1,2]}';
  const store = parseStore(line + '\n');
  assert.equal(store.issues.length, 0);
  const e = store.events[0];
  assert.deepEqual(Object.keys(e.extra), ['__proto__', 'constructor', 'future']);
  const compacted = compactStoreText(store);
  const again = JSON.parse(compacted.trim());
  assert.ok(Object.prototype.hasOwnProperty.call(again, '__proto__'), compacted);
  assert.deepEqual(again['__proto__'], { polluted: 1 });
  assert.equal(again.constructor, 'c');
  assert.deepEqual(again.future, [1, 2]);
  const a = foldEvents(parseStore(compacted).events).annotations[0];
  assert.ok(Object.prototype.hasOwnProperty.call(a.extra, '__proto__'));
  assert.deepEqual(a.extra['__proto__'], { polluted: 1 });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a log with a long name (230 characters) still gets its lock, its store and its compaction', async () => {
  const d = dir();
  const file = path.join(d, 'x'.repeat(230) + '.log.annotations.jsonl');
  const store = new AnnotationFile(file);
  await store.append([createEvent({ author: 'ann' }, anchor(0), 'a0')]);
  await store.compact();
  assert.equal(store.live().length, 1);
  assert.deepEqual(readdirSync(d), [path.basename(file)]);
});
