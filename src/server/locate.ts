// Where a command's text sits in the document. Readers give line ranges (a step's, sometimes a
// command's own); inside them the command appears raw, JSON-escaped (action blocks, JSON
// formats) or as a Python repr (the chatbot log's tool invocation). We search those spellings,
// string delimiters included first so that `ls` does not match inside prose, and keep a map
// from each character of the command to its offset in the document.

/** A command found in the document: `docOffset(i)` for 0 <= i <= text.length. */
export interface CommandPlace {
  start: number;
  end: number;
  /** Offset in the document of each command character (length text.length + 1); null = raw. */
  map: Int32Array | null;
}

export function docOffset(place: CommandPlace, i: number): number {
  return place.map ? place.start + place.map[i] : place.start + i;
}

type Escaper = (c: string) => string;

const jsonEscape: Escaper = (c) => {
  switch (c) {
    case '"': return '\\"';
    case '\\': return '\\\\';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    case '\b': return '\\b';
    case '\f': return '\\f';
  }
  const code = c.charCodeAt(0);
  return code < 0x20 ? '\\u' + code.toString(16).padStart(4, '0') : c;
};
const jsonAsciiEscape: Escaper = (c) => {
  const code = c.charCodeAt(0);
  return code > 0x7e ? '\\u' + code.toString(16).padStart(4, '0') : jsonEscape(c);
};
function pyEscape(quote: string): Escaper {
  return (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
    }
    if (c === quote) return '\\' + c;
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? '\\x' + code.toString(16).padStart(2, '0') : c;
  };
}

interface Spelling { encoded: string; map: Int32Array | null; open: string; close: string }

function encode(text: string, esc: Escaper): { encoded: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length;
    out += esc(text[i]);
  }
  map[text.length] = out.length;
  return { encoded: out, map };
}

/** inner maps text -> once-encoded, outer maps once-encoded -> twice-encoded. */
function compose(inner: Int32Array, outer: Int32Array): Int32Array {
  const out = new Int32Array(inner.length);
  for (let i = 0; i < inner.length; i++) out[i] = outer[inner[i]];
  return out;
}

const SIMPLE = /^[\x20-\x7e]*$/;

function spellings(text: string): Spelling[] {
  const out: Spelling[] = [];
  const seen = new Set<string>();
  const add = (s: Spelling) => {
    const key = s.open + s.encoded + s.close;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  };
  const raw = { encoded: text, map: null };
  const json = encode(text, jsonEscape);
  const encodings: { encoded: string; map: Int32Array | null; quote: string }[] = [
    { ...json, quote: '"' },
    ...(SIMPLE.test(text) ? [] : [{ ...encode(text, jsonAsciiEscape), quote: '"' }]),
    // Python's repr picks double quotes when the text has a ' and no ".
    ...(text.includes("'") && !text.includes('"') ? [{ ...encode(text, pyEscape('"')), quote: '"' }] : []),
    { ...encode(text, pyEscape("'")), quote: "'" },
  ];
  // A JSON string inside a JSON string (Codex and OpenAI tool-call `arguments`).
  const twice = encode(json.encoded, jsonEscape);
  const nested = { encoded: twice.encoded, map: compose(json.map, twice.map), quote: '\\"' };
  // Delimited spellings first: the whole string literal, so `ls` does not match inside prose.
  for (const e of [...encodings, nested]) add({ encoded: e.encoded, map: e.encoded === text ? null : e.map, open: e.quote, close: e.quote });
  // Then bare ones: a command inside a larger string (a fenced block in a message's content).
  add({ ...raw, open: '', close: '' });
  for (const e of [...encodings, nested]) add({ encoded: e.encoded, map: e.encoded === text ? null : e.map, open: '', close: '' });
  return out;
}

/**
 * Finds `text` in `doc` between offsets `from` and `to`: the earliest delimited spelling, else
 * the earliest bare one. Returns null when the command is not written there.
 */
export function findCommand(doc: string, text: string, from: number, to: number): CommandPlace | null {
  if (!text) return null;
  let best: CommandPlace | null = null;
  let bare: CommandPlace | null = null;
  for (const s of spellings(text)) {
    if (!s.open && best) break;
    const needle = s.open + s.encoded + s.close;
    const at = doc.indexOf(needle, from);
    if (at < 0 || at + needle.length > to) continue;
    const place = { start: at + s.open.length, end: at + s.open.length + s.encoded.length, map: s.map };
    if (s.open) {
      if (!best || place.start < best.start) best = place;
    } else if (!bare || place.start < bare.start) {
      bare = place;
    }
  }
  return best ?? bare;
}

/** Offsets of `needle` as a whole token (not inside a longer word or number) in doc[from, to). */
export function findToken(doc: string, needle: string, from: number, to: number): number {
  if (!needle) return -1;
  const wordy = /\w/;
  for (let at = doc.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = doc.indexOf(needle, at + 1)) {
    const before = at > 0 ? doc[at - 1] : ' ';
    const after = doc[at + needle.length] ?? ' ';
    const edgeOk = (edge: string, inner: string) => !(wordy.test(edge) && wordy.test(inner));
    if (edgeOk(before, needle[0]) && edgeOk(after, needle[needle.length - 1])) return at;
  }
  return -1;
}
