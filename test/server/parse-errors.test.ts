// Diagnostics of commands the shell parser did not read whole say which stopped it, a bound of
// core/shell/limits.ts (`parse-limit`) or the grammar (`unparsed-command`), and where: the code
// handed on that it stopped in, and for a syntax error the column, as related information.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OVER } from '../../src/core/shell/limits';
import { parseProblem, parseProblemMessage } from '../../src/server/features/parse-errors';
import { FIXTURES, SERVER, startServer } from './harness';

test('every bound of limits.ts is told from a syntax error, nested or not', () => {
  const bounds = Object.entries(OVER).map(([k, v]) => [
    k,
    typeof v === 'string' ? v : (v as (x: number | string) => string)(k === 'stack' ? 'Maximum call stack size exceeded' : 70_001),
  ]);
  assert.ok(bounds.length >= 10);
  for (const [k, why] of bounds) {
    const top = parseProblem(why);
    assert.equal(top.kind, 'limit', `${k}: ${why}`);
    assert.deepEqual(top.via, []);
    const nested = parseProblem(`in bash -c code: in ssh code: ${why}`);
    assert.equal(nested.kind, 'limit', k);
    assert.deepEqual(nested.via, ['bash -c', 'ssh']);
    assert.equal(nested.why, why);
    assert.match(parseProblemMessage(nested), /^A parser limit, not a syntax error, .* in the code handed to bash -c → ssh: /);
  }
  const syntax = parseProblem('does not parse as shell: unexpected ")" at column 12');
  assert.deepEqual(syntax, { kind: 'syntax', why: 'does not parse as shell: unexpected ")" at column 12', via: [], column: 12 });
  assert.equal(parseProblemMessage(syntax), 'This command did not parse as shell: unexpected ")" at column 12; its categories come from a token fallback');
  assert.equal(parseProblem('in eval code: does not parse as shell: missing fi at column 3').kind, 'syntax');
  // A message that only resembles a bound is not one.
  assert.equal(parseProblem(`does not parse as shell: unexpected "${OVER.treeDepth}" at column 1`).kind, 'syntax');
});

test('in the server: a syntax error points at its column (a bound in the server: adversarial.test.ts)', { skip: !existsSync(SERVER) && 'build first' }, async () => {
  const s = await startServer();
  try {
    const broken = await s.open(path.join(FIXTURES, 'broken.chatbot.log'), 'chatbot-log');
    const doc = TextDocument.create('x', 'x', 1, broken.text);
    const d = broken.diagnostics.find((x) => x.code === 'unparsed-command');
    assert.ok(d);
    assert.match(String(d.message), /^This command did not parse as shell: unexpected .* at column (\d+); /);
    const column = Number(/at column (\d+)/.exec(String(d.message))![1]);
    const at = d.relatedInformation?.[0];
    assert.ok(at, 'the place where the grammar stopped');
    assert.equal(at.location.range.start.line, d.range.start.line);
    // The column counts in the command's text: the related place is that character of it.
    assert.equal(doc.getText(at.location.range), "echo 'unterminated"[column - 1]);
  } finally {
    await s.stop();
  }
});
