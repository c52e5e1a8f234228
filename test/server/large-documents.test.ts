// A document too large to sync (client.ts sends no text for it, only `diskDocument` open /
// changed / closed): the server reads the file, publishes the top's diagnostics first and then
// the whole file's, the same as for the text sent in full; its features cover the whole file; a
// change on disk is read again; closing clears its diagnostics. Needs the built server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { diskDocumentNotification } from '../../src/protocol/lsp';
import { PREFIX_FROM_BYTES } from '../../src/server/store';
import { generateChatbotLog, writeChatbotLog } from '../../bench/gen-chatbot-log';
import { SERVER, startServer, uriOf, type Server } from './harness';
import { tempDirs } from '../unit/temp-dirs';

const built = existsSync(SERVER) || 'build first';
const temp = tempDirs('rl-large-docs-');
let server: Server;
before(async () => {
  if (built === true) server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** Resolves with the next complete set of diagnostics for `uri` after `act`. */
async function after_(uri: string, act: () => Promise<void>): Promise<Diagnostic[]> {
  const next = server.diagnostics(uri);
  await act();
  return next;
}

/** What a diagnostic says and where, for comparing two documents' sets. */
const key = (d: Diagnostic) => JSON.stringify([d.range, d.code, d.message, d.severity]);

test('a log served from its file: the top first, then the same diagnostics as its text gives', { skip: built !== true && built }, async () => {
  const dir = temp();
  const file = join(dir, 'day.chatbot.log');
  const stats = writeChatbotLog(file, { rounds: 900, seed: 11 });
  assert.ok(stats.bytes > PREFIX_FROM_BYTES, 'large enough to be served from its top first');
  const copy = join(dir, 'copy.chatbot.log');
  copyFileSync(file, copy);

  // The same content sent as text, for comparison.
  const asText = await server.open(copy, 'chatbot-log');
  assert.ok(asText.diagnostics.length > 50);

  const uri = uriOf(file);
  await server.conn.sendNotification(diskDocumentNotification, { uri, state: 'open' });
  // The top's set is complete first, then the whole file's (server.ts logs each).
  await server.until(() => server.logs.some((l) => l.startsWith(`${uri} whole file: `)));
  const all = await server.diagnostics(uri, false);
  assert.deepEqual(all.map(key), asText.diagnostics.map(key), 'the file gives what its text gives');
  const published = server.history.get(uri)!;
  assert.ok(published.length >= 2, 'the top, then the whole');
  assert.ok(published[0].diagnostics.length < all.length, 'the top first');
  const topLines = Math.max(...published[0].diagnostics.map((d) => d.range.end.line));
  assert.ok(topLines < readFileSync(file, 'utf8').split('\n').length / 4, 'from the top of the file');

  // The editor's features answer for the whole file, not its top.
  const symbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const textSymbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: asText.uri } });
  assert.equal(symbols.length, textSymbols.length);

  // The file grows (a live log, reloaded by VS Code): read again, the new round is a step.
  const round = generateChatbotLog({ rounds: 1, seed: 3 })
    .text.split('\n')
    .filter((l) => !/Updating system prompt|Registering tool|Processing user input|Prepared input data|Task finished/.test(l));
  const oldLines = readFileSync(file, 'utf8').split('\n').length;
  const grown = await after_(uri, async () => {
    appendFileSync(
      file,
      round
        .slice(round.findIndex((l) => l.includes('Round 1:')))
        .join('\n')
        .replace('Round 1:', 'Round 901:') + '\n',
    );
    await server.conn.sendNotification(diskDocumentNotification, { uri, state: 'changed' });
  });
  const more = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(more.length, symbols.length + 1, 'one more step');
  assert.ok(more.at(-1)!.range.start.line >= oldLines - 2, 'the new step is the appended round');
  assert.ok(grown.length >= all.length);

  // Closed: its diagnostics are cleared.
  const before = server.history.get(uri)!.length;
  await server.conn.sendNotification(diskDocumentNotification, { uri, state: 'closed' });
  await server.until(() => server.history.get(uri)!.length > before);
  assert.deepEqual(server.history.get(uri)!.at(-1)!.diagnostics, []);
});

test('a file no reader claims, served from disk, gets no diagnostics and no symbols', { skip: built !== true && built }, async () => {
  const file = join(temp(), 'notes.log');
  appendFileSync(file, 'just some notes\n'.repeat(1000));
  const uri = uriOf(file);
  const all = await after_(uri, () => server.conn.sendNotification(diskDocumentNotification, { uri, state: 'open' }));
  assert.deepEqual(all, []);
  const symbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
});

/** Semantic tokens as absolute [line, character, length, type, modifiers]. */
function decode(data: number[]): number[][] {
  const out: number[][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] ? data[i + 1] : char + data[i + 1];
    out.push([line, char, data[i + 2], data[i + 3], data[i + 4]]);
  }
  return out;
}

test('semantic tokens for a range of lines: those of the whole document on those lines', { skip: built !== true && built }, async () => {
  const file = join(temp(), 'range.chatbot.log');
  writeChatbotLog(file, { rounds: 120, seed: 5 });
  const doc = await server.open(file, 'chatbot-log');
  const full = decode((await server.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: doc.uri } })).data);
  assert.ok(full.length > 20);
  const lines = doc.text.split('\n').length;
  let found = 0;
  for (const [from, to] of [
    [0, 40],
    [Math.floor(lines / 3), Math.floor(lines / 3) + 60],
    [lines - 50, lines],
  ]) {
    const range = { start: { line: from, character: 0 }, end: { line: to, character: 0 } };
    const part = decode((await server.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/range', { textDocument: { uri: doc.uri }, range })).data);
    assert.deepEqual(
      part,
      full.filter((t) => t[0] >= from && t[0] <= to),
      `lines ${from}-${to}`,
    );
    found += part.length;
  }
  assert.ok(found > 0, 'the ranges hold tokens');
});
