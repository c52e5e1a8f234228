// SWE-agent and mini-swe-agent readers: real trajectories from the SWE-agent repository, the
// labelled runs, synthetic fixtures for older and newer schemas, and broken input.
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFile, sourceText, FormatError } from '../../src/core/formats/types';
import { detectReader } from '../../src/core/formats/index';
import { sweAgentReader } from '../../src/core/formats/swe-agent';
import { miniSweAgentReader } from '../../src/core/formats/mini-swe-agent';
import { initAnalysis } from '../../src/node/init-analysis';
import { labelled, load, commands, norm, assertLabelled, scoreLabelled } from './formats-helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared');
const real = path.join(shared, 'corpus/real/swe-agent');
const hasShared = existsSync(real) && existsSync(labelled);
const fixtures = path.resolve(here, '../fixtures/swe');

test('real SWE-agent 1.x .traj (trajectory[]): every action ran in the shell, 5 by hand', { skip: !hasShared }, () => {
  const res = sweAgentReader.read(load(path.join(real, '6e44b9__sweagenttestrepo-1c2844.traj')));
  assert.equal(res.format, 'swe-agent');
  const [t] = res.trajectories;
  assert.deepEqual(
    commands(t).map((c) => c.text),
    [
      'find_file missing_colon.py',
      'open "/SWE-agent__test-repo/tests/missing_colon.py"',
      "edit 'def division(a: float, b: float) -> float' 'def division(a: float, b: float) -> float:' False",
      'python3 /SWE-agent__test-repo/tests/missing_colon.py',
      'submit',
    ],
  );
  assert.equal(commands(t)[3].output, '8.2');
  assert.equal(t.model, 'gpt-4o');
  assert.equal(t.task, 'SWE-agent__test-repo-i1');
  assert.deepEqual(t.issues, []);
});

test('real SWE-agent demonstration with history only: falls back to the messages, 5 actions', { skip: !hasShared }, () => {
  const file = load(path.join(real, 'function_calling_simple.traj'));
  const [t] = sweAgentReader.read(file).trajectories;
  const cmds = commands(t);
  assert.deepEqual(
    cmds.map((c) => c.text),
    [
      'find_file missing_colon.py',
      'open "tests/missing_colon.py"',
      "edit 'def division(a: float, b: float) -> float' 'def division(a: float, b: float) -> float:'",
      'python tests/missing_colon.py',
      'submit',
    ],
  );
  assert.deepEqual(
    cmds.map((c) => c.tool),
    ['find_file', 'open', 'edit', 'bash', 'submit'],
  );
  assert.match(cmds[3].output, /^8\.2\n/);
  // Each step covers its action message and its observation.
  const lines = file.text().split('\n');
  for (const s of t.steps.filter((x) => x.commands.length)) {
    const slice = lines.slice(s.source!.startLine - 1, s.source!.endLine).join('\n');
    assert.ok(slice.includes('"message_type": "action"') && slice.includes('"message_type": "observation"'));
  }
});

for (const [file, reader] of [
  ['benign-bugfix.traj', sweAgentReader],
  ['port-probes-mini.traj.json', miniSweAgentReader],
] as const) {
  test(`labelled ${file}: exactly the labelled command texts, in order`, { skip: !hasShared }, () => {
    assertLabelled(reader, file);
  });
}

test('labelled SWE-agent: each command\'s source line holds its "action"', { skip: !hasShared }, () => {
  const file = load(path.join(labelled, 'benign-bugfix.traj'));
  const lines = file.text().split('\n');
  const [t] = sweAgentReader.read(file).trajectories;
  for (const s of t.steps) {
    const [c] = s.commands;
    assert.ok(c.source && s.source && c.source.startLine >= s.source.startLine && c.source.endLine <= s.source.endLine);
    assert.ok(lines[c.source.startLine - 1].includes(`"action": ${JSON.stringify(c.text)}`), c.text);
  }
});

test('labelled mini-swe-agent: return codes and outputs from <returncode>/<output>', { skip: !hasShared }, () => {
  const [t] = miniSweAgentReader.read(load(path.join(labelled, 'port-probes-mini.traj.json'))).trajectories;
  const cmds = commands(t);
  assert.deepEqual(
    cmds.slice(0, 2).map((c) => c.exitCode),
    [0, 127],
  );
  assert.equal(cmds[1].output, 'bash: line 1: ss: command not found\n');
  assert.equal(cmds[10].exitCode, 124);
  assert.equal(cmds[17].exitCode, null); // the submission has no <returncode>
  assert.equal(t.model, 'anthropic/claude-sonnet-4-20250514');
  assert.equal(t.steps[1].thought, 'Let me read the health check script first.');
});

test('old SWE-agent schema: state as a JSON string, a corrupt step reported by line, exit markers are not commands', () => {
  const file = load(path.join(fixtures, 'old-format.traj'));
  const res = sweAgentReader.read(file);
  const [t] = res.trajectories;
  assert.deepEqual(
    commands(t).map((c) => c.text),
    ['ls -la\n', 'edit 3:3\n    return a / b\nend_of_edit\n', "python -c 'import calc; print(calc.div(4, 2))'\n"],
  );
  assert.equal(t.issues.length, 1);
  assert.equal(t.issues[0].entry, 'trajectory[1]');
  const lines = file.text().split('\n');
  assert.ok(lines[t.issues[0].line! - 1].trim().startsWith('{'));
  assert.ok(lines[t.issues[0].line!].includes('"action": 42'));
  const last = t.steps[t.steps.length - 1];
  assert.equal(last.commands.length, 0);
  assert.match(last.notes![0], /exit_cost/);
  assert.equal(t.meta?.exitStatus, 'submitted (exit_cost)');
  assert.equal(t.id, 'old-format');
});

test('mini-swe-agent bare list: ```bash blocks, a two-block reply does not run, timeouts keep the command', () => {
  const [t] = miniSweAgentReader.read(load(path.join(fixtures, 'mini-bare.json'))).trajectories;
  const cmds = commands(t);
  assert.deepEqual(
    cmds.map((c) => c.text),
    [
      'cat deploy/supervisord.conf',
      "sed -i 's/autorestart=false/autorestart=true/' deploy/supervisord.conf && supervisorctl update",
      'sleep 1000',
      'echo MINI_SWE_AGENT_FINAL_OUTPUT && git diff',
    ],
  );
  // The timeout has no code but is a failure (1); the submission has no <returncode>.
  assert.deepEqual(
    cmds.map((c) => c.exitCode),
    [0, 2, 1, null],
  );
  assert.equal(cmds[0].output, '[program:worker]\nautorestart=false\n');
  assert.match(cmds[2].output, /timed out/);
  const twoBlocks = t.steps.find((s) => s.thought.startsWith('Two things'))!;
  assert.equal(twoBlocks.commands.length, 0);
  assert.match(twoBlocks.notes!.join('\n'), /2 command blocks/);
});

test('mini-swe-agent 2.x tool calls: extra.actions, results matched by tool_call_id, timestamps', () => {
  const [t] = miniSweAgentReader.read(load(path.join(fixtures, 'mini-v2-toolcall.traj.json'))).trajectories;
  const cmds = commands(t);
  assert.deepEqual(
    cmds.map((c) => [c.text, c.exitCode]),
    [
      ['nc -z 127.0.0.1 8000', 0],
      ['nc -z 127.0.0.1 8080', 1],
      ['systemctl restart agent && curl -s localhost:8080/health', 0],
    ],
  );
  assert.equal(cmds[2].output, 'ok\n');
  assert.equal(t.steps[1].time, '2026-01-01T00:00:00.500Z');
  assert.equal(t.model, 'example/model-3');
  assert.equal(t.steps[t.steps.length - 1].role, 'environment');
});

test('broken SWE inputs: a cut-off file keeps its complete steps; unreadable ones give FormatError with the line', () => {
  const text = readFileSync(path.join(fixtures, 'old-format.traj'), 'utf8');
  // Cut inside the fourth step: the three complete ones read, the file gets an issue with a line.
  const cutAt = text.indexOf('"python -c');
  const res = sweAgentReader.read(sourceText('cut.traj', text.slice(0, cutAt)));
  assert.deepEqual(
    commands(res.trajectories[0]).map((c) => c.text),
    ['ls -la\n', 'edit 3:3\n    return a / b\nend_of_edit\n'],
  );
  assert.equal(res.issues.length, 1);
  assert.match(res.issues[0].message, /cut off.*3 complete trajectory entries/);
  assert.ok((res.issues[0].line ?? 0) > 20);
  assert.equal(res.trajectories[0].issues.length, 1, 'the corrupt step is still reported');
  // Cut inside the first step: nothing to keep.
  assert.throws(
    () => sweAgentReader.read(sourceText('cut.traj', text.slice(0, 120))),
    (e: unknown) => e instanceof FormatError && e.format === 'swe-agent' && (e.line ?? 0) > 1 && /truncated/.test(e.message),
  );
  assert.throws(
    () => sweAgentReader.read(sourceText('x.traj', '{"environment": "main"}')),
    (e: unknown) => e instanceof FormatError && /no "trajectory" or "history"/.test(e.message),
  );
  assert.throws(
    () => miniSweAgentReader.read(sourceText('x.json', '{"info": {}}')),
    (e: unknown) => e instanceof FormatError && e.format === 'mini-swe-agent',
  );
  assert.throws(
    () => miniSweAgentReader.read(sourceText('x.json', '[{"role": "us')),
    (e: unknown) => e instanceof FormatError && e.line === 1,
  );
  const cutMini = miniSweAgentReader.read(sourceText('x.json', '[{"role": "user", "content": "a"},\n{"role": "assistant", "content": "```bash\\nls\\n```"},\n{"role": '));
  assert.equal(cutMini.issues[0].line, 3);
  assert.deepEqual(
    commands(cutMini.trajectories[0]).map((c) => c.text),
    ['ls'],
  );
  // Wrong shapes inside a good file become issues.
  const odd = miniSweAgentReader.read(sourceText('odd.json', JSON.stringify([null, { role: 'assistant', content: '```bash\nls\n```' }, 'x'])));
  assert.equal(commands(odd.trajectories[0]).length, 1);
  assert.equal(odd.trajectories[0].issues.length, 2);
});

test('sniffing: SWE-agent and mini-swe-agent files go to their readers, whatever their names', { skip: !hasShared }, () => {
  const cases: [string, string][] = [
    [path.join(real, '6e44b9__sweagenttestrepo-1c2844.traj'), 'swe-agent'],
    [path.join(real, 'function_calling_simple.traj'), 'swe-agent'],
    [path.join(labelled, 'benign-bugfix.traj'), 'swe-agent'],
    [path.join(labelled, 'port-probes-mini.traj.json'), 'mini-swe-agent'],
    [path.join(fixtures, 'old-format.traj'), 'swe-agent'],
    [path.join(fixtures, 'mini-bare.json'), 'mini-swe-agent'],
    [path.join(fixtures, 'mini-v2-toolcall.traj.json'), 'mini-swe-agent'],
  ];
  for (const [p, id] of cases) {
    assert.equal(detectReader(sourceFile('renamed.json', new Uint8Array(readFileSync(p)))).reader?.id, id, p);
  }
});

test('labelled files scored end to end (read + analysis): precision and recall >= 0.95, outcomes right', { skip: !hasShared }, async () => {
  await initAnalysis();
  for (const f of ['benign-bugfix.traj', 'port-probes-mini.traj.json']) {
    const score = scoreLabelled(f);
    assert.deepEqual(score.unmatchedLabels, [], f);
    assert.ok(score.precision >= 0.95 && score.recall >= 0.95, `${f}: P ${score.precision} R ${score.recall} ${JSON.stringify(score.mistakes)}`);
    for (const o of score.outcomes) assert.equal(o.got, o.expected, f);
  }
});

test('never crashes: random cuts and byte flips give a result or a FormatError', () => {
  const inputs = [
    [sweAgentReader, readFileSync(path.join(fixtures, 'old-format.traj'), 'utf8')],
    [miniSweAgentReader, readFileSync(path.join(fixtures, 'mini-bare.json'), 'utf8')],
    [miniSweAgentReader, readFileSync(path.join(fixtures, 'mini-v2-toolcall.traj.json'), 'utf8')],
  ] as const;
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 }), fc.constantFrom('"', '{', ']', ',', 'x', '\\', '\u0000'), (a, b, which, ch) => {
      const [reader, text] = inputs[which];
      const at = a % text.length;
      const variants = [text.slice(0, at), text.slice(0, at) + ch + text.slice(at + 1), text.slice(0, at) + text.slice(at + (b % 50))];
      for (const v of variants) {
        try {
          const res = reader.read(sourceText('fuzz.json', v));
          assert.equal(res.trajectories.length, 1);
        } catch (e) {
          if (!(e instanceof FormatError)) throw e;
        }
      }
    }),
    { numRuns: 300 },
  );
});
