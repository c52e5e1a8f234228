// A tolerant reader of Python literals (dicts, lists, tuples, strings, numbers, True/False/
// None), as Python's logging prints them: the Fudan logs hold `{'status': ..., 'stdout': ...}`.
// Throws PyLiteralError with the offset where reading stopped.

export class PyLiteralError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export type PyValue = string | number | boolean | null | PyValue[] | { [k: string]: PyValue };

/**
 * Reads the literal at `from` (default 0); `end` is where it stops, as an offset in `text`.
 * `wrapIndent`: how much indentation a wrapped line's continuation carries as layout (the
 * indentation of the line the literal sits on); whitespace beyond it is text.
 */
export function parsePyLiteral(text: string, from = 0, wrapIndent = Infinity): { value: PyValue; end: number } {
  const p = new Reader(text, from, wrapIndent);
  p.ws();
  const value = p.value();
  return { value, end: p.i };
}

/** What follows a backslash, and what it stands for (a backslash before a line break joins the lines). */
export const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/**
 * A raw line break inside a one-line string: Python's repr never writes one, so the log was
 * wrapped (by an editor, a mail, a copy out of a PDF) and the break and the indentation of the
 * continued line are layout, not text.
 */
function unwrap(run: string, triple: boolean, indent: number): string {
  return triple || !run.includes('\n') ? run : run.replace(/\r?\n([ \t]*)/g, (_, ws: string) => ws.slice(Math.min(ws.length, indent)));
}

/** Whether a key holds whitespace: by code for ASCII (most keys are short and plain), else `\s`. */
function hasSpace(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c <= 32 || c === 127) return /\s/.test(key);
    if (c > 127) return /\s/.test(key);
  }
  return false;
}

class Reader {
  i: number;
  /** Where the literal starts: offsets in errors count from it. */
  constructor(
    private readonly s: string,
    private readonly base = 0,
    private readonly wrapIndent = Infinity,
  ) {
    this.i = base;
  }

  ws(): void {
    // Spaces and newlines by code first: this runs between every token of a long literal.
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 9 || c === 13) this.i++;
      else if (c > 127 && /\s/.test(this.s[this.i])) this.i++;
      else if (c === 11 || c === 12) this.i++;
      else break;
    }
  }

  fail(what: string): never {
    const at = this.i >= this.s.length ? 'at the end of the text (cut off?)' : `at offset ${this.i - this.base} near ${JSON.stringify(this.s.slice(this.i, this.i + 20))}`;
    throw new PyLiteralError(`${what} ${at}`, this.i - this.base);
  }

  value(): PyValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.dict();
    if (c === '[' || c === '(') return this.list(c === '[' ? ']' : ')');
    if (c === "'" || c === '"') return this.str();
    if ((c === 'b' || c === 'r' || c === 'u' || c === 'f') && (this.s[this.i + 1] === "'" || this.s[this.i + 1] === '"')) {
      this.i++;
      return this.str(c === 'r');
    }
    const m = /^(True|False|None|-?\d+(\.\d+)?([eE][+-]?\d+)?|-?inf|nan)/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) this.fail('expected a Python value');
    this.i += m[0].length;
    if (m[0] === 'True') return true;
    if (m[0] === 'False') return false;
    if (m[0] === 'None') return null;
    return Number(m[0]);
  }

  dict(): { [k: string]: PyValue } {
    const out: { [k: string]: PyValue } = {};
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const k = this.value();
      this.ws();
      if (this.s[this.i] !== ':') this.fail("expected ':' in a dict");
      this.i++;
      const v = this.value();
      // Keys copied out of a PDF can carry stray spaces ("command _type"): fold them away.
      const key = String(k);
      out[hasSpace(key) ? key.replace(/\s+/g, '') : key] = v;
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') this.fail("expected ',' or '}' in a dict");
    }
  }

  list(close: string): PyValue[] {
    const out: PyValue[] = [];
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
    }
  }

  /**
   * The common output: a quoted string whose only escapes are `\\n` (a command's lines), read
   * with one native replace instead of a piece per line. Null (nothing consumed) otherwise.
   */
  private onlyNewlines(q: string): string | null {
    const s = this.s;
    const start = this.i + 1;
    const end = s.indexOf(q, start);
    if (end < 0) return null;
    const body = s.slice(start, end);
    const slash = body.indexOf('\\');
    if (slash >= 0 && (/\\[^n]/.test(body) || body.endsWith('\\'))) return null;
    if (body.includes('\n')) return null; // a wrapped line: str() joins it
    this.i = end + 1;
    // split and join give a flat string; V8's replaceAll, a cons string of a node per line (py-bytes.ts).
    return slash < 0 ? body : body.split('\\n').join('\n');
  }

  /** Adjacent literals concatenate, as in Python: `'a' 'b'`. */
  private joinAdjacent(out: string): string {
    const save = this.i;
    this.ws();
    if (this.s[this.i] === "'" || this.s[this.i] === '"') return out + this.str();
    this.i = save;
    return out;
  }

  str(raw = false): string {
    const s = this.s;
    const q = s[this.i];
    const triple = s.startsWith(q + q + q, this.i);
    if (!raw && !triple) {
      const out = this.onlyNewlines(q);
      if (out !== null) return this.joinAdjacent(out);
    }
    this.i += triple ? 3 : 1;
    // Plain characters are copied in runs between escapes and joined once at the end: outputs
    // are long, and a joined string is flat (no rope of slices keeping the whole record alive).
    const parts: string[] = [];
    let from = this.i;
    let nextQuote = -1;
    let nextEscape = raw ? -1 : -2; // -2: not searched yet; -1: none left
    for (;;) {
      if (nextQuote < this.i) nextQuote = s.indexOf(q, this.i);
      if (nextEscape !== -1 && nextEscape < this.i) nextEscape = s.indexOf('\\', this.i);
      if (nextQuote < 0) {
        this.i = s.length;
        this.fail('unterminated string');
      }
      if (nextEscape < 0 || nextQuote < nextEscape) {
        this.i = nextQuote;
        if (triple && !s.startsWith(q + q + q, this.i)) {
          this.i++;
          continue;
        }
        parts.push(unwrap(s.slice(from, this.i), triple, this.wrapIndent));
        this.i += triple ? 3 : 1;
        return this.joinAdjacent(parts.length === 1 ? parts[0] : parts.join(''));
      }
      this.i = nextEscape;
      parts.push(unwrap(s.slice(from, this.i), triple, this.wrapIndent));
      // The escaped character; past a wrapped line's break when the wrap split the escape.
      let e = this.i + 1;
      if (!triple && (s[e] === '\n' || s[e] === '\r')) {
        const m = /^\r?\n[ \t]*/.exec(s.slice(e, e + 200));
        if (m) e += Math.min(m[0].length, m[0].indexOf('\n') + 1 + this.wrapIndent);
      }
      const n = s[e];
      if (n === 'x') {
        parts.push(String.fromCharCode(parseInt(s.slice(e + 1, e + 3), 16)));
        this.i = e + 3;
      } else if (n === 'u' || n === 'U') {
        const len = n === 'u' ? 4 : 8;
        const cp = parseInt(s.slice(e + 1, e + 1 + len), 16);
        parts.push(Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd');
        this.i = e + 1 + len;
      } else if (n !== undefined && n in PY_ESCAPES) {
        parts.push(PY_ESCAPES[n]);
        this.i = e + 1;
      } else {
        parts.push('\\');
        this.i++;
      }
      from = this.i;
    }
  }
}
