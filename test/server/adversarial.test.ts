// The language server on a transcript of hostile command lines (issue 15): it answers with
// diagnostics that flag each of them, keeps answering requests, and reads the next document.
// Needs the built server (npm run build); skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { SERVER, startServer, type Server } from './harness';
import { SHAPES, transcript } from '../adversarial/shapes';

const built = existsSync(SERVER);
let server: Server;
let dir: string;

before(async () => {
  if (!built) return;
  dir = mkdtempSync(path.join(tmpdir(), 'rl-adversarial-'));
  server = await startServer();
});

after(async () => {
  if (!built) return;
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The issue's own sizes: 600 levels of ssh quoting (6.6 KB), 2,000 `$(`, 40 KB of `a|a|…`, 20,000 kills. */
const HOSTILE = [
  "ssh h '" + `ssh h '"'"'`.repeat(600) + "kill 1'",
  '$('.repeat(2000),
  'a|'.repeat(20_000) + 'a',
  'echo $('.repeat(2000) + 'kill 1' + ')'.repeat(2000),
  'kill 1;'.repeat(20_000),
];

test('a transcript of hostile lines: flagged in diagnostics, and the server keeps answering', { skip: !built && 'build first' }, async () => {
  const file = path.join(dir, 'hostile.json');
  writeFileSync(file, transcript(HOSTILE, 2));
  const opened = await server.open(file, 'json');
  const unparsed = opened.diagnostics.filter((d) => d.code === 'unparsed-command' || d.code === 'parse-limit');
  // Each shaped line over a bound is flagged on its own line (20,000 kills are within every bound),
  // and says whether a bound or the grammar stopped it.
  const lines = opened.text.split('\n');
  const said: string[] = [];
  for (const text of HOSTILE.slice(0, 4)) {
    const line = lines.findIndex((l) => l.includes(JSON.stringify(JSON.stringify({ command: text })).slice(1, 40)));
    assert.ok(line >= 0);
    const d = unparsed.find((x) => x.range.start.line === line);
    assert.ok(d, `line ${line + 1} (${text.slice(0, 20)}…) is flagged`);
    said.push(`${d.code}: ${d.message}`);
  }
  // 600 levels of ssh: a bound on code handed on, not a syntax error.
  assert.match(said[0], /^parse-limit: A parser limit, not a syntax error, .*handed on more than \d+ levels/);
  for (const s of said) assert.match(s, /^(parse-limit: A parser limit|unparsed-command: This command did not parse as shell)/);
  // The last command, after all of them, still has its finding.
  const kills = opened.diagnostics.filter((d) => d.code === 'process-kill');
  const lastKill = lines.map((l) => l.includes('{\\"command\\":\\"kill 1\\"}')).lastIndexOf(true);
  assert.ok(
    kills.some((d) => d.range.start.line === lastKill),
    'the kill after the hostile lines is found',
  );

  // Still answering: the outline of this file, then a new document.
  const symbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: opened.uri } });
  assert.ok(symbols.length > 0);
  const plain = path.join(dir, 'plain.json');
  writeFileSync(plain, transcript('nohup python3 server.py --port 8001 &', 2));
  const next = await server.open(plain, 'json');
  assert.ok(next.diagnostics.some((d) => d.code === 'process-launch'));
  assert.equal(server.proc.exitCode, null, `the server is alive; stderr: ${server.stderr().slice(-500)}`);
});

test('every shape of the unit suite, at 16 KB, in one document', { skip: !built && 'build first' }, async () => {
  const file = path.join(dir, 'shapes.json');
  writeFileSync(
    file,
    transcript(
      SHAPES.map((s) => s.build(16_000)),
      2,
    ),
  );
  const opened = await server.open(file, 'json');
  const flagged = opened.diagnostics.filter((d) => d.code === 'unparsed-command' || d.code === 'parse-limit').length;
  assert.ok(flagged >= SHAPES.filter((s) => s.flagged).length, `${flagged} flagged`);
  const symbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: opened.uri } });
  assert.ok(symbols.length > 0);
});
