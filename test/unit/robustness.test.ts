// Bad input never crashes: random bytes, truncated and mangled logs each give a result or a
// clear FormatError (fast-check property tests).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { FormatError } from '../../src/core/formats';
import { parseShell } from '../../src/core/shell/parser';
import { analyzeCommand } from '../../src/core/analysis/command';

before(() => initAnalysis());
const log = readFileSync(join(__dirname, '../fixtures/chatbot/quirks.chatbot.log'));

/** Either an analysis or a FormatError with a message; anything else fails the property. */
function readsOrExplains(bytes: Uint8Array): void {
  try {
    const a = analyzeBytes('fuzz', bytes);
    assert.equal(a.schema, 'replication-lens/analysis@1');
    JSON.stringify(a);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    assert.ok(e.message.length > 10);
  }
}

test('random bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), readsOrExplains), { numRuns: 300 });
});

test('random text with a chatbot record prefix', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 500 }), (s) => readsOrExplains(Buffer.from(`2025-01-01 00:00:00 - Chatbot - INFO - ${s}`))),
    { numRuns: 300 },
  );
});

test('a chatbot log cut anywhere', () => {
  fc.assert(
    fc.property(fc.nat({ max: log.length }), (n) => readsOrExplains(log.subarray(0, n))),
    { numRuns: 200 },
  );
});

test('a chatbot log with bytes changed', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: log.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }), (edits) => {
      const b = Buffer.from(log);
      for (const [i, v] of edits) b[i] = v;
      readsOrExplains(b);
    }),
    { numRuns: 200 },
  );
});

test('a chatbot log with lines dropped or repeated', () => {
  const lines = log.toString('utf8').split('\n');
  fc.assert(
    fc.property(fc.array(fc.nat({ max: lines.length - 1 }), { maxLength: 10 }), fc.boolean(), (idx, repeat) => {
      const out = lines.flatMap((l, i) => (idx.includes(i) ? (repeat ? [l, l] : []) : [l]));
      readsOrExplains(Buffer.from(out.join('\n')));
    }),
    { numRuns: 200 },
  );
});

test('any command text parses or falls back, and analyses', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom(...'abc kill -9 $()`\'"|&;<>{}[]\\\n#=*/.:0123456789'.split('')) }), (s) => {
      const p = parseShell(s);
      for (const c of p.commands) {
        assert.ok(c.start >= 0 && c.end <= s.length + 1 && c.start <= c.end, `span ${c.start}-${c.end} of ${s.length}`);
      }
      analyzeCommand({ text: s, output: s, exitCode: null, longRunning: false });
    }),
    { numRuns: 500 },
  );
});

test('programs named like JavaScript object members are programs, not wrappers', () => {
  // `toString -x` once looked up the wrapper table as a plain object and threw.
  const p = parseShell('toString -x 1; constructor -u a b | hasOwnProperty -n 2 && __proto__ -c x');
  assert.deepEqual(
    p.commands.map((c) => [c.name, c.wrappers]),
    [
      ['toString', []],
      ['constructor', []],
      ['hasOwnProperty', []],
      ['__proto__', []],
    ],
  );
  analyzeCommand({ text: 'valueOf -p 1 x', output: '', exitCode: 0, longRunning: false });
});
