// The byte reader of Python dicts (py-bytes.ts) against parsePyLiteral, which it stands in for
// in the common case: wherever it returns a value, that value is parsePyLiteral's; and it does
// return one for what Python's repr writes, or it would never save any work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePyLiteral } from '../../src/core/formats/py-literal';
import { PyBytes, readStringDict, unescapePy } from '../../src/core/formats/py-bytes';

const enc = new TextEncoder();

/** readStringDict on the UTF-8 of `text` (the whole text as the limit), and parsePyLiteral's reading. */
function both(text: string, want?: (k: string) => boolean): { fast: Record<string, string> | null; slow: unknown } {
  const bytes = enc.encode(text);
  const start = text.indexOf('{');
  const fast = start < 0 ? null : readStringDict(new PyBytes(bytes), enc.encode(text.slice(0, start)).length, bytes.length, want);
  let slow: unknown;
  try {
    slow = parsePyLiteral(text, Math.max(start, 0)).value;
  } catch (e) {
    slow = e;
  }
  return { fast, slow };
}

/** Python's repr of a str (what logging writes inside a dict). */
function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

// By code point: a lone surrogate has no UTF-8 of its own.
const chars = fc.constantFrom(...Array.from('ab Z09_-:/.,{}[]()\'"\\\n\t\r\u0001\u007féأ█\u2028\u00a0😀x'));
const text = fc.array(chars, { maxLength: 40 }).map((a) => a.join(''));

test('a dict written by repr reads as parsePyLiteral reads it', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('status', 'stdout', 'stderr', 'terminal_info', 'k'), text), { maxLength: 5 }), (entries) => {
      const literal = `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
      const { fast, slow } = both(literal);
      assert.notEqual(fast, null, `repr's output is in the subset: ${literal}`);
      assert.deepEqual(fast, slow);
    }),
    { numRuns: 400 },
  );
});

test('any text: a value, when the byte reader gives one, is parsePyLiteral value', () => {
  // Raw pieces of dicts, quotes, escapes of every kind (\x, \u, \U, unknown, at the end),
  // wrapped lines, adjacent literals, non-ASCII blanks: the byte reader declines what it does
  // not read exactly.
  const piece = fc.constantFrom(
    "'",
    '"',
    '\\',
    '\\x4',
    '\\x41',
    "\\x'",
    '\\u00e9',
    '\\U0001F600',
    '\\q',
    '\\n',
    '\\\n  ',
    '\n',
    ': ',
    ', ',
    '{',
    '}',
    ' ',
    '\u00a0',
    'é',
    'ab',
    "'k'",
    "'v'",
    "'''",
    'b',
  );
  const raw = fc.array(fc.oneof(piece, text), { maxLength: 12 }).map((a) => a.join(''));
  let agreed = 0;
  fc.assert(
    fc.property(raw, (body) => {
      const { fast, slow } = both(`{${body}`);
      if (fast === null) return;
      agreed++;
      assert.deepEqual(fast, slow, `{${body}`);
    }),
    { numRuns: 3000 },
  );
  assert.ok(agreed > 20, `the byte reader read ${agreed} of the generated dicts`);
});

test('only the wanted values are decoded; keys with blanks, prefixes and nesting are left to parsePyLiteral', () => {
  const { fast } = both(`{'status': 'ok', 'stdout': 'a\\nb', 'terminal_info': 'T1: Idle'}`, (k) => k !== 'terminal_info');
  assert.deepEqual(fast, { status: 'ok', stdout: 'a\nb' });
  for (const literal of [`{'command _type': 'x'}`, `{'a': b'x'}`, `{'a': ['x']}`, `{'a': 1}`, `{'a': 'x' 'y'}`, `{'a': 'x\n  y'}`, `{'a': '''x'''}`, `{'a': 'cut off`]) {
    assert.equal(both(literal).fast, null, literal);
  }
});

test('escapes undone as parsePyLiteral undoes them', () => {
  fc.assert(
    fc.property(text, (s) => {
      const body = s.replace(/[\n\r'"]/g, '');
      let slow: string;
      try {
        slow = parsePyLiteral(`'${body}'`).value as string;
      } catch {
        return; // the body escapes its own closing quote
      }
      // parsePyLiteral may read an escape past the quote; compare only where it ends there.
      if (parsePyLiteral(`'${body}'`).end !== body.length + 2) return;
      assert.equal(unescapePy(body), slow);
    }),
    { numRuns: 1000 },
  );
  assert.equal(unescapePy('a\\tb\\x41\\u00e9\\q\\\\'), 'a\tbAé\\q\\');
});
