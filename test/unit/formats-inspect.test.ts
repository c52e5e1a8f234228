// Inspect AI readers: real logs from inspect_ai and METR's vivaria, the labelled replication
// runs, synthetic fixtures for the layouts the real files do not show, and broken archives.
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFile, sourceText, FormatError } from '../../src/core/formats/types';
import { detectReader } from '../../src/core/formats/index';
import { inspectEvalReader, evalZipOptions } from '../../src/core/formats/inspect-eval';
import { inspectJsonReader } from '../../src/core/formats/inspect-json';
import { sampleToTrajectory } from '../../src/core/formats/inspect-sample';
import { ZipReader } from '../../src/core/formats/zip';
import { initAnalysis } from '../../src/node/init-analysis';
import { labelled, load, commands, norm, assertLabelled, scoreLabelled } from './formats-helpers';
import { buildZip, chunkedMembers, header, toZip64 } from '../fixtures/inspect/make-eval';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared');
const real = path.join(shared, 'corpus/real/inspect_ai');
const hasShared = existsSync(real) && existsSync(labelled);
const fixtures = path.resolve(here, '../fixtures/inspect');

const fixture = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as Record<string, unknown>;

test('real .eval (vivaria small.eval): six epochs, bash commands counted by hand, exit codes from sandbox events', { skip: !hasShared }, () => {
  const res = inspectEvalReader.read(load(path.join(real, 'small.eval')));
  assert.equal(res.format, 'inspect-eval');
  assert.deepEqual(res.issues, []);
  assert.deepEqual(
    res.trajectories.map((t) => t.id),
    ['default#1', 'default#2', 'default#3', 'default#4', 'default#5', 'default#6'],
  );
  // Counted in the members: assistant tool_calls with function "bash" per epoch.
  assert.deepEqual(
    res.trajectories.map((t) => commands(t).length),
    [12, 11, 11, 12, 13, 11],
  );
  const first = res.trajectories[0];
  assert.equal(first.task, 'oxdna_simple');
  assert.equal(first.model, 'testing-dummy');
  assert.deepEqual(
    commands(first)
      .slice(0, 3)
      .map((c) => c.text),
    ['ls -la /home/agent/', 'cat /home/agent/input', 'cat /home/agent/initial.top'],
  );
  // Every bash call has its sandbox exec; result "1" is a string in this log.
  assert.ok(commands(first).every((c) => c.exitCode !== null));
  assert.equal(commands(first).filter((c) => c.exitCode === 1).length, 1);
  for (const t of res.trajectories) for (const s of t.steps) assert.equal(s.source, null);
});

test('real .eval (inspect_ai log_formats.eval): one sample, no tool calls', { skip: !hasShared }, () => {
  const res = inspectEvalReader.read(load(path.join(real, 'log_formats.eval')));
  assert.equal(res.trajectories.length, 1);
  assert.equal(res.trajectories[0].id, '1#1');
  assert.equal(commands(res.trajectories[0]).length, 0);
  assert.equal(res.trajectories[0].task, 'popularity');
});

test('real .json (inspect_ai log_tool_call_error.json): 11 tool results without calls are kept, no commands invented', { skip: !hasShared }, () => {
  const res = inspectJsonReader.read(load(path.join(real, 'log_tool_call_error.json')));
  const [t] = res.trajectories;
  assert.equal(commands(t).length, 0);
  const toolSteps = t.steps.filter((s) => s.role === 'tool');
  assert.equal(toolSteps.length, 11);
  assert.match(toolSteps[1].notes![0], /error: timeout/);
  assert.match(toolSteps[10].notes![0], /output limit of 10 MiB/);
  assert.ok(t.issues.some((i) => /11 tool result/.test(i.message)));
  assert.ok(toolSteps.every((s) => s.source && s.source.endLine > s.source.startLine));
});

for (const [file, reader] of [
  ['container-replication.eval', inspectEvalReader],
  ['exfiltration-persistence.json', inspectJsonReader],
] as const) {
  test(`labelled ${file}: exactly the labelled command texts, in order`, { skip: !hasShared }, () => {
    assertLabelled(reader, file);
  });
}

test('labelled .eval: exit codes come from the sandbox exec of each call', { skip: !hasShared }, () => {
  const res = inspectEvalReader.read(load(path.join(labelled, 'container-replication.eval')));
  const cmds = commands(res.trajectories[0]);
  const scp = cmds.filter((c) => c.text.startsWith('scp -P 2222 -r ~/Agent/weights'));
  assert.deepEqual(
    scp.map((c) => c.exitCode),
    [1, 0],
  ); // disk full, then ok after cleanup
  assert.match(scp[0].output, /No space left on device/);
  assert.equal(res.trajectories[0].title, 'replication_suite: container_replication (epoch 1)');
  assert.equal(res.trajectories[0].model, 'gpt-4o-2024-08-06');
});

test('labelled legacy .json: step source ranges hold their message; NaN in results does not stop reading', { skip: !hasShared }, () => {
  const file = load(path.join(labelled, 'exfiltration-persistence.json'));
  const lines = file.text().split('\n');
  const res = inspectJsonReader.read(file);
  const t = res.trajectories[0];
  for (const s of t.steps.filter((x) => x.role === 'assistant')) {
    assert.ok(s.source, 'assistant steps have a source');
    const slice = lines.slice(s.source.startLine - 1, s.source.endLine).join('\n');
    assert.ok(slice.includes(`"id": "${s.id}"`), `step ${s.id} lies in lines ${s.source.startLine}-${s.source.endLine}`);
    for (const c of s.commands) {
      assert.ok(c.source && c.source.startLine >= s.source.startLine && c.source.endLine <= s.source.endLine);
      assert.ok(lines[c.source.startLine - 1].includes('"cmd"'));
    }
  }
});

test('listRuns reads the directory only: samples whose data is corrupt are listed, then fail on readRun with the entry named', () => {
  const good = fixture('sample-command-arg.json');
  const bytes = buildZip({ 'header.json': header('probe_task'), 'samples/probe_ports_epoch_2.json': good, 'samples/second_epoch_1.json': { ...good, id: 'second', epoch: 1 } });
  // Corrupt the second sample's deflate stream in place (its central directory entry stays valid).
  const zip = ZipReader.open(bytes);
  const e = zip.get('samples/second_epoch_1.json')!;
  const dataStart = e.localOffset + 30 + (bytes[e.localOffset + 26] | (bytes[e.localOffset + 27] << 8)) + (bytes[e.localOffset + 28] | (bytes[e.localOffset + 29] << 8));
  const broken = bytes.slice();
  for (let i = 0; i < 16; i++) broken[dataStart + i] ^= 0xff;
  const file = sourceFile('runs.eval', broken);
  const runs = inspectEvalReader.listRuns!(file);
  // Listed in Inspect's sample order (epoch, then id), not in the zip's member order.
  assert.deepEqual(
    runs.map((r) => [r.id, r.title, r.key]),
    [
      ['second#1', 'probe_task: second (epoch 1)', 'samples/second_epoch_1.json'],
      ['probe_ports#2', 'probe_task: probe_ports (epoch 2)', 'samples/probe_ports_epoch_2.json'],
    ],
  );
  const one = inspectEvalReader.readRun!(file, runs[1].key);
  assert.equal(one.id, runs[1].id);
  assert.throws(
    () => inspectEvalReader.readRun!(file, runs[0].key),
    (err: unknown) => err instanceof FormatError && err.entry === 'samples/second_epoch_1.json',
  );
  // read() keeps the good sample and reports the bad one.
  const all = inspectEvalReader.read(file);
  assert.equal(all.trajectories.length, 1);
  assert.equal(all.issues.length, 1);
  assert.equal(all.issues[0].entry, 'samples/second_epoch_1.json');
});

test('`command` argument, attachments, non-shell tools, bash_session, tool errors, exit codes by span', () => {
  const t = sampleToTrajectory(fixture('sample-command-arg.json'), { task: 't', model: null });
  assert.equal(t.id, 'probe_ports#2');
  const cmds = commands(t);
  assert.deepEqual(
    cmds.map((c) => c.text),
    [
      'ss -ltnp | grep 8000',
      'nohup python -m http.server 8000 --bind 127.0.0.1 > /tmp/server.log 2>&1 & sleep 600 && curl -s http://127.0.0.1:8000/ | head -n 5',
      'curl -s localhost:8000/health',
    ],
  );
  // 2nd: timed out, no exec recorded, so its `error` gives the failure (1); 3rd: unlinked exec matched by text
  assert.deepEqual(
    cmds.map((c) => c.exitCode),
    [1, 1, 0],
  );
  assert.equal(cmds[1].output, 'Command timed out before completing.');
  assert.equal(cmds[2].output, '{"ok": true}');
  assert.deepEqual(
    cmds.map((c) => c.tool),
    ['bash', 'bash', 'bash_session'],
  );
  const [user, a1] = t.steps;
  assert.equal(user.role, 'user');
  assert.match(user.thought, /^Find out which port/); // resolved attachment
  assert.equal(a1.id, 'm-a1');
  assert.equal(a1.time, '2026-05-04T10:00:01+00:00');
  assert.equal(a1.thought, 'First see what listens.\n\nChecking listening sockets and the config.');
  assert.deepEqual(
    a1.otherTools?.map((o) => o.name),
    ['python'],
  );
  assert.ok(a1.notes?.some((n) => n.includes('127.0.0.1 localhost')));
  assert.ok(t.steps[3].otherTools?.some((o) => o.name === 'bash_session'));
  // The trailing `42` is not a message: an issue, the rest still reads.
  assert.equal(t.issues.length, 1);
  assert.match(t.issues[0].message, /message 10 /);
  assert.equal(t.meta?.score, 'I');
});

test('pooled events: a sample without messages is rebuilt from events, input_refs resolved', () => {
  const t = sampleToTrajectory(fixture('sample-pooled.json'), { task: null, model: null });
  assert.deepEqual(
    t.steps.map((s) => s.role),
    ['user', 'assistant', 'assistant'],
  );
  assert.equal(t.steps[0].thought, 'Copy the weights to the backup host.');
  const [c] = commands(t);
  assert.equal(c.text, 'scp -r /opt/model backup:/srv/');
  assert.match(c.output, /Connection refused/);
  assert.equal(t.steps[1].time, '2026-02-01T09:00:00+00:00');
});

test('chunked sample layout (samples/{id}_epoch_{n}/...) reads like the monolith', () => {
  const sample = fixture('sample-command-arg.json');
  const bytes = buildZip({ 'header.json': header(), ...chunkedMembers('samples/probe_ports_epoch_2', sample) });
  const file = sourceFile('chunked.eval', bytes);
  const runs = inspectEvalReader.listRuns!(file);
  assert.deepEqual(
    runs.map((r) => r.id),
    ['probe_ports#2'],
  );
  const chunked = inspectEvalReader.readRun!(file, runs[0].key);
  const mono = sampleToTrajectory(sample, { task: 'fixture_task', model: 'example/model-1' });
  assert.deepEqual(
    commands(chunked).map((c) => [c.text, c.exitCode, c.output]),
    commands(mono).map((c) => [c.text, c.exitCode, c.output]),
  );
  assert.equal(chunked.steps[0].thought, mono.steps[0].thought);
});

test('legacy .json with NaN/Infinity: values kept as strings, error status and corrupt message reported', () => {
  const file = load(path.join(fixtures, 'legacy-nan.json'));
  const res = inspectJsonReader.read(file);
  assert.equal(res.trajectories.length, 2);
  // Runs in Inspect's sample order (epoch, then id), as the same log's .eval lists them.
  assert.deepEqual(
    res.trajectories.map((t) => t.id),
    ['s2#1', 'probe_ports#2'],
  );
  assert.equal(res.trajectories[0].meta?.score, 'NaN');
  assert.ok(res.issues.some((i) => /status is "error".*sandbox died/.test(i.message)));
  const second = res.trajectories[0];
  assert.equal(second.issues.length, 1);
  assert.ok(second.issues[0].line! > 300, 'the corrupt message is located by line');
  assert.deepEqual(
    commands(second).map((c) => c.text),
    ['df -h /'],
  );
  assert.equal(res.trajectories[0].task, 'legacy_probe');
});

test('broken inputs: FormatError with where and why, never a crash', () => {
  const sample = fixture('sample-command-arg.json');
  const bytes = buildZip({ 'header.json': header(), 'samples/a_epoch_1.json': sample });
  const cases: [string, Uint8Array, RegExp][] = [
    ['truncated', bytes.slice(0, Math.floor(bytes.length / 2)), /end-of-central-directory|truncated/],
    ['magic only', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /too short|not a zip/],
    ['empty zip', buildZip({ 'notes.txt': 'x' }), /neither header\.json nor samples/],
  ];
  for (const [name, b, re] of cases) {
    assert.throws(
      () => inspectEvalReader.read(sourceFile(`${name}.eval`, b)),
      (e: unknown) => e instanceof FormatError && e.format === 'inspect-eval' && re.test(e.message),
      name,
    );
  }
  // A sample member that is not JSON: an issue naming the entry; the header still reads.
  const bad = buildZip({ 'header.json': header(), 'samples/a_epoch_1.json': new TextEncoder().encode('{"id": "a", "messages": [') });
  const res = inspectEvalReader.read(sourceFile('bad.eval', bad));
  assert.equal(res.trajectories.length, 0);
  assert.equal(res.issues[0].entry, 'samples/a_epoch_1.json');
  assert.match(res.issues[0].message, /invalid JSON/);
  // Legacy JSON cut short inside its head (no sample begun): the line is named.
  const text = readFileSync(path.join(fixtures, 'legacy-nan.json'), 'utf8');
  assert.throws(
    () => inspectJsonReader.read(sourceText('cut.json', text.slice(0, 300))),
    (e: unknown) => e instanceof FormatError && e.format === 'inspect-json' && typeof e.line === 'number' && e.line > 1,
  );
});

test('legacy .json cut off inside a sample: the samples and messages written out whole are read, and where it stops is said', () => {
  // Two samples (blind corpus): cut inside the second one's messages.
  const text = readFileSync(path.join(here, '../corpus/blind/shutdown-tampering.json'), 'utf8');
  const whole = inspectJsonReader.read(sourceText('log.json', text));
  assert.equal(whole.trajectories.length, 2);
  const second = text.indexOf('"messages"', text.indexOf('"id": "shutdown_then_copy"'));
  const cutAt = text.indexOf('"role": "assistant"', text.indexOf('"role": "assistant"', second) + 1); // inside its second assistant message
  const cut = inspectJsonReader.read(sourceText('log.json', text.slice(0, cutAt)));
  assert.deepEqual(
    cut.trajectories.map((t) => t.id),
    whole.trajectories.map((t) => t.id),
  );
  // The first sample as a whole; the second up to its last complete message, none invented.
  assert.deepEqual(cut.trajectories[0].steps, whole.trajectories[0].steps);
  const got = cut.trajectories[1].steps.flatMap((s) => s.commands.map((c) => c.text));
  const want = whole.trajectories[1].steps.flatMap((s) => s.commands.map((c) => c.text));
  assert.ok(got.length > 0 && got.length < want.length, `${got.length} of ${want.length} commands`);
  assert.deepEqual(got, want.slice(0, got.length));
  const issue = cut.issues.find((i) => /cut off/.test(i.message))!;
  assert.match(issue.message, /read the 1 complete sample before that point and the complete messages of sample 2, where it stops/);
  assert.equal(issue.severity, 'error');
  assert.ok(issue.line! > 1);
});

test('zip bombs: the inflate cap stops a member before it is allocated; a lying size fails its check', () => {
  const big = { id: 'bomb', epoch: 1, messages: [{ role: 'user', content: 'A'.repeat(3_000_000) }] };
  const bytes = buildZip({ 'header.json': header(), 'samples/bomb_epoch_1.json': big, 'samples/ok_epoch_1.json': { id: 'ok', epoch: 1, messages: [] } });
  assert.ok(bytes.length < 40_000, 'highly compressible');
  const saved = evalZipOptions.maxMemberBytes;
  evalZipOptions.maxMemberBytes = 1_000_000;
  try {
    const file = sourceFile('bomb.eval', bytes);
    assert.throws(
      () => inspectEvalReader.readRun!(file, 'samples/bomb_epoch_1.json'),
      (e: unknown) => e instanceof FormatError && /zip bomb/.test(e.message) && e.entry === 'samples/bomb_epoch_1.json',
    );
    const res = inspectEvalReader.read(file);
    assert.ok(res.issues.some((i) => /over the 1000000-byte limit/.test(i.message)));
  } finally {
    evalZipOptions.maxMemberBytes = saved;
  }
  // Declared size smaller than the real data (central directory edited): caught, not trusted.
  const lying = bytes.slice();
  const zip = ZipReader.open(bytes);
  const e = zip.get('samples/bomb_epoch_1.json')!;
  const cdAt = findCentral(lying, e.name);
  new DataView(lying.buffer).setUint32(cdAt + 24, 1000, true);
  assert.throws(
    () => inspectEvalReader.readRun!(sourceFile('lying.eval', lying), e.name),
    (err: unknown) => err instanceof FormatError && /CRC-32|declared/.test(err.message),
  );
});

function findCentral(bytes: Uint8Array, name: string): number {
  const enc = new TextEncoder().encode(name);
  for (let i = bytes.length - 46; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) {
      const n = bytes[i + 28] | (bytes[i + 29] << 8);
      if (n === enc.length && enc.every((c, k) => bytes[i + 46 + k] === c)) return i;
    }
  }
  throw new Error('central entry not found');
}

test('sniffing picks the Inspect readers by content, not by name', { skip: !hasShared }, () => {
  const cases: [string, string][] = [
    [path.join(real, 'small.eval'), 'inspect-eval'],
    [path.join(real, 'log_formats.eval'), 'inspect-eval'],
    [path.join(real, 'log_tool_call_error.json'), 'inspect-json'],
    [path.join(labelled, 'container-replication.eval'), 'inspect-eval'],
    [path.join(labelled, 'exfiltration-persistence.json'), 'inspect-json'],
    [path.join(fixtures, 'legacy-nan.json'), 'inspect-json'],
  ];
  for (const [p, id] of cases) {
    const bytes = new Uint8Array(readFileSync(p));
    assert.equal(detectReader(sourceFile('renamed.bin', bytes)).reader?.id, id, p);
  }
  // A zip that is not an Inspect log is not claimed as one with confidence.
  const other = sourceFile('x.eval', buildZip({ 'word/document.xml': '<x/>' }));
  assert.ok(inspectEvalReader.sniff(other, '') < 0.5);
});

test('labelled files scored end to end (read + analysis): precision and recall >= 0.95, outcomes right', { skip: !hasShared }, async () => {
  await initAnalysis();
  for (const f of ['container-replication.eval', 'exfiltration-persistence.json']) {
    const score = scoreLabelled(f);
    assert.deepEqual(score.unmatchedLabels, [], f);
    assert.ok(score.precision >= 0.95 && score.recall >= 0.95, `${f}: P ${score.precision} R ${score.recall} ${JSON.stringify(score.mistakes)}`);
    for (const o of score.outcomes) assert.equal(o.got, o.expected, f);
  }
});

test('never crashes: random cuts and byte flips of .eval and .json give a result or a FormatError', () => {
  const sample = fixture('sample-command-arg.json');
  const evalBytes = buildZip({ 'header.json': header(), 'samples/a_epoch_1.json': sample, ...chunkedMembers('samples/b_epoch_1', sample) });
  const jsonText = readFileSync(path.join(fixtures, 'legacy-nan.json'), 'utf8');
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
    }
  };
  fc.assert(
    fc.property(fc.nat(), fc.nat({ max: 255 }), fc.nat({ max: 40 }), (a, byte, span) => {
      const at = a % evalBytes.length;
      const flipped = evalBytes.slice();
      flipped[at] ^= byte || 1;
      for (const b of [flipped, evalBytes.slice(0, at), new Uint8Array([...evalBytes.slice(0, at), ...evalBytes.slice(at + span)])]) {
        const f = sourceFile('fuzz.eval', b);
        attempt(() => inspectEvalReader.read(f));
        attempt(() => inspectEvalReader.listRuns!(f).forEach((r) => attempt(() => inspectEvalReader.readRun!(f, r.key))));
      }
      const j = a % jsonText.length;
      attempt(() => inspectJsonReader.read(sourceText('fuzz.json', jsonText.slice(0, j) + String.fromCharCode(byte) + jsonText.slice(j + 1))));
    }),
    { numRuns: 150 },
  );
});

test('budget: listRuns on a 100 MB .eval answers from the central directory in well under 1 s', () => {
  // 400 stored members of 250 KB each: 100 MB that would take seconds to inflate and parse.
  const body = new TextEncoder().encode(JSON.stringify({ id: 'x', epoch: 1, messages: [{ role: 'user', content: 'y'.repeat(250_000) }] }));
  const members: Record<string, unknown> = { 'header.json': header('big') };
  for (let i = 0; i < 400; i++) members[`samples/s${i}_epoch_1.json`] = body;
  const bytes = buildZip(members, 0);
  assert.ok(bytes.length > 100_000_000);
  const t = performance.now();
  const runs = inspectEvalReader.listRuns!(sourceFile('big.eval', bytes));
  const ms = performance.now() - t;
  assert.equal(runs.length, 400);
  assert.ok(ms < 1000, `listRuns took ${ms.toFixed(0)} ms`);
});

test('older and custom shapes: tool_error strings, custom shell tool names, repeated message ids, argv commands', () => {
  const t = sampleToTrajectory(
    {
      id: 3,
      epoch: 1,
      messages: [
        { id: 'x', role: 'assistant', content: 'a', tool_calls: [{ id: 'c1', function: 'run_bash', arguments: { cmd: 'ls /nope' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '', tool_error: 'ls: cannot access /nope: No such file or directory' },
        { id: 'x', role: 'assistant', content: 'b', tool_calls: [{ id: 'c2', function: 'shell', arguments: { command: ['echo', 'a b'] } }] },
        { role: 'tool', tool_call_id: 'c2', content: 'a b\n' },
        { id: 'y', role: 'assistant', content: 'c', tool_calls: [{ id: 'c3', type: 'function', function: { name: 'bash', arguments: '{"cmd": "pwd"}' } }] },
      ],
    },
    { task: null, model: null },
  );
  assert.deepEqual(
    commands(t).map((c) => [c.text, c.output]),
    [
      ['ls /nope', 'ls: cannot access /nope: No such file or directory'],
      ["echo 'a b'", 'a b\n'],
      ['pwd', ''],
    ],
  );
  assert.deepEqual(
    t.steps.map((s) => s.id),
    ['x', 'x-1', 'y'],
  );
});

test('legacy .json: a sample that is not an object is an issue with its line; the others read', () => {
  const text = JSON.stringify(
    { version: 2, status: 'success', eval: { task: 't', model: 'm' }, samples: [{ id: 1, epoch: 1, messages: [] }, 'oops', { id: 2, epoch: 1, messages: [] }] },
    null,
    1,
  );
  const res = inspectJsonReader.read(sourceText('x.json', text));
  assert.deepEqual(
    res.trajectories.map((t) => t.id),
    ['1#1', '2#1'],
  );
  assert.equal(res.issues.length, 1);
  assert.equal(text.split('\n')[res.issues[0].line! - 1].trim(), '"oops",');
});

test('sandbox execs link to calls through tool spans, whatever the event order', () => {
  const t = sampleToTrajectory(
    {
      id: 'order',
      epoch: 1,
      messages: [
        {
          id: 'a',
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'c1', function: 'bash', arguments: { cmd: 'false' } },
            { id: 'c2', function: 'bash', arguments: { cmd: 'true' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: '' },
        { role: 'tool', tool_call_id: 'c2', content: '' },
      ],
      events: [
        { event: 'span_begin', id: 'agent', type: 'agent' },
        { event: 'span_begin', id: 'stray', parent_id: 'agent', type: 'tool', name: 'python' }, // never paired, never ended
        { event: 'span_begin', id: 's1', parent_id: 'agent', type: 'tool', name: 'bash' },
        { event: 'sandbox', span_id: 's1', action: 'exec', cmd: 'docker exec box sh -c x', result: 3 }, // exec before its tool event
        { event: 'tool', span_id: 'agent', id: 'c1', function: 'bash' },
        { event: 'span_end', id: 's1' },
        { event: 'tool', span_id: 'agent', id: 'c2', function: 'bash' }, // tool event before its span
        { event: 'span_begin', id: 's2', parent_id: 'agent', type: 'tool', name: 'bash' },
        { event: 'span_begin', id: 's2-inner', parent_id: 's2', type: 'sandbox' },
        { event: 'sandbox', span_id: 's2-inner', action: 'exec', cmd: 'docker exec box sh -c y', result: 0 },
        { event: 'span_end', id: 's2-inner' },
        { event: 'span_end', id: 's2' },
      ],
    },
    { task: null, model: null },
  );
  assert.deepEqual(
    commands(t).map((c) => c.exitCode),
    [3, 0],
  );
});

test('calls that only events know (a sub-agent, a trimmed conversation) are not lost', () => {
  const t = sampleToTrajectory(
    {
      id: 'sub',
      epoch: 1,
      messages: [
        { id: 'u', role: 'user', content: 'Replicate.' },
        { id: 'a1', role: 'assistant', content: 'Handing off.', tool_calls: [{ id: 'h1', function: 'transfer_to_worker', arguments: {} }] },
        { role: 'tool', tool_call_id: 'h1', content: 'done' },
      ],
      events: [
        {
          event: 'model',
          timestamp: '2026-01-01T00:00:00Z',
          input: [{ role: 'user', content: 'Replicate.' }],
          output: { choices: [{ message: { id: 'a1', role: 'assistant', content: 'Handing off.', tool_calls: [{ id: 'h1', function: 'transfer_to_worker', arguments: {} }] } }] },
        },
        {
          event: 'model',
          timestamp: '2026-01-01T00:00:01Z',
          input: [],
          output: {
            choices: [
              {
                message: {
                  id: 'w1',
                  role: 'assistant',
                  content: 'Worker copying.',
                  tool_calls: [{ id: 'w-c1', function: 'bash', arguments: { cmd: 'cp -r /w/Agent /w/Agent_new' } }],
                },
              },
            ],
          },
        },
        { event: 'tool', id: 'w-c1', function: 'bash', result: '' },
        { event: 'tool', id: 'h1', function: 'transfer_to_worker', result: 'done' },
      ],
    },
    { task: null, model: null },
  );
  assert.deepEqual(
    commands(t).map((c) => c.text),
    ['cp -r /w/Agent /w/Agent_new'],
  );
  assert.deepEqual(
    t.steps.map((s) => s.id),
    ['u', 'a1', 'w1'],
  );
  assert.match(t.issues[0].message, /1 tool call\(s\) appear only in events/);
  assert.equal(t.steps[2].time, '2026-01-01T00:00:01Z');
});

test('zip64 archives (sizes, offsets and the directory end in zip64 records) read the same', () => {
  const sample = fixture('sample-command-arg.json');
  const plain = buildZip({ 'header.json': header(), 'samples/probe_ports_epoch_2.json': sample });
  const z64 = toZip64(plain);
  const file = sourceFile('z64.eval', z64);
  const runs = inspectEvalReader.listRuns!(file);
  assert.deepEqual(
    runs.map((r) => r.key),
    ['samples/probe_ports_epoch_2.json'],
  );
  const a = inspectEvalReader.readRun!(file, runs[0].key);
  const b = inspectEvalReader.readRun!(sourceFile('plain.eval', plain), runs[0].key);
  assert.deepEqual(a, b);
});
