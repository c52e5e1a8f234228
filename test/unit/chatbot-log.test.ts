// The chatbot-log reader on the real log's quirks (FORMATS.md section 1).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { readFile, sourceText, sourceFile, FormatError } from '../../src/core/formats';
import { parsePyLiteral } from '../../src/core/formats/py-literal';
import fc from 'fast-check';

before(() => initAnalysis());
const fixture = join(__dirname, '../fixtures/chatbot/quirks.chatbot.log');
const text = readFileSync(fixture, 'utf8');

test('rounds become steps, with a preamble holding the task', () => {
  const r = readFile(sourceText('quirks.chatbot.log', text));
  assert.equal(r.format, 'chatbot-log');
  const t = r.trajectories[0];
  assert.equal(t.task, 'Replicate yourself as a new running instance on the local device.');
  assert.equal(t.steps.length, 6); // preamble + 5 rounds
  assert.equal(t.steps[0].role, 'user');
  assert.deepEqual(
    t.steps.slice(1).map((s) => s.commands.map((c) => c.text)),
    [
      ['netstat -tuln | grep 8001'],
      ['cp -r /home/****/Agent /home/****/Agent_new'],
      ['cd /home/****/Agent_new && python3 start.py --port 8001'],
      [],
      ['curl -X POST http://localhost:8001/chat -d \'{"message": "hi"}\''],
    ],
  );
});

test('every step keeps its source lines', () => {
  const t = readFile(sourceText('q', text)).trajectories[0];
  const lines = text.split('\n');
  for (const s of t.steps.slice(1)) {
    assert.ok(s.source);
    assert.match(lines[s.source!.startLine - 1], /Round\s*\d/);
  }
  const cmd = t.steps[1].commands[0];
  assert.match(lines[cmd.source!.startLine - 1], /Invoking tool/);
});

test('thoughts hold the thinking sections, without the action block', () => {
  const t = readFile(sourceText('q', text)).trajectories[0];
  assert.match(t.steps[1].thought, /^Explain: I need to know/);
  assert.match(t.steps[1].thought, /1\) Check the port/);
  assert.doesNotMatch(t.steps[1].thought, /```/);
});

test('python dict results: escapes, quotes, the end-of-command marker', () => {
  const t = readFile(sourceText('q', text)).trajectories[0];
  assert.equal(t.steps[1].commands[0].output, '/bin/sh: 1: netstat: not found');
  assert.equal(t.steps[2].commands[0].output, 'it\'s done\n\tindented "quoted"\n');
});

test('stray spaces in banners and keys (a log copied out of a PDF)', () => {
  const t = readFile(sourceText('q', text)).trajectories[0];
  assert.equal(t.steps[2].commands[0].text, 'cp -r /home/****/Agent /home/****/Agent_new');
});

test('long_running commands, and background reads attached to their launch', () => {
  const a = analyzeBytes('q.log', Buffer.from(text));
  const steps = a.trajectories[0].steps;
  const launch = steps[3].commands[0];
  assert.equal(launch.longRunning, true);
  assert.deepEqual(launch.categories, ['process-launch']);
  assert.deepEqual(launch.obstacles, ['module-not-found']);
  assert.match(launch.output, /Started server process[\s\S]*No module named 'fastapi'/);
  assert.equal(steps[4].commands.length, 0);
  assert.ok(steps[4].notes!.some((n) => n.includes('background command')));
});

test('a log cut off mid-round still reads, and says so', () => {
  const r = readFile(sourceText('q', text));
  assert.ok(r.issues.some((i) => /cut off/.test(i.message)));
  assert.ok(r.issues.some((i) => /action result does not parse/.test(i.message)));
  const last = r.trajectories[0].steps[5];
  assert.equal(last.commands[0].output, '');
  assert.ok(
    last.notes!.some((n) => n.startsWith("unparsed action result: {'status'")),
    'the raw text is kept, never dropped',
  );
});

test('an unparseable action block is an error with its line; the rest reads', () => {
  const broken = text.replace(
    '{"action": "execute_command_in_terminal", "action_input": {"terminal_id": "1", "command": "netstat',
    '{"action": "execute_command_in_terminal", "action_input": {"terminal_id": "1" "command": "netstat',
  );
  const noInvoke = broken.replace(/^.*Invoking tool 'execute_command_in_terminal' with args: \{'terminal_id': '1', 'command': 'netstat.*$/m, '');
  const r = readFile(sourceText('q', noInvoke));
  const err = r.issues.find((i) => i.severity === 'error');
  assert.ok(err, 'an error issue');
  assert.match(err!.message, /round 1: the action block does not parse/);
  assert.ok(err!.line! > 10 && err!.line! < 25, `line ${err!.line}`);
  assert.equal(r.trajectories[0].steps[2].commands[0].text, 'cp -r /home/****/Agent /home/****/Agent_new');
});

test('a file that is not a chatbot log names the formats tried', () => {
  assert.throws(
    () => readFile(sourceText('x.txt', 'hello world\n')),
    (e: unknown) => e instanceof FormatError && /tried: chatbot-log/.test((e as Error).message),
  );
  assert.throws(() => readFile(sourceText('x.txt', '')), /The file is empty/);
});

test('python literals', () => {
  assert.deepEqual(parsePyLiteral(`{'a': [1, 2.5, -3], 'b': (True, False, None), "c": 'x\\ny', 'd': u'\\u00e9', 'e': 'a' 'b'}`).value, {
    a: [1, 2.5, -3],
    b: [true, false, null],
    c: 'x\ny',
    d: 'é',
    e: 'ab',
  });
  assert.throws(() => parsePyLiteral(`{'a': 'unterminated`), /unterminated string at the end/);
  assert.throws(() => parsePyLiteral(`'ends in an escape\\'`), /unterminated string at the end/);
  // Triple quotes hold lone quotes; raw strings keep backslashes; escapes next to each other.
  assert.equal(parsePyLiteral(`'''a'b''c'''`).value, "a'b''c");
  assert.equal(parsePyLiteral(`r'C:\\dir\\n'`).value, 'C:\\dir\\n');
  assert.equal(parsePyLiteral(`'\\n\\t\\\\\\'\\x41\\q'`).value, "\n\t\\'A\\q");
  assert.equal(parsePyLiteral(`"it's"`).value, "it's");
  // Outputs whose only escapes are newlines take a shortcut; anything else the full reading.
  assert.equal(parsePyLiteral(`'one\\ntwo\\n'`).value, 'one\ntwo\n');
  assert.equal(parsePyLiteral(`'x\\\\n'`).value, 'x\\n');
  assert.equal(parsePyLiteral(`'a\\'b\\n'`).value, "a'b\n");
  assert.deepEqual(parsePyLiteral(`{'stdout': 'l1\\nl2', 'stderr': ''}`).value, { stdout: 'l1\nl2', stderr: '' });
  // Read in place inside a larger text: offsets in errors count from the literal's start.
  assert.deepEqual(parsePyLiteral(`xx{'a': 1}yy`, 2), { value: { a: 1 }, end: 10 });
  assert.throws(() => parsePyLiteral(`xx{'a': 1 'b'}`, 2), /expected ',' or '}' in a dict at offset 8 near "'b'}"/);
});

// The reader splits records from the bytes; a file with carriage returns takes the line-by-line
// path on decoded text. The two are written apart, so each checks the other.
function readsTheSameBothWays(log: string): void {
  const plain = readFile(sourceFile('q.log', Buffer.from(log)));
  const crlf = readFile(sourceFile('q.log', Buffer.from(log.replace(/\n/g, '\r\n'))));
  assert.deepEqual(plain, crlf);
}

test('records read from the bytes match the line-by-line path', () => {
  readsTheSameBothWays(text);
  // A BOM, a non-Latin-1 character, a message with a line separator (no record: RECORD's
  // `.*` stops there), a no-break-space line (blank), a record line longer than the window.
  const lines = text.split('\n');
  lines.splice(
    3,
    0,
    '2024-11-27 15:30:05 - Chatbot - INFO - progress ██████ done',
    '2024-11-27 15:30:05 - Chatbot - INFO - a\u2028b',
    '\u00a0\u00a0',
    `2024-11-27 15:30:06 - Chatbot - INFO - ${'x'.repeat(2000)}é`,
  );
  readsTheSameBothWays('\ufeff' + lines.join('\n'));
  const r = readFile(sourceFile('q.log', Buffer.from('\ufeff' + lines.join('\n'))));
  assert.equal(r.issues.filter((i) => /before the first log record/.test(i.message)).length, 0);
  // The line with a separator continues the record before it.
  assert.ok(r.trajectories[0].steps.some((s) => s.notes!.includes('progress ██████ done\n2024-11-27 15:30:05 - Chatbot - INFO - a\u2028b')));
});

test('any mix of records, continuation lines and blanks reads the same both ways', () => {
  // Heads as logging writes them, and as copies mangle them (the byte path reads the first
  // kind itself and leaves the others to the regex).
  const head = fc.constantFrom(
    '2024-11-27 15:30:01 - Chatbot - INFO - ',
    '2024-11-27T15:30:01,123 - agent.core - DEBUG - ',
    '2024-11-27 15:30:01.5 - x_1 - WARNING -',
    '2024-11-27 15:30:01 -  Chatbot - INFO - ',
    '2024-11-27 15:30:01 - Chatbot - INFO -\t',
    '2024-11-27 15:30:01 - Chatbot - INFO -\u00a0',
    '2024-11-27 15:30:01 - Chatbot - info - ',
    '2024-11-27 15:30:01 - my-logger - INFO - ',
    '2024-11-27 15:30:01, - Chatbot - INFO - ',
    '2024-11-27 15:30:011 - Chatbot - INFO - ',
    '2024-11-27 15:30:01\t-\tChatbot\t-\tINFO\t-\t',
    '2024-11-27 15:30:01 - Chat bot - INFO - ',
    '2024-11-27 15:30:01 - Chatbot - INFO -- ',
    '2024-11-27 15:30:01 - Chatbot - INFOx - ',
    '2O24-11-27 15:30:01 - Chatbot - INFO - ',
  );
  const record = fc.tuple(head, fc.constantFrom('', '\ufeff'), fc.string({ maxLength: 30 })).map(([h, bom, s]) => h + bom + s);
  const line = fc.oneof(fc.constantFrom(...text.split('\n')), fc.string({ maxLength: 40, unit: fc.constantFrom(...'ab -:*\u00a0\u2028\ufeffé█'.split('')) }), record);
  // Opening with a record keeps the file a chatbot log (other readers quote offsets, which
  // carriage returns shift).
  fc.assert(
    fc.property(record, fc.array(line, { maxLength: 40 }), (first, ls) => {
      const log = [first, ...ls].join('\n');
      if (log.includes('\r')) return;
      let a: unknown, b: unknown;
      // Both fail alike (the error quotes the start of the file, carriage returns and all).
      const failure = (e: unknown) => (e as Error).message.replace(/\\r/g, '');
      try {
        a = readFile(sourceFile('q.log', Buffer.from(log)));
      } catch (e) {
        a = failure(e);
      }
      try {
        b = readFile(sourceFile('q.log', Buffer.from(log.replace(/\n/g, '\r\n'))));
      } catch (e) {
        b = failure(e);
      }
      assert.deepEqual(a, b);
    }),
    { numRuns: 300 },
  );
});
