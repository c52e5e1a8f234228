// JSONL read line by line from the bytes (parseJsonlFile) gives what parsing the decoded text
// (parseJsonl(file.text())) gives: the same records, line numbers, issues and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonl, parseJsonlFile } from '../../src/core/formats/jsonl';
import { sourceFile } from '../../src/core/formats/types';

function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function same(bytes: Uint8Array): void {
  const file = sourceFile('t.jsonl', bytes);
  assert.deepEqual(
    outcome(() => parseJsonlFile(file, 'claude-code')),
    outcome(() => parseJsonl(file.text(), 'claude-code')),
    `differs on ${JSON.stringify(new TextDecoder().decode(bytes).slice(0, 80))}`,
  );
}

const enc = (s: string) => new TextEncoder().encode(s);

test('JSONL from bytes matches the text path on the shapes that differ between bytes and text', () => {
  const cases = [
    '',
    '\n\n  \n',
    '{"a":1}\n{"b":2}\n',
    '\uFEFF{"a":1}\r\n\r\n{"b":"ünï ✓ 𝄞"}\r\n',
    '\uFEFF\uFEFF{"a":1}\n',
    '\uFEFF\uFEFF  \n{"a":1}\n',
    '{"a":1}\n\uFEFF{"b":2}\n',
    '{"a":1}\nnot json\n{"c":3}',
    'bad\nworse\n',
    '{"a":1}\r',
    '\t\r\n{"a": [1, 2]}\t',
  ];
  for (const c of cases) same(enc(c));
  // Invalid UTF-8, also just before a line break.
  same(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xe2, 0x82, 0x22, 0x7d, 0x0a, 0x22, 0xe2, 0x0d, 0x0a, 0x22, 0xc3, 0x22]));
});

test('random JSONL files read the same both ways', () => {
  const line = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.string(),
    fc.constantFrom('', ' ', '\r', '\uFEFF', '{'),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), (lines, bom, nl) => {
      same(enc((bom ? '\uFEFF' : '') + lines.join(nl)));
    }),
    { numRuns: 300 },
  );
});
