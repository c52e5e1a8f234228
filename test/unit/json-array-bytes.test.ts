// The byte path for files that are one JSON array (readTopLevelArray) gives what the text path
// (readJsonArray over the decoded file) gives, or declines (null) so the text path can say
// what is wrong; it never accepts a file JSON.parse rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readJsonArray } from '../../src/core/formats/json-elements';
import { piece, readJsonObject, readTopLevelArray } from '../../src/core/formats/json-bytes';
import { findArrays, spanRange } from '../../src/core/formats/json-positions';
import { LineIndex } from '../../src/core/ids';
import { sourceFile } from '../../src/core/formats/types';

function same(text: string): void {
  // As a reader gets it: bytes, and their decoding (which drops a leading byte-order mark).
  const file = sourceFile('t.json', new TextEncoder().encode(text));
  const fast = readTopLevelArray(file);
  let slow: ReturnType<typeof readJsonArray> | null = null;
  try {
    slow = readJsonArray(file.text(), 'openai-chat');
  } catch {
    slow = null;
  }
  let parses = true;
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    parses = false;
  }
  if (!parses) {
    assert.equal(fast, null, `accepted text JSON.parse rejects: ${JSON.stringify(text.slice(0, 80))}`);
    return;
  }
  if (fast === null) {
    assert.ok(!Array.isArray(JSON.parse(text.replace(/^\uFEFF/, ''))), `declined a valid array: ${JSON.stringify(text.slice(0, 80))}`);
    return;
  }
  assert.ok(slow);
  assert.deepEqual(fast.items, slow.items);
  assert.deepEqual(fast.ranges, slow.ranges);
  assert.deepEqual(fast.issues, slow.issues);
}

test('arrays read from bytes match the text path, element lines included', () => {
  const cases = [
    '[]',
    ' \n[ ]\n',
    '\uFEFF[{"a": 1}]',
    '[\n  {"role": "user", "content": "a ] } [ { \\" \\\\"},\n  {\n    "x": [1, 2, {"y": "z"}]\n  }\n]\n',
    '[1, -2.5e3, true, false, null, "s"]',
    '[{"t": "ünïcødé ✓ 𝄞 \\u2028"}, {"t": "line\\nbreak"}]',
    '[\r\n{"a":1}\r\n,\r\n{"b":2}\r\n]',
  ];
  for (const c of cases) same(c);
});

test('irregular arrays are declined, not misread', () => {
  const cases = ['[1,]', '[,1]', '[1 2]', '[{"a":1}] x', '[{"a":1}', '[{"a":"1}]', '{"messages": []}', '[\uFEFF{"a":1}]', '[1}', '[{"a":1},]', '[]]', '  ', ''];
  for (const c of cases) same(c);
});

test('invalid UTF-8 decodes as the whole-file decoder does', () => {
  const bytes = new Uint8Array([0x5b, 0x22, 0xff, 0x61, 0xc3, 0x22, 0x2c, 0x22, 0xe2, 0x82, 0x22, 0x5d]); // ["\xffa\xc3","\xe2\x82"]
  const fast = readTopLevelArray(sourceFile('t.json', bytes));
  assert.deepEqual(fast?.items, JSON.parse(new TextDecoder().decode(bytes)));
});

test('random JSON arrays, pretty or compact, read the same both ways', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), fc.constantFrom(undefined, 1, 2, '\t'), (arr, indent) => {
      same(JSON.stringify(arr, null, indent));
    }),
    { numRuns: 300 },
  );
});

/** readJsonObject against JSON.parse of the decoded text and the text scan's element lines. */
function sameObject(text: string): void {
  const file = sourceFile('t.traj', new TextEncoder().encode(text));
  const fast = readJsonObject(file, ['trajectory', 'history']);
  let doc: unknown;
  try {
    doc = JSON.parse(file.text());
  } catch {
    assert.equal(fast, null, `accepted text JSON.parse rejects: ${JSON.stringify(text.slice(0, 80))}`);
    return;
  }
  if (!fast) return; // declined: the text path reads it
  assert.deepEqual(fast.doc, doc);
  assert.deepEqual(Object.keys(fast.doc), Object.keys(doc as object));
  const lines = new LineIndex(file.text());
  for (const [key, read] of fast.arrays) {
    const spans = findArrays(file.text(), [key])[0].elements;
    assert.deepEqual(
      read.ranges,
      spans.map((sp) => spanRange(lines, sp)),
    );
    read.spans.forEach((sp, i) => assert.equal(piece(file, sp), file.text().slice(spans[i].start, spans[i].end)));
  }
}

test('objects read from bytes match JSON.parse, their arrays the text scan', () => {
  const cases = [
    '{}',
    '\uFEFF{"trajectory": [{"action": "ls ✓"}, {"action": "pwd"}], "info": {"x": [1, 2]}}',
    '{\n  "environment": "e",\n  "trajectory": [\n    {"action": "a\\n]"},\n    {"action": "b"}\n  ],\n  "history": []\n}\n',
    '{"trajectory": "not a list", "history": [1]}',
  ];
  for (const c of cases) sameObject(c);
  // Declined: a key twice, __proto__, NaN, text after the object, a broken element.
  for (const c of ['{"a": 1, "a": 2}', '{"__proto__": {"x": 1}}', '{"a": NaN}', '{"a": 1} x', '{"trajectory": [1,]}', '[1]']) {
    assert.equal(readJsonObject(sourceFile('t', new TextEncoder().encode(c)), ['trajectory']), null, c);
  }
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom('trajectory', 'history', 'info', 'x', '0', 'ü'),
        fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })),
      ),
      fc.constantFrom(undefined, 2),
      (o, indent) => sameObject(JSON.stringify(o, null, indent)),
    ),
    { numRuns: 300 },
  );
});
