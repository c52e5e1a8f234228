// OpenAI-style chat and asciinema cast readers: real files, the labelled runs, synthetic
// fixtures (tool names and argument names, JSONL shapes, the functions API; casts v1/v2/v3,
// keystroke editing, passwords, history, heredocs, REPLs, output-only casts), sniffing,
// damaged input, and the JSON readers' cost against a bare JSON.parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openaiChatReader } from '../../src/core/formats/openai-chat';
import { asciicastReader } from '../../src/core/formats/asciicast';
import { openhandsReader } from '../../src/core/formats/openhands';
import { claudeCodeReader } from '../../src/core/formats/claude-code';
import { codexReader } from '../../src/core/formats/codex';
import { openhandsV1Reader } from '../../src/core/formats/openhands-v1';
import { FormatError, sourceFile, sourceText, type FormatReader } from '../../src/core/formats/types';
import {
  assertLabelled,
  assertSniffed,
  assertSurvivesDamage,
  commands,
  fixtures,
  hasShared,
  labelled,
  load,
  real,
  score,
  texts,
  scoreLabelled,
  fuzzRecords,
  readsOrExplains,
} from './formats-helpers';
import fc from 'fast-check';
import { initAnalysis } from '../../src/node/init-analysis';

const fx = (p: string) => path.join(fixtures, p);

test('real OpenAI-style chat (OpenHands SDK fixture): 2 terminal commands; the editor\'s "command" is no shell', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'openai-chat/fncall-llm-message.json'));
  assertSniffed(file, 'openai-chat');
  const [t] = openaiChatReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['pwd && ls -la', 'python hello.py']);
  const [, run] = commands(t);
  assert.equal(run.exitCode, 0);
  assert.equal(run.output, 'Hello, World!');
  assert.equal(run.tool, 'terminal');
  assert.deepEqual(
    t.steps.flatMap((s) => s.otherTools ?? []).map((o) => o.name),
    ['str_replace_editor', 'str_replace_editor', 'str_replace_editor', 'finish'],
  );
  assert.equal(t.steps[2].id, 'toolu_01AaHKJphyeTw3GFp4Xgiekv');
});

test('labelled tricky-shell-chat.json: exactly the labelled commands, exit codes from the text', { skip: !hasShared }, () => {
  const res = assertLabelled(openaiChatReader, 'tricky-shell-chat.json');
  const cmds = commands(res.trajectories[0]);
  assert.equal(cmds[2].exitCode, 124);
  assert.equal(cmds[2].output, '');
  assert.equal(cmds.find((c) => c.text.includes('xargs kill'))?.exitCode, 123);
  // Each step spans its assistant message and its tool message.
  const lines = load(path.join(labelled, 'tricky-shell-chat.json')).text().split('\n');
  for (const s of res.trajectories[0].steps.filter((x) => x.commands.length)) {
    const slice = lines.slice(s.source!.startLine - 1, s.source!.endLine).join('\n');
    assert.ok(slice.includes('"tool_calls"') && slice.includes('"tool_call_id"'));
  }
});

test('chat JSONL: any shell tool name and argument, parallel calls, bad arguments, a bad line', () => {
  const file = load(fx('openai-chat/messages.jsonl'));
  assertSniffed(file, 'openai-chat');
  const res = openaiChatReader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [11],
  );
  const [t] = res.trajectories;
  assert.deepEqual(texts(t), ['nc -z localhost 8001; echo $?', 'pgrep -af replica', 'cd /opt/replica && nohup python serve.py --port 8001 &']);
  const cmds = commands(t);
  assert.deepEqual(
    cmds.map((c) => [c.tool, c.exitCode, c.output]),
    [
      ['run_shell_command', 0, '1'],
      ['run_shell_command', 1, ''],
      ['execute_command', 0, '[1] 5150'],
    ],
  );
  assert.equal(cmds[2].longRunning, true);
  assert.equal(t.steps[2].commands.length, 2);
  assert.equal(t.steps[2].thought, 'Probe the port and the process list together.');
  // A bash call whose arguments do not parse is no command, and says so.
  assert.deepEqual(
    t.steps[4].otherTools?.map((o) => o.name),
    ['write_file', 'bash'],
  );
  assert.equal(t.issues.length, 1);
});

test('a chat file of one message (a one-line JSONL, or the message pretty-printed) is read, not refused', () => {
  const message = {
    role: 'assistant',
    content: 'I will turn the monitor off first.',
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'bash', arguments: JSON.stringify({ cmd: "sed -i 's/enabled: true/enabled: false/' project/oversight.yaml" }) } },
    ],
  };
  for (const [name, text] of [
    ['one.jsonl', JSON.stringify(message) + '\n'],
    ['one.json', JSON.stringify(message, null, 2)],
  ] as const) {
    const file = sourceText(name, text);
    if (name === 'one.jsonl') assertSniffed(file, 'openai-chat'); // a pretty-printed lone message is read when asked for, not claimed
    const [t] = openaiChatReader.read(file).trajectories;
    assert.deepEqual(texts(t), ["sed -i 's/enabled: true/enabled: false/' project/oversight.yaml"], name);
  }
  // An object that is no message is still refused, saying what was expected.
  assert.throws(() => openaiChatReader.read(sourceText('x.json', '{"role": 3, "tool_calls": []}')), /expected a JSON array or an object with "messages"/);
});

test('chat JSONL of conversations and the legacy functions API', () => {
  const conv = load(fx('openai-chat/conversations.jsonl'));
  assertSniffed(conv, 'openai-chat');
  const res = openaiChatReader.read(conv);
  assert.deepEqual(
    res.trajectories.map((t) => [t.id, t.model, texts(t)]),
    [
      ['conv-1', 'gpt-4.1', ['df -h']],
      ['conv-2', 'gpt-4.1', ['free -m']],
    ],
  );
  assert.equal(commands(res.trajectories[0])[0].output, 'Filesystem Size');
  const legacy = load(fx('openai-chat/legacy-functions.json'));
  assertSniffed(legacy, 'openai-chat');
  const [t] = openaiChatReader.read(legacy).trajectories;
  const [kill] = commands(t);
  assert.equal(kill.text, 'kill -9 4242');
  assert.deepEqual(kill.argv, ['kill', '-9', '4242']);
  assert.equal(kill.exitCode, 0);
  assert.equal(t.model, 'gpt-4-0613');
});

test('Anthropic-style messages: tool_use parts are calls, tool_result parts their output', () => {
  const file = sourceText(
    'anthropic.json',
    JSON.stringify(
      {
        model: 'claude-sonnet-4-5',
        messages: [
          { role: 'user', content: 'Copy the weights to the backup host.' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'scp is simplest.' },
              { type: 'text', text: 'Copying.' },
              { type: 'tool_use', id: 'tu1', name: 'bash', input: { command: 'scp -r /models backup:/srv/' } },
              { type: 'tool_use', id: 'tu2', name: 'str_replace_based_edit_tool', input: { command: 'view', path: '/etc/hosts' } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 'tu1',
                content: [{ type: 'text', text: 'ssh: connect to host backup port 22: Connection refused\nExit code: 255' }],
                is_error: true,
              },
              { type: 'tool_result', tool_use_id: 'tu2', content: '127.0.0.1 localhost' },
            ],
          },
        ],
      },
      null,
      2,
    ),
  );
  assertSniffed(file, 'openai-chat');
  const [t] = openaiChatReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['scp -r /models backup:/srv/']);
  const [scp] = commands(t);
  assert.equal(scp.exitCode, 255);
  assert.equal(scp.output, 'ssh: connect to host backup port 22: Connection refused');
  assert.equal(t.steps.length, 2);
  assert.equal(t.steps[1].thought, 'scp is simplest.\nCopying.');
  assert.deepEqual(
    t.steps[1].otherTools?.map((o) => o.name),
    ['str_replace_based_edit_tool'],
  );
  assert.deepEqual(t.steps[1].notes, ['127.0.0.1 localhost']);
});

test('Inspect-style tool calls in a chat ({function: "bash", arguments: {cmd}}, tool errors)', () => {
  const file = sourceText(
    'inspect-style.json',
    JSON.stringify([
      { role: 'user', content: 'Probe the port.' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'i1', function: 'bash', arguments: { cmd: 'nc -z 127.0.0.1 8000' } }] },
      { role: 'tool', tool_call_id: 'i1', function: 'bash', content: '', error: { type: 'timeout', message: 'Command timed out before completing.' } },
    ]),
  );
  const [t] = openaiChatReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['nc -z 127.0.0.1 8000']);
  assert.equal(commands(t)[0].output, 'Command timed out before completing.');
});

test('chat whose first message is longer than the sniffing head is still recognised', () => {
  const big = JSON.stringify(
    [
      { content: 'You are an agent. '.repeat(6000), role: 'system' },
      { content: 'go', role: 'user' },
      { content: '', role: 'assistant', tool_calls: [{ id: 'a', type: 'function', function: { name: 'bash', arguments: '{"command": "id"}' } }] },
      { content: 'uid=0(root)', role: 'tool', tool_call_id: 'a' },
    ],
    null,
    2,
  );
  const file = sourceText('big-prompt.json', big);
  assertSniffed(file, 'openai-chat');
  assert.deepEqual(texts(openaiChatReader.read(file).trajectories[0]), ['id']);
});

test('real casts: demo.cast has 1 shell command (vim; `:q` typed in vim is none), minimal-v2 none', { skip: !hasShared }, () => {
  const demo = load(path.join(real, 'asciinema/demo.cast'));
  assertSniffed(demo, 'asciicast');
  const [t] = asciicastReader.read(demo).trajectories;
  assert.deepEqual(texts(t), ['vim']);
  assert.equal(t.steps[0].time, '2017-10-27T08:10:20.751Z');
  const minimal = load(path.join(real, 'asciinema/minimal-v2.cast'));
  assertSniffed(minimal, 'asciicast');
  assert.deepEqual(texts(asciicastReader.read(minimal).trajectories[0]), []);
});

test('labelled terminal-session.cast: exactly the labelled commands; the sudo password is nowhere', { skip: !hasShared }, () => {
  const res = assertLabelled(asciicastReader, 'terminal-session.cast');
  assert.ok(!JSON.stringify(res).includes('correct-horse'), "a password typed at sudo's prompt must not be recorded");
  const cmds = commands(res.trajectories[0]);
  assert.equal(cmds[0].output, 'gpu-box-07');
  assert.equal(cmds.find((c) => c.text === 'netstat -tlnp')?.output, '-bash: netstat: command not found');
  // Output that ends without a newline, with the prompt on the same line.
  assert.equal(cmds.find((c) => c.text === 'curl -s localhost:8080/health')?.output, '{"ok":true,"model":"mistral-7b-instruct","gpu":"cuda:0"}');
  assert.equal(res.trajectories[0].title, 'gpu-box-07: restore model-api and worker');
});

test('cast v3 fixture: ^U, ^C, history, heredoc, sudo password, REPL input, marker, broken line', () => {
  const file = load(fx('asciicast/session-v3.cast'));
  assertSniffed(file, 'asciicast');
  const res = asciicastReader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [9],
  );
  const [t] = res.trajectories;
  assert.deepEqual(texts(t), [
    'ls',
    'ss -ltn',
    'sudo systemctl restart replica',
    'sudo systemctl restart replica',
    'cat > /tmp/x.sh <<EOF\necho hi\nEOF',
    'python3',
    'curl -s localhost:8001/health',
    'exit',
  ]);
  assert.ok(!JSON.stringify(res).includes('s3cr3t'));
  const cmds = commands(t);
  assert.equal(cmds[0].output, 'notes.txt  serve.py');
  assert.equal(cmds[6].output, '{"ok":true}');
  assert.deepEqual(t.steps[6].notes, ['marker: checked health']);
  assert.equal(t.meta?.exitStatus, 0);
  assert.equal(t.meta?.version, 3);
  // v3 times are intervals: they add up.
  assert.ok(t.steps[1].time! > t.steps[0].time!);
});

test('casts without input events (v2 output only, v1): commands from the echo after the prompt', () => {
  const v2 = load(fx('asciicast/output-only-v2.cast'));
  const [a] = asciicastReader.read(v2).trajectories;
  assert.deepEqual(texts(a), ['whoami', 'netstat -tlnp', 'cd /tmp', 'python3 -m http.server 9000 &', 'exit']);
  assert.equal(commands(a)[1].output, 'bash: netstat: command not found');
  assert.equal(a.meta?.recoveredFromOutput, true);
  const v1 = load(fx('asciicast/v1.cast'));
  assertSniffed(v1, 'asciicast');
  const [b] = asciicastReader.read(v1).trajectories;
  assert.deepEqual(texts(b), ['uptime', 'exit']);
  assert.equal(commands(b)[0].output, ' 10:00:00 up 1 day');
  assert.equal(b.title, 'v1 uptime');
});

test('casts: output that looks like a prompt (README "$ " lines, progress "45%") stays output', () => {
  const ev = (events: [string, string][]) => [JSON.stringify({ version: 2, width: 80, height: 24 }), ...events.map(([c, d], k) => JSON.stringify([k * 0.1, c, d]))].join('\n');
  // No keystrokes: output cut right after a README's "$ " must not become a command.
  const outputOnly = ev([
    ['o', 'dev@box:~/proj$ '],
    ['o', 'cat README.md\r\n'],
    ['o', 'Install:\r\n$ '],
    ['o', 'npm install\r\n'],
    ['o', 'Downloading 45%'],
    ['o', '\rDownloading 100%\r\n'],
    ['o', 'dev@box:~/proj$ '],
    ['o', 'cd /tmp\r\n'],
    ['o', 'dev@box:/tmp$ '],
    ['o', 'ls\r\n'],
  ]);
  const [a] = asciicastReader.read(sourceText('a.cast', outputOnly)).trajectories;
  assert.deepEqual(texts(a), ['cat README.md', 'cd /tmp', 'ls']);
  assert.equal(commands(a)[0].output, 'Install:\n$ npm install\nDownloading 100%');
  // With keystrokes: a progress line ending in "%" does not end the command's output.
  const typed = ev([
    ['o', '$ '],
    ['i', 'pip install x\r'],
    ['o', 'pip install x\r\n'],
    ['o', 'Downloading 45%'],
    ['o', '\rDownloading 100%\r\n'],
    ['o', 'Installed\r\n$ '],
  ]);
  const [b] = asciicastReader.read(sourceText('b.cast', typed)).trajectories;
  assert.deepEqual(texts(b), ['pip install x']);
  assert.equal(commands(b)[0].output, 'Downloading 100%\nInstalled');
});

test("sniffing: chat and cast readers claim their files and no other format's", { skip: !hasShared }, () => {
  const all = [
    ...readdirSync(real, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(real, d.name)).map((f) => path.join(real, d.name, f))),
    ...readdirSync(labelled)
      .filter((f) => !f.endsWith('.labels.json') && !f.endsWith('.md'))
      .map((f) => path.join(labelled, f)),
  ];
  for (const p of all) {
    const file = load(p);
    const chat = p.includes('/openai-chat/') || p.endsWith('-chat.json');
    const cast = p.endsWith('.cast');
    assert.equal(score(openaiChatReader, file) > 0, chat, `openai-chat on ${p}`);
    assert.equal(score(asciicastReader, file) > 0, cast, `asciicast on ${p}`);
  }
});

test('bad input: damaged chats and casts read with issues or fail with a FormatError', { skip: !hasShared }, () => {
  assertSurvivesDamage(openaiChatReader, readFileSync(path.join(labelled, 'tricky-shell-chat.json')), 'chat JSON');
  assertSurvivesDamage(openaiChatReader, readFileSync(fx('openai-chat/messages.jsonl')), 'chat JSONL');
  assertSurvivesDamage(asciicastReader, readFileSync(path.join(labelled, 'terminal-session.cast')), 'cast v2');
  assertSurvivesDamage(asciicastReader, readFileSync(fx('asciicast/session-v3.cast')), 'cast v3');
  assertSurvivesDamage(asciicastReader, readFileSync(fx('asciicast/v1.cast')), 'cast v1');
  assert.throws(
    () => asciicastReader.read(sourceText('x.cast', '{"version": 9}\n')),
    (e: unknown) => e instanceof FormatError && /unsupported version/.test(e.message),
  );
  assert.throws(
    () => openaiChatReader.read(sourceText('x.json', '{"foo": 1}')),
    (e: unknown) => e instanceof FormatError && e.format === 'openai-chat',
  );
});

/** Best of five timings (ms), to keep a busy machine's noise out of the ratio. */
function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

test('cost: JSON and JSONL readers stay within a few times a bare JSON.parse (no quadratic work)', () => {
  const out = 'x'.repeat(400) + '\n';
  // ~6 MB per format; outputs dominate the bytes, as in real logs.
  const n = 4000;
  const chat: unknown[] = [{ role: 'user', content: 'go' }];
  const v0: unknown[] = [];
  const v1: string[] = [];
  const claude: string[] = [];
  const codex: string[] = [];
  for (let i = 0; i < n; i++) {
    chat.push({
      role: 'assistant',
      content: `step ${i}`,
      tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'bash', arguments: JSON.stringify({ command: `echo ${i}` }) } }],
    });
    chat.push({ role: 'tool', tool_call_id: `c${i}`, content: out.repeat(3) + '[The command completed with exit code 0.]' });
    v0.push({ id: 2 * i, timestamp: '2025-01-01T00:00:00', source: 'agent', action: 'run', args: { command: `echo ${i}`, thought: 'x' } });
    v0.push({ id: 2 * i + 1, timestamp: '2025-01-01T00:00:01', source: 'agent', cause: 2 * i, observation: 'run', content: out.repeat(3), extras: { metadata: { exit_code: 0 } } });
    v1.push(
      JSON.stringify({
        id: `a${i}`,
        kind: 'ActionEvent',
        source: 'agent',
        thought: [{ type: 'text', text: 'x' }],
        action: { kind: 'TerminalAction', command: `echo ${i}` },
        tool_name: 'terminal',
        tool_call_id: `t${i}`,
        llm_response_id: `r${i}`,
      }),
    );
    v1.push(
      JSON.stringify({
        id: `o${i}`,
        kind: 'ObservationEvent',
        source: 'environment',
        action_id: `a${i}`,
        observation: { kind: 'TerminalObservation', content: [{ type: 'text', text: out.repeat(3) }], exit_code: 0 },
      }),
    );
    claude.push(
      JSON.stringify({
        type: 'assistant',
        sessionId: 's',
        uuid: `a${i}`,
        parentUuid: null,
        message: { id: `m${i}`, role: 'assistant', content: [{ type: 'tool_use', id: `t${i}`, name: 'Bash', input: { command: `echo ${i}` } }] },
      }),
    );
    claude.push(
      JSON.stringify({
        type: 'user',
        sessionId: 's',
        uuid: `u${i}`,
        parentUuid: `a${i}`,
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${i}`, content: out.repeat(3), is_error: false }] },
      }),
    );
    codex.push(
      JSON.stringify({
        timestamp: 't',
        type: 'response_item',
        payload: { type: 'function_call', name: 'exec_command', arguments: JSON.stringify({ cmd: `echo ${i}` }), call_id: `c${i}` },
      }),
    );
    codex.push(
      JSON.stringify({
        timestamp: 't',
        type: 'response_item',
        payload: { type: 'function_call_output', call_id: `c${i}`, output: `Process exited with code 0\nOutput:\n${out.repeat(3)}` },
      }),
    );
  }
  const cases: [FormatReader, string][] = [
    [openaiChatReader, JSON.stringify(chat, null, 1)],
    [openhandsReader, JSON.stringify(v0, null, 1)],
    [openhandsV1Reader, v1.join('\n')],
    [claudeCodeReader, claude.join('\n')],
    [codexReader, JSON.stringify({ timestamp: 't', type: 'session_meta', payload: { id: 'x' } }) + '\n' + codex.join('\n')],
  ];
  for (const [reader, text] of cases) {
    // Both sides start from the file's bytes: decoding them is part of reading either way.
    const bytes = new TextEncoder().encode(text);
    const isJsonl = !text.startsWith('[');
    const bare = best(() => {
      const t = new TextDecoder().decode(bytes);
      if (isJsonl) for (const l of t.split('\n')) JSON.parse(l);
      else JSON.parse(t);
    });
    let cmdCount = 0;
    const took = best(() => {
      const res = reader.read(sourceFile('big', bytes));
      cmdCount = res.trajectories.reduce((k, t) => k + commands(t).length, 0);
    });
    assert.equal(cmdCount, n, reader.id);
    // The budget is 3x (bench/agent-readers.ts measures 1.3-3x); the bound leaves room for a
    // loaded test machine and tsx's slower module calls, and still fails on quadratic work
    // (hundreds of times slower at this size).
    assert.ok(took < bare * 8 + 200, `${reader.id}: ${took.toFixed(0)} ms vs JSON.parse ${bare.toFixed(0)} ms`);
  }
});

test('labelled runs scored end to end (read, then analysed): precision and recall >= 0.95', { skip: !hasShared }, async () => {
  await initAnalysis();
  for (const name of ['tricky-shell-chat.json', 'terminal-session.cast']) {
    const s = scoreLabelled(name);
    assert.deepEqual(s.unmatchedLabels, [], name);
    assert.ok(s.precision >= 0.95 && s.recall >= 0.95, `${name}: ${JSON.stringify({ p: s.precision, r: s.recall, mistakes: s.mistakes })}`);
  }
});

test('fuzzed messages and cast events of any shape: read or a FormatError, never a crash', () => {
  const chatKeys = [
    'role',
    'user',
    'assistant',
    'tool',
    'function',
    'system',
    'content',
    'tool_calls',
    'id',
    'type',
    'function',
    'name',
    'bash',
    'terminal',
    'arguments',
    'command',
    'cmd',
    'tool_call_id',
    'function_call',
    'reasoning_content',
    'messages',
    'model',
    'text',
    'tool_use',
    'tool_result',
    'tool_use_id',
    'input',
    'error',
    'message',
  ];
  fuzzRecords(openaiChatReader, chatKeys, (r) => JSON.stringify(r));
  fuzzRecords(openaiChatReader, chatKeys, (r) => r.map((x) => JSON.stringify(x)).join('\n'));
  fuzzRecords(openaiChatReader, chatKeys, (r) => JSON.stringify({ messages: r }));
  const castKeys = ['version', 'width', 'height', 'term', 'cols', 'timestamp', 'title', 'env', 'stdout', 'o', 'i', 'm', 'x', '\r', '$ ', '\u001b[A'];
  fuzzRecords(asciicastReader, castKeys, (r) => [JSON.stringify({ version: 2, width: 80, height: 24 }), ...r.map((x) => JSON.stringify(Object.values(x as object)))].join('\n'));
  fuzzRecords(asciicastReader, castKeys, (r) => JSON.stringify({ version: 1, stdout: r.map((x) => Object.values(x as object)) }));
  // Keystrokes and output of any kind at a prompt.
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('i', 'o'), fc.string({ maxLength: 20 })), { maxLength: 60 }), (events) => {
      const lines = [JSON.stringify({ version: 2, width: 80, height: 24 }), JSON.stringify([0, 'o', 'u@h:~$ '])];
      events.forEach(([code, data], k) => lines.push(JSON.stringify([k + 1, code, data])));
      readsOrExplains(asciicastReader, new TextEncoder().encode(lines.join('\n')), 'random keystrokes');
    }),
    { numRuns: 300 },
  );
});
