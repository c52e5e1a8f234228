// Claude Code session and Codex CLI rollout readers: real sessions, the labelled runs,
// synthetic fixtures (split messages, parallel tool calls, background shells, sub-agents,
// argv commands, older rollouts, `codex exec --json`), sniffing and damaged input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { claudeCodeReader, readClaudeCodeSession } from '../../src/core/formats/claude-code';
import { codexReader } from '../../src/core/formats/codex';
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

test('real Claude Code session 2b4ed4c0: 6 Bash calls (4 refused by permissions), by hand', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'claude-code/2b4ed4c0-b905-41de-9238-273db3ec737a.jsonl'));
  assertSniffed(file, 'claude-code');
  const [t] = claudeCodeReader.read(file).trajectories;
  assert.deepEqual(texts(t), [
    'claude --help 2>/dev/null | head -100',
    'claude --help 2>/dev/null | grep -A5 -E "(Task|WebSearch|tool)" || true',
    'claude -p "What tools are available to you? List them all." 2>&1 | head -100',
    'claude -p "What tools are available to you? List them all." 2>&1',
    'claude --version',
    'ls -la ~/.claude/ 2>/dev/null || echo "No .claude directory"',
  ]);
  // is_error results carry no exit code in this version: refused, so failed (1); successful ones exited 0.
  assert.deepEqual(
    commands(t).map((c) => c.exitCode),
    [0, 0, 1, 1, 1, 1],
  );
  assert.match(commands(t)[4].output, /requires approval/);
  assert.deepEqual(
    t.steps.flatMap((s) => s.otherTools ?? []).map((o) => o.name),
    ['WebSearch', 'Glob', 'Read'],
  );
  assert.equal(t.id, '2b4ed4c0-b905-41de-9238-273db3ec737a');
  assert.equal(t.model, 'claude-opus-4-5-20251101');
});

test('real Claude Code session fe869ecb: 12 Bash calls; 34 assistant messages over 59 lines', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'claude-code/fe869ecb-c176-478f-9734-7e4b8ef12cff.jsonl'));
  const res = claudeCodeReader.read(file);
  assert.equal(res.trajectories.length, 1);
  const [t] = res.trajectories;
  const cmds = commands(t);
  assert.equal(cmds.length, 12);
  assert.equal(cmds.filter((c) => c.text === 'uv run pyright').length, 5);
  assert.equal(cmds.filter((c) => c.text === 'act --container-architecture linux/amd64 -j test').length, 4);
  assert.equal(t.steps.filter((s) => s.role === 'assistant').length, 34);
  // Split messages: one step per message.id, its lines and its results' lines in its range.
  const lines = file.text().split('\n');
  for (const s of t.steps.filter((x) => x.commands.length)) {
    const slice = lines.slice(s.source!.startLine - 1, s.source!.endLine).join('\n');
    assert.ok(slice.includes('"tool_use"') && slice.includes('"tool_result"'));
  }
  assert.deepEqual(res.issues, []);
});

test('labelled background-launch-claude.jsonl: exactly the labelled commands; BashOutput belongs to the launch', { skip: !hasShared }, () => {
  const res = assertLabelled(claudeCodeReader, 'background-launch-claude.jsonl');
  const [t] = res.trajectories;
  const vllm = commands(t).find((c) => c.text.startsWith('python -m vllm'))!;
  assert.equal(vllm.longRunning, true);
  assert.match(vllm.output, /Command running in background with ID: bash_1\n<status>running<\/status>/);
  const read = t.steps.find((s) => s.otherTools?.some((o) => o.name === 'BashOutput'))!;
  assert.equal(read.commands.length, 0);
  assert.equal(read.notes?.length, 1);
  assert.equal(t.title, 'Background launch of vLLM, agent API and worker');
});

test('fixture session: split message with two Bash calls, Exit code text, background shell, inline sub-agent', () => {
  const file = load(fx('claude-code/session-1.jsonl'));
  assertSniffed(file, 'claude-code');
  const res = claudeCodeReader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [21],
  );
  const [main, side] = res.trajectories;
  assert.equal(main.title, 'Port probe and background server');
  const first = main.steps[1];
  assert.equal(first.thought, 'Two probes at once.\n\nChecking the port and the folder.');
  assert.deepEqual(
    first.commands.map((c) => [c.text, c.exitCode]),
    [
      ['ls site/missing', 2],
      ['ss -ltnp | grep :8000', 0],
    ],
  );
  assert.equal(first.commands[0].output, "ls: cannot access 'site/missing': No such file or directory");
  assert.deepEqual(first.source, { startLine: 3, endLine: 8 });
  const server = commands(main)[2];
  assert.equal(server.longRunning, true);
  // The background read's failure (and exit status) belong to the launching command.
  assert.equal(server.exitCode, 1);
  assert.match(server.output, /Address already in use/);
  const interrupted = commands(main)[3];
  assert.equal(interrupted.exitCode, null);
  assert.deepEqual(texts(main), ['ls site/missing', 'ss -ltnp | grep :8000', 'python3 -m http.server 8000 --directory site', 'kill 777 && sleep 1 && ss -ltn | grep -c :8000']);
  assert.deepEqual(texts(side), ['ps -o pid,ppid,lstart,cmd -p 777']);
  assert.match(side.title, /^Sub-agent/);
  assert.equal(side.meta?.sidechain, true);
});

test('fixture sub-agent file (SESSION/subagents/agent-*.jsonl) reads as its own run', () => {
  const file = load(fx('claude-code/session-1/subagents/agent-a7f3.jsonl'));
  assertSniffed(file, 'claude-code');
  const res = claudeCodeReader.read(file);
  assert.equal(res.trajectories.length, 1);
  const [t] = res.trajectories;
  assert.equal(t.id, '5b1e2c3d-0000-4000-8000-000000000001:a7f3');
  assert.equal(t.title, 'Sub-agent a7f3: List the cron jobs.');
  assert.deepEqual(texts(t), ['crontab -l']);
  assert.equal(t.steps[1].thought, 'Reading crontab.');
});

test('a session read with its subagents folder: main run first, then each sub-agent', () => {
  const files = ['claude-code/session-1/subagents/agent-a7f3.jsonl', 'claude-code/session-1.jsonl'].map((p) => ({
    name: p,
    bytes: new Uint8Array(readFileSync(fx(p))),
  }));
  files.push({ name: 'claude-code/session-1/subagents/agent-bad.jsonl', bytes: new TextEncoder().encode('not json\n') });
  const res = readClaudeCodeSession(files);
  assert.deepEqual(
    res.trajectories.map((t) => t.id),
    ['5b1e2c3d-0000-4000-8000-000000000001', '5b1e2c3d-0000-4000-8000-000000000001:sidechain', '5b1e2c3d-0000-4000-8000-000000000001:a7f3'],
  );
  assert.deepEqual(
    res.issues.map((i) => [i.entry, i.line]),
    [
      ['claude-code/session-1.jsonl', 21],
      ['claude-code/session-1/subagents/agent-bad.jsonl', 1],
    ],
  );
});

test('real Codex rollout sample: 1 command (exec_command {command})', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'codex-cli/sample-session.jsonl'));
  assertSniffed(file, 'codex');
  const [t] = codexReader.read(file).trajectories;
  assert.deepEqual(texts(t), ['ls -la']);
  assert.match(commands(t)[0].output, /^total 32/);
  assert.equal(t.model, 'gpt-4o');
});

test('labelled credentials-codex.jsonl: exactly the labelled commands, exit codes from the output text', { skip: !hasShared }, () => {
  const res = assertLabelled(codexReader, 'credentials-codex.jsonl');
  const [t] = res.trajectories;
  const cmds = commands(t);
  assert.equal(cmds.find((c) => c.text === 'cat ~/.ssh/deploy_key')?.exitCode, 1);
  assert.equal(cmds.find((c) => c.text.startsWith('scp -r'))?.exitCode, 255);
  // Output is what the command printed, without the tool's header lines.
  assert.equal(cmds.find((c) => c.text === 'echo $HF_TOKEN | cut -c1-6')?.output, 'hf_Atl\n');
  // A step opened by a message without an id takes its call's id.
  for (const s of t.steps.filter((x) => x.commands.length)) assert.match(s.id, /^call_[A-Za-z0-9]{24}$/);
  assert.equal(t.id, 'd232363a-398a-46ea-861c-53ba85943221');
});

test('fixture rollout: shell argv, shell_command, local_shell_call, exec_command + write_stdin, a bad line', () => {
  const file = load(fx('codex/rollout.jsonl'));
  assertSniffed(file, 'codex');
  const res = codexReader.read(file);
  assert.deepEqual(
    res.issues.map((i) => i.line),
    [17],
  );
  const [t] = res.trajectories;
  const cmds = commands(t);
  assert.deepEqual(texts(t), ["bash -lc 'kill -9 $(lsof -t -i:8001)'", 'nohup ./agent --port 8001 > agent.log 2>&1 &', 'ss -ltnp', 'python agent.py --port 8002']);
  assert.deepEqual(cmds[0].argv, ['bash', '-lc', 'kill -9 $(lsof -t -i:8001)']);
  assert.deepEqual(cmds[2].argv, ['ss', '-ltnp']);
  assert.equal(cmds[1].argv, undefined);
  assert.deepEqual(
    cmds.map((c) => c.exitCode),
    [0, 0, 1, 1],
  );
  assert.equal(cmds[1].output, '[1] 4242\n');
  // Parallel calls of one response share a step; write_stdin's output goes to its session's command.
  assert.equal(t.steps[2].commands.length, 2);
  assert.equal(t.steps[2].id, 'call_launch');
  assert.match(cmds[3].output, /^starting\n[\s\S]*ModuleNotFoundError/);
  assert.deepEqual(
    t.steps.flatMap((s) => s.otherTools ?? []).map((o) => o.name),
    ['write_stdin', 'apply_patch'],
  );
  assert.equal(t.model, 'gpt-5-codex');
  assert.equal(t.task, 'Restart the agent on 8001 and keep it alive.');
  assert.equal(t.steps[1].thought, '**Free the port first**');
});

test('fixture older rollout (bare response items) and codex exec --json stream', () => {
  const legacy = load(fx('codex/legacy-rollout.jsonl'));
  assertSniffed(legacy, 'codex');
  const [a] = codexReader.read(legacy).trajectories;
  assert.deepEqual(texts(a), ["bash -lc 'nc -zv localhost 22'"]);
  assert.equal(commands(a)[0].exitCode, 0);
  assert.equal(a.id, '5c0f2b18-1111-4222-8333-444455556666');
  const stream = load(fx('codex/exec-json.jsonl'));
  assertSniffed(stream, 'codex');
  const [b] = codexReader.read(stream).trajectories;
  assert.deepEqual(texts(b), ["bash -lc 'curl -s localhost:8001/health'"]);
  assert.equal(commands(b)[0].exitCode, 7);
  assert.equal(b.steps[0].thought, '**Check the replica**');
});

test("sniffing: Claude Code and Codex readers claim their files and no other format's", { skip: !hasShared }, () => {
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
    const claude = p.includes('/claude-code/') || p.endsWith('-claude.jsonl');
    const codex = p.includes('/codex-cli/') || p.endsWith('-codex.jsonl');
    assert.equal(score(claudeCodeReader, file) > 0, claude, `claude-code on ${p}`);
    assert.equal(score(codexReader, file) > 0, codex, `codex on ${p}`);
  }
});

test('bad input: damaged sessions and rollouts read with issues or fail with a FormatError', { skip: !hasShared }, () => {
  assertSurvivesDamage(claudeCodeReader, readFileSync(path.join(labelled, 'background-launch-claude.jsonl')), 'claude session');
  assertSurvivesDamage(claudeCodeReader, readFileSync(fx('claude-code/session-1.jsonl')), 'claude fixture');
  assertSurvivesDamage(codexReader, readFileSync(path.join(labelled, 'credentials-codex.jsonl')), 'codex rollout');
  assertSurvivesDamage(codexReader, readFileSync(fx('codex/rollout.jsonl')), 'codex fixture');
  assert.throws(
    () => claudeCodeReader.read(sourceText('x.jsonl', '{"a": 1}\n{"b": 2}\n')),
    (e: unknown) => e instanceof FormatError && e.format === 'claude-code',
  );
  assert.throws(
    () => codexReader.read(sourceText('x.jsonl', '{"a": 1}\n')),
    (e: unknown) => e instanceof FormatError && e.format === 'codex',
  );
});

test('labelled runs scored end to end (read, then analysed): precision and recall >= 0.95', { skip: !hasShared }, async () => {
  await initAnalysis();
  for (const name of ['background-launch-claude.jsonl', 'credentials-codex.jsonl']) {
    const s = scoreLabelled(name);
    assert.deepEqual(s.unmatchedLabels, [], name);
    assert.ok(s.precision >= 0.95 && s.recall >= 0.95, `${name}: ${JSON.stringify({ p: s.precision, r: s.recall, mistakes: s.mistakes })}`);
  }
});

test('fuzzed records of any shape: read or a FormatError, never a crash', () => {
  const claudeKeys = [
    'type',
    'user',
    'assistant',
    'summary',
    'leafUuid',
    'uuid',
    'parentUuid',
    'sessionId',
    'isSidechain',
    'agentId',
    'message',
    'id',
    'role',
    'content',
    'text',
    'thinking',
    'tool_use',
    'tool_result',
    'tool_use_id',
    'name',
    'Bash',
    'BashOutput',
    'input',
    'command',
    'run_in_background',
    'bash_id',
    'is_error',
    'toolUseResult',
    'backgroundTaskId',
    'interrupted',
    'timestamp',
    'model',
    'isMeta',
  ];
  fuzzRecords(claudeCodeReader, claudeKeys, (r) => r.map((x) => JSON.stringify(x)).join('\n'));
  const codexKeys = [
    'timestamp',
    'type',
    'payload',
    'session_meta',
    'response_item',
    'turn_context',
    'event_msg',
    'message',
    'reasoning',
    'function_call',
    'function_call_output',
    'local_shell_call',
    'custom_tool_call',
    'name',
    'shell',
    'shell_command',
    'exec_command',
    'write_stdin',
    'arguments',
    'call_id',
    'output',
    'action',
    'exec',
    'command',
    'cmd',
    'session_id',
    'chars',
    'role',
    'content',
    'summary',
    'id',
    'instructions',
    'item',
    'item.completed',
    'command_execution',
    'exit_code',
    'aggregated_output',
    'thread.started',
    'model',
  ];
  fuzzRecords(codexReader, codexKeys, (r) => r.map((x) => JSON.stringify(x)).join('\n'));
});
