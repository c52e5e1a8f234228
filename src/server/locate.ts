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
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
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
      case '\\':
        return '\\\\';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
    }
    if (c === quote) return '\\' + c;
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? '\\x' + code.toString(16).padStart(2, '0') : c;
  };
}

interface Spelling {
  encoded: string;
  /** Built only for the spelling that was found (most commands are searched, few mapped). */
  map: () => Int32Array | null;
  open: string;
  close: string;
}

function encodeMap(text: string, esc: Escaper): Int32Array {
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = n;
    n += esc(text[i]).length;
  }
  map[text.length] = n;
  return map;
}

function encodeText(text: string, esc: Escaper): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) parts.push(esc(text[i]));
  return parts.join('');
}

/** inner maps text -> once-encoded, outer maps once-encoded -> twice-encoded. */
function compose(inner: Int32Array, outer: Int32Array): Int32Array {
  const out = new Int32Array(inner.length);
  for (let i = 0; i < inner.length; i++) out[i] = outer[inner[i]];
  return out;
}

const SIMPLE = /^[\x20-\x7e]*$/;
const NEEDS_ESCAPE = /["'\\]/;

function spellings(text: string): Spelling[] {
  const none = () => null;
  // Most commands need no escaping in any spelling: only the delimiters differ.
  if (SIMPLE.test(text) && !NEEDS_ESCAPE.test(text)) {
    return [
      { encoded: text, map: none, open: '"', close: '"' },
      { encoded: text, map: none, open: "'", close: "'" },
      { encoded: text, map: none, open: '\\"', close: '\\"' },
      { encoded: text, map: none, open: '', close: '' },
    ];
  }
  const out: Spelling[] = [];
  const seen = new Set<string>();
  const add = (s: Spelling) => {
    const key = s.open + '\u0000' + s.encoded;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  };
  const json = JSON.stringify(text).slice(1, -1);
  const jsonMap = () => encodeMap(text, jsonEscape);
  const encodings: { encoded: string; map: () => Int32Array | null; quote: string }[] = [
    // JSON.stringify escapes what jsonEscape does (and lone surrogates, which commands lack).
    { encoded: json, map: jsonMap, quote: '"' },
  ];
  if (!SIMPLE.test(text)) encodings.push({ encoded: encodeText(text, jsonAsciiEscape), map: () => encodeMap(text, jsonAsciiEscape), quote: '"' });
  // Python's repr picks double quotes when the text has a ' and no ".
  if (text.includes("'") && !text.includes('"')) {
    const esc = pyEscape('"');
    encodings.push({ encoded: encodeText(text, esc), map: () => encodeMap(text, esc), quote: '"' });
  }
  const sq = pyEscape("'");
  encodings.push({ encoded: encodeText(text, sq), map: () => encodeMap(text, sq), quote: "'" });
  // A JSON string inside a JSON string (Codex and OpenAI tool-call `arguments`).
  encodings.push({ encoded: JSON.stringify(json).slice(1, -1), map: () => compose(jsonMap(), encodeMap(json, jsonEscape)), quote: '\\"' });
  // Delimited spellings first: the whole string literal, so `ls` does not match inside prose.
  for (const e of encodings) add({ encoded: e.encoded, map: e.encoded === text ? none : e.map, open: e.quote, close: e.quote });
  // Then bare ones: a command inside a larger string (a fenced block in a message's content).
  add({ encoded: text, map: none, open: '', close: '' });
  for (const e of encodings) add({ encoded: e.encoded, map: e.encoded === text ? none : e.map, open: '', close: '' });
  return out;
}

/**
 * Finds `text` in `doc` between offsets `from` and `to`: the earliest delimited spelling, else
 * the earliest bare one. Returns null when the command is not written there.
 */
export function findCommand(doc: string, text: string, from: number, to: number): CommandPlace | null {
  if (!text || to <= from) return null;
  // Search the region only: an unbounded indexOf would scan the rest of a large file.
  const region = doc.slice(from, to);
  type Found = { start: number; end: number; map: Spelling };
  let best: Found | null = null;
  let bare: Found | null = null;
  for (const s of spellings(text)) {
    if (!s.open && best) break;
    const needle = s.open + s.encoded + s.close;
    const rel = region.indexOf(needle);
    if (rel < 0) continue;
    const at = from + rel;
    const place = { start: at + s.open.length, end: at + s.open.length + s.encoded.length, map: s };
    if (s.open) {
      if (!best || place.start < best.start) best = place;
    } else if (!bare || place.start < bare.start) {
      bare = place;
    }
  }
  const found = best ?? bare;
  return found ? { start: found.start, end: found.end, map: found.map.map() } : null;
}

/** Offsets of `needle` as a whole token (not inside a longer word or number) in doc[from, to). */
export function findToken(doc: string, needle: string, from: number, to: number): number {
  if (!needle || to - from < needle.length) return -1;
  const wordy = /\w/;
  const region = from === 0 && to === doc.length ? doc : doc.slice(from, to);
  for (let rel = region.indexOf(needle); rel >= 0; rel = region.indexOf(needle, rel + 1)) {
    const at = from + rel;
    const before = at > 0 ? doc[at - 1] : ' ';
    const after = doc[at + needle.length] ?? ' ';
    const edgeOk = (edge: string, inner: string) => !(wordy.test(edge) && wordy.test(inner));
    if (edgeOk(before, needle[0]) && edgeOk(after, needle[needle.length - 1])) return at;
  }
  return -1;
}
