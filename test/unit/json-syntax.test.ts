// One JSON syntax scanner (json-syntax.ts) says where and why a text is not JSON, for a file no
// reader claims (describe.ts) and for a reader's own "not valid JSON" (json-positions.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonLenient } from '../../src/core/formats/json-positions';
import { jsonSyntaxError, stringEnd } from '../../src/core/formats/json-syntax';
import { readFile, sourceText } from '../../src/core/formats';

function parseError(text: string): SyntaxError & { line?: number } {
  try {
    parseJsonLenient(text);
  } catch (e) {
    return e as SyntaxError & { line?: number };
  }
  assert.fail(`parsed: ${text}`);
}

test("a reader's JSON error names the line and the scanner's reason", () => {
  const e = parseError('{\n  "a": 1,\n  "b": x\n}');
  assert.equal(e.line, 3);
  assert.match(e.message, /^at line 3: unexpected 'x' where a value was expected \(/);
  const cut = parseError('{"trajectory": [\n {"action": "ls"},\n {"action": "pw');
  assert.equal(cut.line, 3);
  assert.match(cut.message, /^at line 3: the text ends inside a string \(truncated\?\)/);
  // NaN is Python's, read as a string; the error after it is still found.
  assert.match(parseError('{"a": NaN,\n"b": }').message, /^at line 2: unexpected '\}' where a value was expected/);
});

test('the same reason reaches a file no reader claims and a reader that cannot parse', () => {
  const text = '{"trajectory": [{"action": "ls", "observation": "x"}, {"action": "pwd", "observation": oops}]}';
  assert.equal(jsonSyntaxError(text)?.reason, "unexpected 'o' where a value was expected");
  const read = readFile(sourceText('run.traj', text));
  assert.ok(
    read.issues.some((i) => /at line 1: unexpected 'o' where a value was expected/.test(i.message)),
    JSON.stringify(read.issues),
  );
});

test('stringEnd skips escaped quotes and backslashes', () => {
  const t = '"a\\"b\\\\" rest';
  assert.equal(stringEnd(t, 0), 7);
  assert.equal(stringEnd('"abc', 0), -1);
});
