// The built CLI as a process: the contract with --json, the terminal timeline, exit codes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const fixture = join(root, 'test/fixtures/chatbot/quirks.chatbot.log');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

before(() => {
  if (!existsSync(cli)) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
});

test('analyze --json prints the analysis contract', () => {
  const r = run('analyze', fixture, '--json');
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.schema, 'replication-lens/analysis@1');
  assert.equal(a.format, 'chatbot-log');
  const t = a.trajectories[0];
  for (const key of ['id', 'title', 'model', 'task', 'outcome', 'steps', 'threads']) assert.ok(key in t, key);
  const step = t.steps[1];
  for (const key of ['index', 'id', 'role', 'time', 'thought', 'source', 'commands']) assert.ok(key in step, key);
  const c = step.commands[0];
  for (const key of ['text', 'output', 'exitCode', 'longRunning', 'categories', 'obstacles', 'findings', 'parseError']) assert.ok(key in c, key);
  assert.deepEqual(c.categories, ['port-discovery']);
  assert.deepEqual(c.obstacles, ['command-not-found']);
  const f = c.findings[0];
  for (const key of ['category', 'evidence', 'span', 'entities']) assert.ok(key in f, key);
  assert.deepEqual(Object.keys(f.entities).sort(), ['hosts', 'paths', 'pids', 'ports', 'processes', 'urls']);
  assert.ok(t.threads.some((th: { entity: string }) => th.entity === 'port:8001'));
});

test('analyze prints a readable timeline', () => {
  const r = run('analyze', fixture);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /verdict: failed/);
  assert.match(r.stdout, /\$ netstat -tuln \| grep 8001/);
  assert.match(r.stdout, /\[port-discovery\] !command-not-found/);
  assert.match(r.stdout, /port:8001: /);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when NO_COLOR is set');
});

test('terminal output shows control characters instead of obeying them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-'));
  const f = join(dir, 'evil.chatbot.log');
  writeFileSync(
    f,
    `2025-01-01 00:00:00 - Chatbot - INFO - Processing user input: hi\x1b]0;pwned\x07\u202e\n2025-01-01 00:00:00 - Chatbot - INFO - *****Round 1:*****\n2025-01-01 00:00:01 - Chatbot - INFO - Invoking tool 'execute_command_in_terminal' with args: {'command': 'kill 1\\x1b[2J', 'command_type': 'one_time'}\n`,
  );
  const r = run('analyze', f);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /[\x07\x1b\u202e]/);
  assert.match(r.stdout, /\\x1b\[2J/);
});

test('exit 1 for a file no reader claims, naming the formats tried', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-'));
  const f = join(dir, 'notes.txt');
  writeFileSync(f, 'just some notes\n');
  const r = run('analyze', f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot read .*notes\.txt.*tried: chatbot-log/);
});

test('exit 1 for a missing file; the other files are still analysed', () => {
  const r = run('analyze', '/nonexistent/x.log', fixture, '--json');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot read \/nonexistent\/x\.log/);
  assert.equal(JSON.parse(r.stdout).length, 1);
});

test('exit 2 for usage errors', () => {
  assert.equal(run().status, 2);
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('analyze').status, 2);
  assert.equal(run('analyze', fixture, '--bogus').status, 2);
  assert.equal(run('analyze', fixture, '--format', 'nope').status, 2);
  assert.equal(run('analyze', '--help').status, 0);
});

test('user rules from a JSON file add categories; bad rules are named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-'));
  const rules = join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify([{ id: 'curl-is-copy', category: 'file-copy', programs: ['curl'], argsMatch: '/chat' }]));
  const r = run('analyze', fixture, '--json', '--rules', rules);
  assert.equal(r.status, 0, r.stderr);
  const steps = JSON.parse(r.stdout).trajectories[0].steps;
  assert.deepEqual(steps[5].commands[0].categories, ['file-copy', 'liveness-check']);
  writeFileSync(rules, JSON.stringify([{ id: 'x', category: 'nonsense', programs: ['curl'] }]));
  const bad = run('analyze', fixture, '--rules', rules);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /rule 1 \(x\): "category" must be one of/);
});

test('an OpenHands V1 conversation folder reads as one run, with its model', () => {
  const r = run('analyze', join(root, 'test/fixtures/openhands-v1/conversation'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.format, 'openhands-v1');
  assert.equal(a.trajectories.length, 1);
  assert.equal(a.trajectories[0].model, 'litellm_proxy/claude-sonnet-4-5');
});

test('a Claude Code session brings its sub-agents along', () => {
  const r = run('analyze', join(root, 'test/fixtures/claude-code/session-1.jsonl'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const titles = JSON.parse(r.stdout).trajectories.map((t: { title: string }) => t.title);
  assert.ok(titles.length >= 2 && titles.some((t: string) => /Sub-agent a7f3/.test(t)), JSON.stringify(titles));
});

test('a folder that is not a conversation is a clear error', () => {
  const r = run('analyze', join(root, 'test/fixtures'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /folder without OpenHands event files/);
});

test('--json over several files is one array, a file that cannot be read left out of it', () => {
  const r = run('analyze', fixture, join(root, 'no-such.log'), fixture, '--json');
  assert.equal(r.status, 1);
  const a = JSON.parse(r.stdout);
  assert.equal(a.length, 2);
  assert.deepEqual(a[0], a[1]);
  assert.equal(r.stdout, JSON.stringify(a, null, 2) + '\n');
  const none = run('analyze', join(root, 'no-such.log'), '--json');
  assert.equal(none.stdout, '[]\n');
});

test('output piped into a reader that stops early ends quietly', () => {
  // `analyze … | head -c 100`: the pipe closes under the writer (30 copies: far more than a
  // pipe holds, about 340 KB of JSON).
  const files = Array.from({ length: 30 }, () => `"${fixture}"`).join(' ');
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" analyze ${files} --json | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}"`], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.match(r.stdout, /status 0/);
  assert.doesNotMatch(r.stderr, /EPIPE|internal error/);
});
