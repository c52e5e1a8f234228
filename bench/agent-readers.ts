// Cost of the agent-log readers (OpenHands V0/V1, Claude Code, Codex, OpenAI chat, asciicast)
// against a bare JSON.parse of the same bytes (decoding included on both sides), on generated
// files of about 20 MB whose bytes are mostly command output, as in real logs.
// Run: node --import tsx bench/agent-readers.ts [--steps N]
import { sourceFile, type FormatReader } from '../src/core/formats/types';
import { openhandsReader } from '../src/core/formats/openhands';
import { openhandsV1Reader } from '../src/core/formats/openhands-v1';
import { claudeCodeReader } from '../src/core/formats/claude-code';
import { codexReader } from '../src/core/formats/codex';
import { openaiChatReader } from '../src/core/formats/openai-chat';
import { asciicastReader } from '../src/core/formats/asciicast';

const arg = process.argv.indexOf('--steps');
const n = arg > 0 ? Number(process.argv[arg + 1]) : 12000;
const out = 'x'.repeat(500) + '\n';

function gen(): [FormatReader, string, boolean][] {
  const chat: unknown[] = [{ role: 'user', content: 'go' }];
  const v0: unknown[] = [];
  const v1: string[] = [];
  const claude: string[] = [];
  const codex: string[] = [JSON.stringify({ timestamp: 't', type: 'session_meta', payload: { id: 'x' } })];
  const cast: string[] = [JSON.stringify({ version: 2, width: 80, height: 24 })];
  let t = 0;
  cast.push(JSON.stringify([(t += 0.1), 'o', 'u@h:~$ ']));
  for (let i = 0; i < n; i++) {
    const cmd = `ls -la /srv/${i}`;
    chat.push({
      role: 'assistant',
      content: `step ${i}`,
      tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'bash', arguments: JSON.stringify({ command: cmd }) } }],
    });
    chat.push({ role: 'tool', tool_call_id: `c${i}`, content: out.repeat(3) + '[The command completed with exit code 0.]' });
    v0.push({ id: 2 * i, timestamp: '2025-01-01T00:00:00', source: 'agent', action: 'run', args: { command: cmd, thought: 'x' } });
    v0.push({ id: 2 * i + 1, timestamp: '2025-01-01T00:00:01', source: 'agent', cause: 2 * i, observation: 'run', content: out.repeat(3), extras: { metadata: { exit_code: 0 } } });
    v1.push(
      JSON.stringify({
        id: `a${i}`,
        kind: 'ActionEvent',
        source: 'agent',
        thought: [{ type: 'text', text: 'x' }],
        action: { kind: 'TerminalAction', command: cmd },
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
        message: { id: `m${i}`, role: 'assistant', content: [{ type: 'tool_use', id: `t${i}`, name: 'Bash', input: { command: cmd } }] },
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
      JSON.stringify({ timestamp: 't', type: 'response_item', payload: { type: 'function_call', name: 'exec_command', arguments: JSON.stringify({ cmd }), call_id: `c${i}` } }),
    );
    codex.push(
      JSON.stringify({
        timestamp: 't',
        type: 'response_item',
        payload: { type: 'function_call_output', call_id: `c${i}`, output: `Process exited with code 0\nOutput:\n${out.repeat(3)}` },
      }),
    );
    for (const ch of cmd) {
      cast.push(JSON.stringify([(t += 0.05), 'i', ch]));
      cast.push(JSON.stringify([(t += 0.001), 'o', ch]));
    }
    cast.push(JSON.stringify([(t += 0.1), 'i', '\r']));
    cast.push(JSON.stringify([(t += 0.001), 'o', '\r\n' + out.repeat(3).replace(/\n/g, '\r\n')]));
    cast.push(JSON.stringify([(t += 0.001), 'o', 'u@h:~$ ']));
  }
  return [
    [openhandsReader, JSON.stringify(v0, null, 1), false],
    [openhandsV1Reader, v1.join('\n'), true],
    [claudeCodeReader, claude.join('\n'), true],
    [codexReader, codex.join('\n'), true],
    [openaiChatReader, JSON.stringify(chat, null, 1), false],
    [asciicastReader, cast.join('\n'), true],
  ];
}

function median(fn: () => void, runs = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

for (const [reader, text, jsonl] of gen()) {
  const bytes = new TextEncoder().encode(text);
  const bare = median(() => {
    const t = new TextDecoder().decode(bytes);
    if (jsonl) for (const l of t.split('\n')) JSON.parse(l);
    else JSON.parse(t);
  });
  let cmds = 0;
  const read = median(() => {
    const res = reader.read(sourceFile('bench', bytes));
    cmds = res.trajectories.reduce((k, tr) => k + tr.steps.reduce((m, s) => m + s.commands.length, 0), 0);
  });
  const mb = bytes.length / 1e6;
  console.log(
    `${reader.id.padEnd(13)} ${mb.toFixed(1).padStart(5)} MB  ${String(cmds).padStart(6)} commands  ` +
      `read ${read.toFixed(0).padStart(5)} ms  JSON.parse ${bare.toFixed(0).padStart(5)} ms  ratio ${(read / bare).toFixed(2)}`,
  );
}
