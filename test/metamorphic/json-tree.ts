// A JSON value tree that keeps what JSON.parse loses and a layout rewrite must keep: key order
// (integer-like keys included, which JS objects would sort first), the exact text of numbers
// (big ids, 1.0, NaN/Infinity that Python writes), and duplicate keys. Plus a serialiser with
// the layouts tools really write (compact, Python's `, `/`: `, indented by spaces or tabs) and
// string escapes (Python's ensure_ascii, Go's HTML-safe `\u003c`, PHP's `\/`).

import { mulberry32 } from '../../bench/rng';

export class JNum {
  constructor(readonly raw: string) {}
}
export class JObj {
  constructor(public entries: [string, J][]) {}
}
export type J = null | boolean | string | JNum | J[] | JObj;
/** A line that is not JSON (a damaged record): variants keep it as it is, where it is. */
export class Raw {
  constructor(readonly text: string) {}
}
export type Path = (string | number)[];

/** Strict JSON (plus NaN/Infinity); throws a SyntaxError on anything else. */
export function parseTree(text: string): J {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`json-tree: ${what} at offset ${i}`);
  };
  const NUM = /-?(?:Infinity|(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|NaN/y;
  const value = (): J => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, J][] = [];
      ws();
      if (text[i] === '}') return (i++, new JObj(entries));
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = string();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        entries.push([k, value()]);
        ws();
        const d = text[i++];
        if (d === '}') return new JObj(entries);
        if (d !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: J[] = [];
      ws();
      if (text[i] === ']') return (i++, items);
      for (;;) {
        items.push(value());
        ws();
        const d = text[i++];
        if (d === ']') return items;
        if (d !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) return ((i += word.length), v);
    }
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return new JNum(m[0]);
  };
  const string = (): string => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) fail('unterminated string');
      let n = 0;
      for (let k = q - 1; text[k] === '\\'; k--) n++;
      if (n % 2 === 0) {
        const s = JSON.parse(text.slice(i, q + 1)) as string;
        i = q + 1;
        return s;
      }
      j = q + 1;
    }
  };
  const v = value();
  ws();
  if (i !== text.length) fail('text after the value');
  return v;
}

export interface Style {
  /** '' writes one line; else each level is indented by this. */
  indent: string;
  /** Python's json.dumps default: `, ` and `: ` on one line. */
  pythonSeparators?: boolean;
  escape?: 'ensure-ascii' | 'html-safe';
}

export function serialize(v: J, style: Style): string {
  const colon = style.indent || style.pythonSeparators ? ': ' : ':';
  const comma = style.indent ? ',' : style.pythonSeparators ? ', ' : ',';
  const str = (s: string) => escapeString(s, style.escape);
  const out = (x: J, depth: number): string => {
    if (x === null) return 'null';
    if (typeof x === 'boolean') return String(x);
    if (typeof x === 'string') return str(x);
    if (x instanceof JNum) return x.raw;
    const pad = style.indent ? '\n' + style.indent.repeat(depth + 1) : '';
    const end = style.indent ? '\n' + style.indent.repeat(depth) : '';
    if (Array.isArray(x)) {
      if (!x.length) return '[]';
      return `[${x.map((y) => pad + out(y, depth + 1)).join(comma)}${end}]`;
    }
    if (!x.entries.length) return '{}';
    return `{${x.entries.map(([k, y]) => `${pad}${str(k)}${colon}${out(y, depth + 1)}`).join(comma)}${end}}`;
  };
  return out(v, 0);
}

function escapeString(s: string, how: Style['escape']): string {
  const base = JSON.stringify(s);
  const u = (ch: string) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  if (how === 'ensure-ascii') return base.replace(/[^\x00-\x7f]/g, u);
  // Go escapes <, > and & (and U+2028/9); PHP escapes the slash.
  if (how === 'html-safe') return base.replace(/[<>&'\u2028\u2029]/g, u).replace(/\//g, '\\/');
  return base;
}

/**
 * Rebuilds every object's entries, deepest first; `f` gets the object's path (one array
 * shared by the whole walk, valid only during the call: large logs have millions of nodes).
 */
export function mapObjects(v: J, f: (entries: [string, J][], path: Path) => [string, J][], path: Path = []): J {
  if (Array.isArray(v)) {
    return v.map((x, i) => {
      path.push(i);
      const y = mapObjects(x, f, path);
      path.pop();
      return y;
    });
  }
  if (v instanceof JObj) {
    const inner = v.entries.map(([k, x]): [string, J] => {
      path.push(k);
      const y = mapObjects(x, f, path);
      path.pop();
      return [k, y];
    });
    return new JObj(f(inner, path));
  }
  return v;
}

/** A small deterministic generator (the benchmarks' mulberry32), so a shuffled variant is the same every run. */
export const seeded = mulberry32;

export const reverseKeys = (v: J): J => mapObjects(v, (e) => e.slice().reverse());

export function shuffleKeys(v: J, seed: number): J {
  const rand = seeded(seed);
  return mapObjects(v, (e) => {
    const a = e.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  });
}

/** Fields no format defines, added to every object (first and last, so key order is tested too). */
export const addUnknownFields = (v: J): J =>
  mapObjects(v, (e) => [
    [
      'x_lens_probe',
      new JObj([
        ['note', 'unknown field'],
        ['n', [new JNum('1'), null]],
      ]),
    ],
    ...e,
    ['zz_unknown', 'extra'],
  ]);

/**
 * A long unknown field first in the top-level object (or in an array's first object), so the
 * marks a reader sniffs for lie beyond the first 64 KiB (as a long system prompt puts them).
 */
export function padFirstRecord(v: J, chars = 70_000): J {
  const pad: [string, J] = ['x_lens_padding', 'lorem ipsum '.repeat(Math.ceil(chars / 12))];
  if (v instanceof JObj) return new JObj([pad, ...v.entries]);
  if (Array.isArray(v) && v[0] instanceof JObj) return [new JObj([pad, ...v[0].entries]), ...v.slice(1)];
  return v;
}

/**
 * A message's string `content` as a list of one text part (`[{"type": "text", "text": ...}]`),
 * the other shape chat APIs, Inspect and Claude Code write the same text in.
 */
export const contentAsParts = (v: J): J =>
  mapObjects(v, (e) => {
    const isMessage = typeof field(e, 'role') === 'string' || field(e, 'type') === 'tool_result';
    return e.map(([k, x]): [string, J] =>
      isMessage && k === 'content' && typeof x === 'string' && x
        ? [
            k,
            [
              new JObj([
                ['type', 'text'],
                ['text', x],
              ]),
            ],
          ]
        : [k, x],
    );
  });

/** Removes the fields `drop` names (given the key, the object's entries and its path). */
export function dropFields(v: J, drop: (key: string, entries: [string, J][], path: Path) => boolean): J {
  return mapObjects(v, (e, path) => e.filter(([k]) => !drop(k, e, path)));
}

export function field(entries: [string, J][], key: string): J | undefined {
  return entries.find(([k]) => k === key)?.[1];
}

/**
 * JSON that a harness encoded into a string (OpenAI and Codex `arguments`, Codex's
 * `{output, metadata}` results) rewritten by `f`: its layout is the harness's, not content.
 */
export function mapEmbeddedJson(v: J, keys: Set<string>, f: (inner: J) => string): J {
  return mapObjects(v, (e) =>
    e.map(([k, x]): [string, J] => {
      if (!keys.has(k) || typeof x !== 'string' || !/^\s*[[{]/.test(x)) return [k, x];
      try {
        return [k, f(parseTree(x))];
      } catch {
        return [k, x];
      }
    }),
  );
}
