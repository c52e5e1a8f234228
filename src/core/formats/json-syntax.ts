// The one JSON syntax scanner: where a text stops being one JSON value and why (for the
// messages of a file that does not parse: describe.ts for a file no reader claims,
// json-positions.ts for a reader's "not valid JSON at line N"), and the string skip the
// structural scanners (json-positions, json-elements) share. Linear, explicit stack: any depth
// and size are safe.

/**
 * Offset of the closing quote of the string that opens at `pos`, or -1 when the text ends
 * first. Jumps from quote to quote with indexOf: long strings cost next to nothing.
 */
export function stringEnd(text: string, pos: number): number {
  let j = pos + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let k = j - 1;
    while (text.charCodeAt(k) === 0x5c) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j++;
  }
}

export interface JsonSyntaxError {
  /** Offset (UTF-16 units) into the text. */
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/**
 * Where and why `s` is not one JSON value (RFC 8259), or null when it is one: a linear scan
 * with an explicit stack, so any depth and size are safe.
 */
export function jsonSyntaxError(s: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let exp: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after' = 'value';
  const open = () => (stack.length === 1 ? 'an open ' + (stack[0] === '{' ? 'object' : 'array') : `${stack.length} open objects/arrays`);
  for (;;) {
    WS.lastIndex = i;
    WS.test(s);
    i = WS.lastIndex;
    if (i >= s.length) {
      if (exp === 'after' && !stack.length) return null;
      if (!stack.length) return { offset: i, reason: 'no JSON value (the text is only blank space)' };
      return { offset: i, reason: `the text ends inside ${open()} (truncated?)` };
    }
    const c = s[i];
    switch (exp) {
      case 'value':
      case 'value-or-close':
        if (exp === 'value-or-close' && c === ']') {
          stack.pop();
          exp = 'after';
          i++;
        } else if (c === '{' || c === '[') {
          stack.push(c);
          exp = c === '{' ? 'key-or-close' : 'value-or-close';
          i++;
        } else if (c === '"') {
          const e = scanString(s, i);
          if (typeof e !== 'number') return e;
          i = e;
          exp = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(s)) return { offset: i, reason: 'a malformed number' };
          i = NUMBER.lastIndex;
          exp = 'after';
        } else {
          const lit = ['true', 'false', 'null'].find((w) => s.startsWith(w, i));
          if (lit) {
            i += lit.length;
            exp = 'after';
          } else if (['true', 'false', 'null'].some((w) => s.length - i < w.length && w.startsWith(s.slice(i)))) {
            return { offset: s.length, reason: `the text ends inside ${stack.length ? open() : 'a value'} (truncated?)` };
          } else {
            return { offset: i, reason: `unexpected ${show(c)} where a value was expected` };
          }
        }
        break;
      case 'key':
      case 'key-or-close':
        if (exp === 'key-or-close' && c === '}') {
          stack.pop();
          exp = 'after';
          i++;
        } else if (c === '"') {
          const e = scanString(s, i);
          if (typeof e !== 'number') return e;
          i = e;
          exp = 'colon';
        } else {
          return { offset: i, reason: `unexpected ${show(c)} where a property name in double quotes was expected` };
        }
        break;
      case 'colon':
        if (c !== ':') return { offset: i, reason: `unexpected ${show(c)} where ':' after a property name was expected` };
        exp = 'value';
        i++;
        break;
      case 'after': {
        if (!stack.length) return { offset: i, reason: `unexpected ${show(c)} after the end of the JSON value` };
        const top = stack[stack.length - 1];
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          exp = top === '{' ? 'key' : 'value';
          i++;
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return { offset: i, reason: `unexpected ${show(c)} where ',' or '${close}' was expected` };
        }
        break;
      }
    }
  }
}

/** The offset just after the string starting at `i` (a `"`), or why it is not one. */
function scanString(s: string, i: number): number | JsonSyntaxError {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { offset: j, reason: `a raw control character (${show(s[j])}) inside a string` };
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) {
          if (j + 6 > s.length) break;
          return { offset: j, reason: 'a malformed \\u escape inside a string' };
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) {
        j++;
      } else {
        return { offset: j, reason: `an invalid escape \\${e} inside a string` };
      }
    }
  }
  return { offset: s.length, reason: 'the text ends inside a string (truncated?)' };
}

function show(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${c}'`;
}

/** 1-based line and column of an offset (lines end at LF, CRLF or a lone CR). */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(k + 1) !== 0x0a)) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
