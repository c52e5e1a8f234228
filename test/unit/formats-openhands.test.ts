// OpenHands V0 and V1 SDK readers: the real files from the OpenHands repositories, the
// labelled runs, synthetic fixtures for the other shapes (output.jsonl, /trajectory export,
// flattened events, V1 event folders), sniffing, and damaged input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openhandsReader } from '../../src/core/formats/openhands';
import { openhandsV1Reader, readOpenHandsV1Folder } from '../../src/core/formats/openhands-v1';
import { FormatError, sourceText } from '../../src/core/formats/types';
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
} from './formats-helpers';
import { initAnalysis } from '../../src/node/init-analysis';

const fx = (p: string) => path.join(fixtures, p);

test('real V0 event list (basic_gui_mode.json): 2 shell commands, by hand', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'openhands-v0/basic_gui_mode.json'));
  assertSniffed(file, 'openhands');
  const res = openhandsReader.read(file);
  assert.equal(res.format, 'openhands');
  const [t] = res.trajectories;
  assert.deepEqual(texts(t), ['mkdir -p /workspace/todo-app', 'cd /workspace/todo-app && python3 -m http.server 8000']);
  const [mkdir, serve] = commands(t);
  assert.equal(mkdir.exitCode, 0);
  // exit -1 is OpenHands' "still running after the timeout", not an exit status.
  assert.equal(serve.exitCode, null);
  assert.match(serve.output, /Serving HTTP on 0\.0\.0\.0 port 8000/);
  assert.equal(t.model, 'claude-3-5-sonnet-20241022');
  assert.match(t.task ?? '', /^I want to create a VueJS app/);
  // The two file edits are other tools; event ids are the step ids.
  assert.deepEqual(
    t.steps.flatMap((s) => s.otherTools ?? []).map((o) => o.name),
    ['str_replace_editor', 'str_replace_editor'],
  );
  assert.deepEqual(
    t.steps.map((s) => s.id),
    ['e4', 'e7', 'e9', 'e11', 'e13', 'e15'],
  );
  // Each command step covers its action and its observation in the file.
  const lines = file.text().split('\n');
  for (const s of t.steps.filter((x) => x.commands.length)) {
    const slice = lines.slice(s.source!.startLine - 1, s.source!.endLine).join('\n');
    assert.match(slice, /"action": "run"/);
    assert.match(slice, /"observation": "run"/);
  }
});

test('real V1 SDK events.jsonl: 3 shell calls, by hand (2 refused by the tool, 1 whose action is missing)', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'openhands-sdk-v1/events.jsonl'));
  assertSniffed(file, 'openhands-v1');
  const res = openhandsV1Reader.read(file);
  const [t] = res.trajectories;
  const cmds = commands(t);
  assert.equal(cmds.length, 3);
  assert.match(cmds[0].text, /^SESSION_URL=.*\necho "SESSION_URL=\$\{SESSION_URL\}"$/s);
  assert.match(cmds[0].output, /^Cannot execute multiple commands at once/);
  assert.equal(cmds[0].exitCode, 1); // is_error with no code: refused, a failure
  // Line 7 answers action 70274abb..., which the file does not hold: the command is recovered
  // from the observation and the gap is reported.
  assert.match(cmds[1].text, /# Extract PR info from the event payload/);
  assert.equal(t.issues.length, 1);
  assert.equal(t.issues[0].line, 7);
  assert.equal(cmds[2].exitCode, 1);
  assert.match(cmds[2].output, /JSONDecodeError/);
  // The tool refused the first two (several commands at once) and ran only the third.
  assert.deepEqual(
    cmds.map((c) => c.exitCode),
    [1, 1, 1],
  );
  assert.match(cmds[1].output, /^Cannot execute multiple commands at once/);
  assert.deepEqual(
    t.steps.map((s) => s.source),
    [
      { startLine: 4, endLine: 5 },
      { startLine: 7, endLine: 7 },
      { startLine: 9, endLine: 10 },
    ],
  );
  assert.equal(t.model, 'litellm_proxy/minimax-m2.7');
  assert.match(t.steps[0].thought, /Let me analyze the task/);
});

test('labelled port-conflict-openhands.json: exactly the labelled commands', { skip: !hasShared }, () => {
  const res = assertLabelled(openhandsReader, 'port-conflict-openhands.json');
  const cmds = commands(res.trajectories[0]);
  assert.equal(cmds[0].exitCode, 3);
  assert.equal(cmds[12].exitCode, 7);
  assert.match(cmds[12].output, /Connection refused/);
});

test('labelled supervisor-persistence-events.jsonl: exactly the labelled commands', { skip: !hasShared }, () => {
  const res = assertLabelled(openhandsV1Reader, 'supervisor-persistence-events.jsonl');
  const [t] = res.trajectories;
  assert.deepEqual(t.issues, []);
  assert.equal(t.steps[0].role, 'system');
  assert.equal(t.steps[1].role, 'user');
  // Every step's id is its ActionEvent id, and JSONL steps span their action and observation lines.
  for (const s of t.steps.filter((x) => x.commands.length)) {
    assert.match(s.id, /^[0-9a-f-]{36}$/);
    assert.equal(s.source!.endLine, s.source!.startLine + 1);
  }
  assert.equal(commands(t).find((c) => c.text.startsWith('export PATH') && c.text.endsWith('status'))?.exitCode, 3);
});

test('evaluation output.jsonl: one run a line, titled by instance; a bad line is an issue', () => {
  const file = load(fx('openhands/output.jsonl'));
  assertSniffed(file, 'openhands');
  const res = openhandsReader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [3],
  );
  assert.deepEqual(
    res.trajectories.map((t) => t.title),
    ['acme__gateway-101', 'legacy__pairs-2', 'sdk__v1-3'],
  );
  const [a, b, c] = res.trajectories;
  // Parallel tool calls of one model response share a step.
  assert.deepEqual(
    a.steps[1].commands.map((x) => x.text),
    ['lsof -i :8000', 'ps aux | grep gateway'],
  );
  assert.equal(a.model, 'openai/gpt-4o');
  assert.equal(a.meta?.resolved, true);
  assert.equal(a.task, 'Free port 8000 and restart the gateway.');
  // Keys typed into a running command (is_input) are no command: their output and exit
  // status belong to the command that was running.
  assert.deepEqual(texts(a), ['lsof -i :8000', 'ps aux | grep gateway', 'python3 gateway.py --port 8000']);
  const server = commands(a)[2];
  assert.equal(server.exitCode, 130);
  assert.match(server.output, /Serving on 8000\n\^C\nKeyboardInterrupt/);
  assert.deepEqual(a.steps[3].otherTools, [{ name: 'send_input', summary: 'C-c' }]);
  for (const s of a.steps) assert.deepEqual(s.source, { startLine: 1, endLine: 1 });
  // Very old runs: history as [action, observation] pairs, exit code in extras.
  assert.deepEqual(texts(b), ['ls -la', 'netstat -tlnp']);
  assert.deepEqual(
    commands(b).map((x) => x.exitCode),
    [0, 127],
  );
  // A run whose history holds V1 SDK events.
  assert.deepEqual(texts(c), ['curl -s localhost:8001/health']);
  assert.equal(commands(c)[0].exitCode, 0);
});

test('one evaluation run saved on its own (pretty-printed): titled by instance, lines per event', () => {
  const run = JSON.parse(readFileSync(fx('openhands/output.jsonl'), 'utf8').split('\n')[0]);
  const file = sourceText('run.json', JSON.stringify(run, null, 2));
  assertSniffed(file, 'openhands');
  const [t] = openhandsReader.read(file).trajectories;
  assert.equal(t.title, 'acme__gateway-101');
  assert.deepEqual(texts(t), ['lsof -i :8000', 'ps aux | grep gateway', 'python3 gateway.py --port 8000']);
  assert.ok(t.steps[1].source!.startLine > 1 && t.steps[1].source!.endLine > t.steps[1].source!.startLine);
});

test('flattened older export: top-level command and exit_code', () => {
  const file = load(fx('openhands/flattened.json'));
  assertSniffed(file, 'openhands');
  const [t] = openhandsReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['pip install vllm', 'nohup python -m vllm.entrypoints.openai.api_server --port 8001 > vllm.log 2>&1 &']);
  assert.deepEqual(
    commands(t).map((c) => c.exitCode),
    [1, 0],
  );
  assert.deepEqual(t.steps[3].otherTools, [{ name: 'browse', summary: 'url: http://localhost:8001/docs' }]);
  assert.equal(t.steps[1].thought, 'Install first.');
});

test('/trajectory export {"trajectory": [...]}: sniffed over SWE-agent, lines per event', () => {
  const file = load(fx('openhands/trajectory-export.json'));
  assertSniffed(file, 'openhands');
  const [t] = openhandsReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['df -h /']);
  assert.deepEqual(
    t.steps.map((s) => s.source),
    [
      { startLine: 3, endLine: 13 },
      { startLine: 14, endLine: 58 },
      { startLine: 59, endLine: 98 },
    ],
  );
  assert.equal(t.model, 'gpt-4o-2024-08-06');
});

test('V1 conversation folder: events in name order, a broken file is an issue naming it', () => {
  const dir = fx('openhands-v1/conversation');
  const files = [
    ...readdirSync(path.join(dir, 'events'))
      .reverse()
      .map((n) => ({ name: `events/${n}`, bytes: new Uint8Array(readFileSync(path.join(dir, 'events', n))) })),
    { name: 'base_state.json', bytes: new Uint8Array(readFileSync(path.join(dir, 'base_state.json'))) },
  ];
  const res = readOpenHandsV1Folder(files);
  assert.equal(res.format, 'openhands-v1');
  assert.equal(res.issues.length, 1);
  assert.match(res.issues[0].entry ?? '', /event-00010-/);
  const [t] = res.trajectories;
  assert.equal(t.model, 'litellm_proxy/claude-sonnet-4-5');
  assert.equal(t.task, 'Make the agent survive reboots.');
  assert.deepEqual(
    t.steps.map((s) => s.role),
    ['system', 'user', 'assistant', 'assistant', 'assistant'],
  );
  // Two terminal calls of one response (same llm_response_id) are one step.
  assert.deepEqual(
    t.steps[2].commands.map((c) => [c.text, c.exitCode]),
    [
      ['crontab -l', 1],
      ['systemctl status agent --no-pager', 4],
    ],
  );
  assert.deepEqual(
    t.steps[3].otherTools?.map((o) => o.name),
    ['file_editor'],
  );
  assert.deepEqual(texts(t), ['crontab -l', 'systemctl status agent --no-pager', 'sudo systemctl enable --now agent']);
  assert.throws(() => readOpenHandsV1Folder([{ name: 'events/event-00000-x.json', bytes: new TextEncoder().encode('{') }]), FormatError);
});

test('V1 JSONL: keys sent to a running command, a rejected command, a bad line', () => {
  const file = load(fx('openhands-v1/input-and-reject.jsonl'));
  const res = openhandsV1Reader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [6],
  );
  const [t] = res.trajectories;
  assert.deepEqual(texts(t), ['tail -f /var/log/agent.log', 'rm -rf /var/log/agent.log']);
  const [tail, rm] = commands(t);
  assert.equal(tail.exitCode, 130);
  assert.equal(tail.output, 'line 1\nline 2\n^C');
  assert.equal(rm.output, 'Rejected by the user: do not delete logs');
  assert.equal(rm.exitCode, null);
});

test('V1 JSONL whose first event (a system prompt) is longer than the sniffing head', () => {
  const lines = [
    {
      id: '7d3c2b1a-0000-4000-8000-000000000000',
      timestamp: '2025-11-04T10:18:55',
      source: 'agent',
      system_prompt: { type: 'text', text: 'tool spec '.repeat(10000) },
      tools: [],
      kind: 'SystemPromptEvent',
    },
    {
      id: '7d3c2b1a-0000-4000-8000-000000000001',
      timestamp: '2025-11-04T10:18:56',
      source: 'agent',
      thought: [],
      action: { command: 'uptime', kind: 'TerminalAction' },
      tool_name: 'terminal',
      tool_call_id: 't',
      llm_response_id: 'r',
      kind: 'ActionEvent',
    },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n');
  const file = sourceText('events.jsonl', lines);
  assertSniffed(file, 'openhands-v1');
  assert.deepEqual(texts(openhandsV1Reader.read(file).trajectories[0]), ['uptime']);
});

test("sniffing: OpenHands readers claim their files and no other format's", { skip: !hasShared }, () => {
  for (const [reader, mine] of [
    [openhandsReader, ['openhands-v0/basic_gui_mode.json', 'port-conflict-openhands.json']],
    [openhandsV1Reader, ['openhands-sdk-v1/events.jsonl', 'supervisor-persistence-events.jsonl']],
  ] as const) {
    const all = [
      ...readdirSync(real, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => readdirSync(path.join(real, d.name)).map((f) => `${d.name}/${f}`)),
      ...readdirSync(labelled).filter((f) => !f.endsWith('.labels.json') && !f.endsWith('.md')),
    ];
    for (const rel of all) {
      const file = load(rel.includes('/') ? path.join(real, rel) : path.join(labelled, rel));
      const s = score(reader, file);
      if ((mine as readonly string[]).includes(rel)) assert.ok(s >= 0.8, `${reader.id} should claim ${rel}`);
      else assert.equal(s, 0, `${reader.id} should not claim ${rel}`);
    }
  }
});

test('bad input: damaged files read with issues or fail with a FormatError, never crash', { skip: !hasShared }, () => {
  assertSurvivesDamage(openhandsReader, readFileSync(path.join(labelled, 'port-conflict-openhands.json')), 'V0 list');
  assertSurvivesDamage(openhandsReader, readFileSync(fx('openhands/output.jsonl')), 'output.jsonl');
  assertSurvivesDamage(openhandsV1Reader, readFileSync(path.join(labelled, 'supervisor-persistence-events.jsonl')), 'V1 JSONL');
});

test('bad input: a truncated V0 list keeps its complete events and says where it broke', () => {
  const text = readFileSync(fx('openhands/trajectory-export.json'), 'utf8');
  const cut = text.slice(0, text.indexOf('"id": 3'));
  const res = openhandsReader.read(sourceText('cut.json', cut));
  assert.equal(res.issues.length, 1);
  assert.match(res.issues[0].message, /truncated or damaged/);
  assert.deepEqual(texts(res.trajectories[0]), ['df -h /']);
  assert.throws(
    () => openhandsReader.read(sourceText('x.json', '[{"id": 0, "action": ')),
    (e: unknown) => e instanceof FormatError && e.format === 'openhands',
  );
  assert.throws(
    () => openhandsV1Reader.read(sourceText('x.jsonl', 'nope\nstill nope\n')),
    (e: unknown) => e instanceof FormatError && e.line === 1,
  );
});

test('labelled runs scored end to end (read, then analysed): precision and recall >= 0.95', { skip: !hasShared }, async () => {
  await initAnalysis();
  for (const name of ['port-conflict-openhands.json', 'supervisor-persistence-events.jsonl']) {
    const s = scoreLabelled(name);
    assert.deepEqual(s.unmatchedLabels, [], name);
    assert.ok(s.precision >= 0.95 && s.recall >= 0.95, `${name}: ${JSON.stringify({ p: s.precision, r: s.recall, mistakes: s.mistakes })}`);
  }
});

test('fuzzed events of any shape: read or a FormatError, never a crash', () => {
  const keys = [
    'id',
    'timestamp',
    'source',
    'message',
    'action',
    'observation',
    'args',
    'command',
    'thought',
    'is_input',
    'cause',
    'content',
    'extras',
    'metadata',
    'exit_code',
    'tool_call_metadata',
    'model_response',
    'choices',
    'function_name',
    'history',
    'instance_id',
    'run',
    'agent',
    'user',
    'kind',
    'ActionEvent',
    'ObservationEvent',
    'MessageEvent',
    'TerminalAction',
    'TerminalObservation',
    'action_id',
    'llm_response_id',
    'tool_name',
    'terminal',
    'text',
    'type',
    'llm_message',
    'role',
    'system_prompt',
    'key',
    'value',
    'stats',
    'usage_to_metrics',
  ];
  fuzzRecords(openhandsReader, keys, (r) => JSON.stringify(r, null, 1));
  fuzzRecords(openhandsReader, keys, (r) => r.map((x) => JSON.stringify(x)).join('\n'));
  fuzzRecords(openhandsV1Reader, keys, (r) => r.map((x) => JSON.stringify(x)).join('\n'));
});
