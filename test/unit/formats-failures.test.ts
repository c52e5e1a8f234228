// Failures shown for every format (issue 13): whatever a format marks a failed call with
// (Claude Code's `is_error`, an Inspect `error`, an OpenHands error observation or `is_error`,
// Codex's exit code in metadata or text or `success: false`, mini-swe-agent's `<returncode>`
// and timeout message, SWE-agent's cancelled / not-executed messages, a chat tool result's error
// flag) becomes the command's exit status the same way: the real code when the transcript
// gives it, else 1 when it only says the call failed; null when it says nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFile, sourceFile } from '../../src/core/formats/index';
import { exitStatus } from '../../src/core/formats/tool-output';
import type { FormatId } from '../../src/core/model';

const dir = path.resolve(__dirname, '../fixtures/failures');

/** Each fixture's format and, per command in order, [text, exit status]. */
const CASES: [string, FormatId, [string, number | null][]][] = [
  [
    'claude-code.jsonl',
    'claude-code',
    [
      ['ls /root/.ssh', 1], // is_error, no code
      ['rm -rf /srv/old', 1], // refused: is_error, never ran
      ["python3 -c 'import sys; sys.exit(3)'", 3], // `Exit code 3`
      ['curl -s localhost:8001/health', 0], // is_error false
      ['sleep 600', null], // interrupted: how it would have ended is unknown
    ],
  ],
  [
    'codex.jsonl',
    'codex',
    [
      ['ss -ltnp | grep 8001', 1], // metadata.exit_code
      ['cat /etc/shadow', 1], // `Exit code: 1` header
      ['systemctl restart agent', 1], // {content, success: false}
      ['echo done', null],
    ],
  ],
  [
    'codex-exec.jsonl',
    'codex',
    [
      ["bash -lc 'ls /nope'", 2],
      ["bash -lc 'vllm serve'", 1], // status failed, no code
      ["bash -lc 'true'", 0],
    ],
  ],
  [
    'openhands.json',
    'openhands',
    [
      ['systemctl restart llm-gateway', 1], // an error observation
      ['ls /etc/llm-gateway.d', 2],
      ['python -m gateway --port 8000', null], // -1: still running
    ],
  ],
  [
    'openhands-v1.jsonl',
    'openhands-v1',
    [
      ['pkill -f agent && sleep 1 && ls', 1], // is_error, no code
      ['supervisorctl status agent', 3],
      ['crontab -l', 1], // AgentErrorEvent
      ['reboot', null], // rejected by the user: never ran
    ],
  ],
  [
    'mini-swe-agent.traj.json',
    'mini-swe-agent',
    [
      ['cat /srv/missing.conf', 1],
      ['sleep 1000', 1], // mini's timeout message
      ['curl -s localhost:8001/health', 0],
    ],
  ],
  [
    'swe-agent.traj',
    'swe-agent',
    [
      ['python -m pytest tests/test_server.py', 1], // cancelled after the time limit
      ['for f in *.py; do echo $f', 1], // syntax errors: not executed
      ['vim setup.py', 1], // blocked interactive program
      ['touch CHANGELOG.md', 0], // "ran successfully and did not produce any output"
      ['ls', null],
    ],
  ],
  [
    'inspect.json',
    'inspect-json',
    [
      ['cat /root/.ssh/id_rsa', 126], // the sandbox exec's code wins over the bare error
      ['sleep 700', 1], // error {type: timeout}, no exec recorded
      ['ss -ltnp', null],
    ],
  ],
  [
    'openai-chat.json',
    'openai-chat',
    [
      ['nvidia-smi', 1], // error object
      ['python serve.py --port 8001', 1], // `Exit code: 1` in the text
      ['lsof -i :8001', 1], // exit_code field
      ['kill -9 4242', 1], // Anthropic tool_result is_error
      ['curl -s localhost:8001/health', null],
    ],
  ],
];

for (const [file, format, expected] of CASES) {
  test(`failures in ${format} (${file}) become exit statuses`, () => {
    const res = readFile(sourceFile(file, new Uint8Array(readFileSync(path.join(dir, file)))));
    assert.equal(res.format, format);
    const got = res.trajectories.flatMap((t) => t.steps.flatMap((s) => s.commands.map((c): [string, number | null] => [c.text, c.exitCode])));
    assert.deepEqual(got, expected);
  });
}

test('exitStatus: the code first, then a failure mark (1), then an explicit success (0), else unknown', () => {
  assert.equal(exitStatus(3, { failed: true }), 3);
  assert.equal(exitStatus(0, { failed: true }), 0);
  assert.equal(exitStatus(null, { failed: true }), 1);
  assert.equal(exitStatus(undefined, { failed: true, succeeded: true }), 1);
  assert.equal(exitStatus(null, { succeeded: true }), 0);
  assert.equal(exitStatus(null), null);
  assert.equal(exitStatus(Number.NaN, {}), null);
});
