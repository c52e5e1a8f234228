// The CLI on damaged and hostile inputs (issue 15, "Smaller"): a file nothing of which reads
// fails the run; damaged files say where and why; UTF-16 and lone-CR text read; FIFOs,
// devices and oversized files are refused at once; a read error names the file once.
// The CLI runs from source (tsx), so these check the code as it is, not a stale build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { strToU8 } from 'fflate';
import { buildZip, header } from '../fixtures/inspect/make-eval';
import { readFile, sourceFile } from '../../src/core/formats';
import { jsonSyntaxError } from '../../src/core/formats/json-syntax';
import { readPath, MAX_FILE_BYTES } from '../../src/node/read-path';

const root = resolve(__dirname, '../..');
const cliSource = join(root, 'src/cli/cli.ts');
const chatbot = join(root, 'test/fixtures/chatbot/quirks.chatbot.log');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
const tmp = () => mkdtempSync(join(tmpdir(), 'rl-hostile-'));
const commandsOf = (stdout: string) =>
  (JSON.parse(stdout).trajectories as { steps: { commands: { text: string; output: string }[] }[] }[]).map((t) => t.steps.map((s) => s.commands.map((c) => [c.text, c.output])));

test('analyze exits 1, saying why, when every sample of an .eval failed', () => {
  const f = join(tmp(), 'all-bad.eval');
  writeFileSync(
    f,
    buildZip({
      'header.json': header(),
      'samples/1_epoch_1.json': strToU8('{"id": 1, "messages": [tru'),
      'samples/2_epoch_1.json': strToU8('nope'),
    }),
  );
  const r = run('analyze', f);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /cannot read .*all-bad\.eval as inspect-eval: no run could be read: .*invalid JSON/);
  const j = run('analyze', f, '--json');
  assert.equal(j.status, 1);
  assert.equal(j.stdout, '[]\n', 'a file nothing of which reads is left out of the JSON, as an unreadable one');
  // stats agrees: the same file is an error there.
  assert.equal(run('stats', f).status, 1);
});

test('a truncated bare-list chat file says where the JSON stops and why', () => {
  const f = join(tmp(), 'cut.json');
  writeFileSync(f, '[{"role": ');
  const r = run('analyze', f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /does not parse: at line 1, column 11, the text ends inside 2 open objects\/arrays \(truncated\?\)/);
  const g = join(tmp(), 'cut.jsonl');
  writeFileSync(g, '{"a": 1}\n{"b": 2}\n{"c": [1, 2,, 3]}\n');
  assert.match(run('analyze', g).stderr, /line 3 is not JSON: at column 13, unexpected ',' where a value was expected/);
});

test('the JSON syntax check: linear, any depth, offsets and reasons', () => {
  assert.equal(jsonSyntaxError('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"]}'), null);
  assert.deepEqual(jsonSyntaxError('{"a" 1}'), { offset: 5, reason: "unexpected '1' where ':' after a property name was expected" });
  assert.equal(jsonSyntaxError('"abc')?.reason, 'the text ends inside a string (truncated?)');
  assert.equal(jsonSyntaxError('[1] [2]')?.offset, 4);
  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  const t0 = performance.now();
  assert.equal(jsonSyntaxError(deep), null);
  assert.equal(jsonSyntaxError('['.repeat(200_000))?.reason, 'the text ends inside 200000 open objects/arrays (truncated?)');
  assert.ok(performance.now() - t0 < 2000, 'linear');
});

test('a chatbot log with lone-CR line ends reads as with LF, with a warning', () => {
  const lf = run('analyze', chatbot, '--json');
  assert.equal(lf.status, 0, lf.stderr);
  const f = join(tmp(), 'mac.chatbot.log');
  writeFileSync(f, readFileSync(chatbot, 'utf8').replace(/\r?\n/g, '\r'));
  const cr = run('analyze', f, '--json');
  assert.equal(cr.status, 0, cr.stderr);
  assert.deepEqual(commandsOf(cr.stdout), commandsOf(lf.stdout));
  assert.match(JSON.stringify(JSON.parse(cr.stdout).issues), /lone CR/);
});

test('UTF-16 text (LE and BE, with and without a byte-order mark) reads as its UTF-8 twin', () => {
  const want = commandsOf(run('analyze', chatbot, '--json').stdout);
  const text = readFileSync(chatbot, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  const dir = tmp();
  for (const [name, bytes] of [
    ['le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ['le', le],
    ['be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ['be', be],
  ] as const) {
    const f = join(dir, `${name}.log`);
    writeFileSync(f, bytes);
    const r = run('analyze', f, '--json');
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(commandsOf(r.stdout), want, name);
    assert.match(JSON.stringify(JSON.parse(r.stdout).issues), /UTF-16(LE|BE) text/, name);
  }
  // Where nothing decodes it (the core reader, as the language server calls it), the message says so.
  assert.throws(() => readFile(sourceFile('x.log', Buffer.concat([Buffer.from([0xff, 0xfe]), le]))), /UTF-16 text: the file is UTF-16LE \(with a byte-order mark\)/);
});

test('a FIFO and /dev/zero are refused at once, not read forever', { skip: process.platform === 'win32' && 'no FIFOs' }, () => {
  const fifo = join(tmp(), 'pipe.log');
  const mk = spawnSync('mkfifo', [fifo]);
  if (mk.status !== 0) return;
  const t0 = Date.now();
  const r = run('analyze', fifo);
  assert.equal(r.status, 1, `status ${r.status} (signal ${r.signal}): ${r.stderr}`);
  assert.match(r.stderr, /a FIFO \(named pipe\), not a regular file/);
  if (existsSync('/dev/zero')) {
    const z = run('analyze', '/dev/zero');
    assert.equal(z.status, 1, `status ${z.status} (signal ${z.signal})`);
    assert.match(z.stderr, /cannot read \/dev\/zero: a character device, not a regular file/);
  }
  assert.ok(Date.now() - t0 < 30_000);
});

test('a file over the size limit is refused before it is read', () => {
  const f = join(tmp(), 'big.log');
  writeFileSync(f, 'x'.repeat(100));
  assert.throws(() => readPath(f, undefined, { maxBytes: 99 }), /the file is 100 bytes, over the limit of 99 bytes/);
  assert.doesNotThrow(() => {
    try {
      readPath(f, undefined, { maxBytes: 100 });
    } catch (e) {
      if (/over the limit/.test((e as Error).message)) throw e; // else: no reader, as expected
    }
  });
  if (process.platform !== 'linux') return; // a sparse file costs no disk on Linux file systems
  const huge = join(tmp(), 'huge.log');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, MAX_FILE_BYTES + 1);
  const r = run('analyze', huge);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /the file is 2147483648 bytes, over the limit of 2147483647 bytes \(2 GiB\)/);
});

test('a read error names the file once', () => {
  const dir = tmp();
  const f = join(dir, 'notes.txt');
  writeFileSync(f, 'just some notes\n');
  const r = run('analyze', f);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.split(f).length - 1, 1, r.stderr);
  assert.match(r.stderr, /^replication-lens: cannot read .*notes\.txt: no reader recognised this file/);
  const missing = join(dir, 'missing.log');
  const m = run('analyze', missing);
  assert.equal(m.stderr.split(missing).length - 1, 1, m.stderr);
  assert.match(m.stderr, /cannot read .*missing\.log: no such file or folder/);
});
