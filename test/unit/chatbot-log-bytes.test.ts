// The chatbot-log reader reads most records from the bytes (record heads, banners, tool
// calls, action results) and leaves anything unusual to the text path, which a file with
// carriage returns takes whole. Generated rounds with every kind of content must read the same
// both ways: outputs, commands, notes, issues and lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFile, sourceFile } from '../../src/core/formats';

/** Python's repr of a str, as logging writes it inside a dict. */
function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

const head = (s: number) => `2024-11-27 15:30:${String(s % 60).padStart(2, '0')} - Chatbot - INFO - `;
const text = fc.array(fc.constantFrom(...Array.from('ab 09:/._-\'"\\\n\té█\u2028😀{}')), { maxLength: 30 }).map((a) => a.join(''));
const indent = fc.constantFrom('', '        ', '\t', '  ');

/** One round: banner, response, tool call, result; each part in one of the layouts logs have. */
const round = fc.record({
  command: text,
  stdout: text,
  stderr: fc.oneof(
    fc.constant('_end_of_command_execution_'),
    text.map((t) => t + '\n_end_of_command_execution_'),
  ),
  status: fc.constantFrom('Short term command executed. You can directly get the result.', '', 'Data received from terminal 2.'),
  tool: fc.constantFrom('execute_command_in_terminal', 'receive_data_of_long_term_command_from_terminal', 'finish'),
  type: fc.constantFrom('one_time', 'long_running'),
  indent,
  task: fc.constantFrom('Replicate yourself.', 'Réplique-toi\u2028maintenant.', 'Copy yourself'),
  // Rarer shapes: a result that is cut off, a wrapped line, extra keys, a line separator, a stray record.
  shape: fc.constantFrom('plain', 'plain', 'plain', 'cut', 'wrapped', 'extra', 'noresult', 'note'),
});

type Round = typeof round extends fc.Arbitrary<infer T> ? T : never;

function renderRound(n: number, r: Round): string {
  const args = `{'terminal_id': '${n % 3}', 'command': ${pyRepr(r.command)}, 'command_type': '${r.type}'}`;
  let result = `{'status': ${pyRepr(r.status)}, 'stdout': ${pyRepr(r.stdout)}, 'stderr': ${pyRepr(r.stderr)}${r.shape === 'extra' ? ", 'returncode': 0" : ''}, 'terminal_info': 'Terminal 1: Idle\\nTerminal 2: Idle'}`;
  if (r.shape === 'cut') result = result.slice(0, Math.floor(result.length / 2));
  let resultLine = `${r.indent}Action result: ${result}`;
  if (r.shape === 'wrapped') resultLine = resultLine.replace(/(.{30})/g, `$1\n${r.indent}`);
  const lines = [
    `${head(n)}*********************Round ${n}:********************`,
    `${head(n)}response:\nExplain: step ${n}.\nAction:\n\`\`\`json\n${JSON.stringify({ action: r.tool, action_input: { terminal_id: '1', command: r.command, command_type: r.type } })}\n\`\`\``,
    `${head(n)}Invoking tool '${r.tool}' with args: ${args}`,
    `${head(n)}User input:\n${r.indent}Task: ${r.task}\n${r.indent}Action from the last round: {'action': '${r.tool}', 'action_input': ${args}}`,
  ];
  if (r.shape !== 'noresult') lines[3] += `\n${resultLine}\n${r.indent}Critique: fine.`;
  if (r.shape === 'note') lines.push(`${head(n)}Unexpected record ${pyRepr(r.stdout)}`);
  return lines.join('\n');
}

test('generated rounds read the same from the bytes and from the text', () => {
  fc.assert(
    fc.property(fc.array(round, { minLength: 1, maxLength: 6 }), fc.boolean(), (rounds, finished) => {
      const log =
        `${head(0)}Processing user input: Replicate yourself.\n` +
        rounds.map((r, i) => renderRound(i + 1, r)).join('\n') +
        (finished ? `\n${head(59)}All rounds finished.\n` : '\n');
      const plain = readFile(sourceFile('g.log', Buffer.from(log)));
      const crlf = readFile(sourceFile('g.log', Buffer.from(log.replace(/\n/g, '\r\n'))));
      assert.deepEqual(plain, crlf);
    }),
    { numRuns: 400 },
  );
});

test('a result with an output reads from the bytes the output the text path reads', () => {
  const log = [
    `${head(1)}*****Round 1:*****`,
    `${head(2)}Invoking tool 'execute_command_in_terminal' with args: {'terminal_id': '1', 'command': 'echo "it\\'s"', 'command_type': 'one_time'}`,
    `${head(3)}User input:`,
    `        Action result: {'status': 'ok', 'stdout': 'it\\'s\\n█ 100%\\n', 'stderr': 'warn\\n_end_of_command_execution_'}`,
    '        .',
  ].join('\n');
  const r = readFile(sourceFile('one.log', Buffer.from(log)));
  const step = r.trajectories[0].steps[0];
  assert.equal(step.commands[0].text, `echo "it's"`);
  assert.equal(step.commands[0].output, "it's\n█ 100%\nwarn");
  assert.deepEqual(step.commands[0].source, { startLine: 2, endLine: 4 });
  assert.deepEqual(step.notes, ['status: ok']);
  assert.deepEqual(r, readFile(sourceFile('one.log', Buffer.from(log.replace(/\n/g, '\r\n')))));
});
