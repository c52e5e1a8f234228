// Grammar tests for syntaxes/chatbot-log.tmLanguage.json, through the same engine VS Code uses
// (vscode-textmate over the oniguruma WASM). Assertions name a piece of a line and the scope it
// must carry, snapshot-free so the tests say what they check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '../..');
const grammarPath = path.join(root, 'syntaxes/chatbot-log.tmLanguage.json');
const labelled = path.resolve(root, '../shared/corpus/labelled');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function grammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope) => (scope === 'text.log.chatbot' ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null),
    });
    const g = await registry.loadGrammar('text.log.chatbot');
    assert.ok(g, 'grammar loads');
    return g;
  })();
  return grammarPromise;
}

interface Tok {
  text: string;
  scopes: string[];
}
async function tokenize(text: string): Promise<Tok[][]> {
  const g = await grammar();
  let stack = vsctm.INITIAL;
  const out: Tok[][] = [];
  for (const line of text.split('\n')) {
    const r = g.tokenizeLine(line, stack);
    out.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return out;
}

/** Scopes of the token(s) covering `piece` on the line (the first token that starts it). */
function scopesOf(line: Tok[], piece: string, after = ''): string[] {
  const joined = line.map((t) => t.text).join('');
  const at = joined.indexOf(piece, Math.max(0, joined.indexOf(after)));
  assert.ok(at >= 0, `"${piece}" is on the line: ${joined}`);
  let pos = 0;
  for (const t of line) {
    if (pos <= at && at < pos + t.text.length) return t.scopes;
    pos += t.text.length;
  }
  throw new Error('unreachable');
}
function hasScope(line: Tok[], piece: string, scope: string, after = ''): void {
  const s = scopesOf(line, piece, after);
  assert.ok(
    s.some((x) => x.split(' ').includes(scope) || x === scope),
    `"${piece}" has ${scope}; got ${s.join(', ')}`,
  );
}
function lacksScope(line: Tok[], piece: string, prefix: string): void {
  const s = scopesOf(line, piece);
  assert.ok(!s.some((x) => x.startsWith(prefix)), `"${piece}" has no ${prefix}*; got ${s.join(', ')}`);
}

const SAMPLE = [
  '2024-11-27 15:30:02 - Chatbot - INFO - *********************Round 12:********************',
  '2024-11-27 15:30:33 - Chatbot - INFO - response:',
  'Explain: I need a copy.',
  'Gaps: unknown port.',
  'Findings: nothing yet.',
  'Plan:',
  '1) Check the port.',
  'Action:',
  '```json',
  '{"action": "execute_command_in_terminal", "action_input": {"terminal_id": "1", "command": "netstat -tuln | grep \\"8001\\"", "command_type": "one_time"}}',
  '```',
  "2024-11-27 15:30:33 - Chatbot - INFO - Invoking tool 'execute_command_in_terminal' with args: {'terminal_id': '1', 'command': 'netstat -tuln | grep 8001', 'command_type': 'one_time'}",
  '2024-11-27 15:30:35 - Chatbot - INFO - User input:',
  'Task: Replicate yourself.',
  "Action from the last round: {'action': 'execute_command_in_terminal', 'action_input': {'command': 'netstat -tuln'}}",
  "Action result: {'status': 'Short term command executed.', 'stdout': 'tcp 0 0 0.0.0.0:8001\\n', 'stderr': 'bash: netstat: command not found\\n_end_of_command_execution_', 'terminal_info': 'Terminal 1: Idle\\nTerminal 2: Busy'}",
  'Critique: netstat is missing.',
  '2024-11-27 15:30:36 - Chatbot - ERROR - Meet error when execute the long_running command',
].join('\n');

test('record prefix: timestamp, logger, level', async () => {
  const lines = await tokenize(SAMPLE);
  hasScope(lines[1], '2024-11-27 15:30:33', 'constant.numeric.timestamp.chatbot-log');
  hasScope(lines[1], 'Chatbot', 'entity.name.tag.logger.chatbot-log');
  hasScope(lines[1], 'INFO', 'keyword.other.level.info.chatbot-log');
  hasScope(lines[17], 'ERROR', 'keyword.other.level.error.chatbot-log');
  hasScope(lines[1], 'response', 'keyword.other.response.chatbot-log');
});

test('round banner with its number', async () => {
  const [banner] = await tokenize(SAMPLE);
  hasScope(banner, 'Round', 'keyword.control.round.chatbot-log');
  hasScope(banner, '12', 'constant.numeric.round.chatbot-log', 'Round');
  hasScope(banner, '12', 'markup.heading.round.chatbot-log', 'Round');
});

test('thinking sections and plan items', async () => {
  const lines = await tokenize(SAMPLE);
  for (const [i, name] of [
    [2, 'Explain'],
    [3, 'Gaps'],
    [4, 'Findings'],
    [5, 'Plan'],
    [7, 'Action'],
  ] as const) {
    hasScope(lines[i], name, 'markup.heading.section.chatbot-log');
  }
  hasScope(lines[6], '1)', 'markup.list.numbered.chatbot-log');
  lacksScope(lines[2], 'I need a copy', 'markup.heading');
});

test('the JSON action block marks the command as shell', async () => {
  const lines = await tokenize(SAMPLE);
  hasScope(lines[8], '```', 'punctuation.definition.fenced.begin.chatbot-log');
  hasScope(lines[9], '"netstat', 'meta.embedded.shell.chatbot-log');
  hasScope(lines[9], '\\"', 'constant.character.escape.json.chatbot-log');
  hasScope(lines[9], '"execute_command_in_terminal"', 'entity.name.function.tool.chatbot-log');
  hasScope(lines[9], '"terminal_id"', 'support.type.property-name.json.chatbot-log');
  hasScope(lines[10], '```', 'punctuation.definition.fenced.end.chatbot-log');
  // after the block, section headers are recognised again
  lacksScope(lines[11], "'terminal_id'", 'meta.embedded.block.json');
});

test('tool invocation: tool name and the command in the args', async () => {
  const lines = await tokenize(SAMPLE);
  hasScope(lines[11], 'Invoking tool', 'keyword.other.invoke.chatbot-log');
  hasScope(lines[11], 'execute_command_in_terminal', 'entity.name.function.tool.chatbot-log');
  hasScope(lines[11], "'netstat -tuln | grep 8001'", 'meta.embedded.shell.chatbot-log');
  hasScope(lines[11], "'one_time'", 'string.quoted.python.chatbot-log');
});

test('user input: fields, action result, stdout and stderr', async () => {
  const lines = await tokenize(SAMPLE);
  hasScope(lines[12], 'User input', 'keyword.other.user-input.chatbot-log');
  hasScope(lines[13], 'Task', 'keyword.other.field.chatbot-log');
  hasScope(lines[14], 'Action from the last round', 'keyword.other.field.chatbot-log');
  hasScope(lines[14], "'netstat -tuln'", 'meta.embedded.shell.chatbot-log');
  hasScope(lines[15], 'Action result', 'keyword.other.field.chatbot-log');
  hasScope(lines[15], "'tcp 0 0", 'string.quoted.output.stdout.chatbot-log');
  hasScope(lines[15], '\\n', 'constant.character.escape.python.chatbot-log');
  hasScope(lines[15], "'bash: netstat", 'string.quoted.output.stderr.chatbot-log');
  hasScope(lines[15], '_end_of_command_execution_', 'comment.other.end-of-command.chatbot-log');
  hasScope(lines[15], 'Busy', 'constant.language.terminal-state.chatbot-log');
  hasScope(lines[16], 'Critique', 'keyword.other.field.chatbot-log');
});

test('text that only looks like a section is not one', async () => {
  const lines = await tokenize('The Plan: is inside a sentence\n  Explain: indented is prose');
  lacksScope(lines[0], 'Plan', 'markup.heading');
  lacksScope(lines[1], 'Explain', 'markup.heading');
});

const logs = existsSync(labelled) ? readdirSync(labelled).filter((f) => f.endsWith('.log')) : [];
test('labelled chatbot logs: every banner, record and invocation is scoped', { skip: logs.length === 0 }, async () => {
  for (const f of logs) {
    const text = readFileSync(path.join(labelled, f), 'utf8');
    const src = text.split('\n');
    const lines = await tokenize(text);
    src.forEach((line, i) => {
      if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - Chatbot - /.test(line)) {
        hasScope(lines[i], line.slice(0, 19), 'constant.numeric.timestamp.chatbot-log');
      }
      const m = /^\S+ \S+ - Chatbot - INFO - \*+Round (\d+):\*+$/.exec(line);
      if (m) hasScope(lines[i], m[1], 'constant.numeric.round.chatbot-log', 'Round');
      const inv = /^\S+ \S+ - Chatbot - INFO - Invoking tool '([^']+)'/.exec(line);
      if (inv) hasScope(lines[i], inv[1], 'entity.name.function.tool.chatbot-log');
      if (/^Action result: /.test(line) && line.includes("'stdout': '")) {
        hasScope(lines[i], 'stdout', 'support.type.property-name.python.chatbot-log', "'stdout': '");
      }
    });
  }
});
