// The records of a chatbot log (FORMATS.md section 1): `2024-11-27 15:30:02 - Chatbot - INFO -
// message`, each continued by the lines up to the next record. Read straight from the bytes
// (a cursor: no object per record, a body decoded only when asked), or, for text with carriage
// returns, line by line from the decoded text.

/** `2024-11-27 15:30:02 - Chatbot - INFO - message`, tolerant of stray spaces and millis. */
export const RECORD = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)(?:[,.]\d+)?\s*-\s*([\w.]+)\s*-\s*([A-Z]+)\s*-\s?(.*)$/;
/** The start of a record line, up to where its message begins (RECORD without `(.*)$`). */
const RECORD_HEAD = new RegExp(RECORD.source.replace(/\(\.\*\)\$$/, ''), 'y');
/** Bytes decoded to find a record's head (about 40 in the real logs); longer heads decode the line. */
const HEAD_WINDOW = 96;
/** Decodes pieces of the file: a U+FEFF at a piece's start is text, not a BOM (the file's own is skipped). */
export const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The records of a log, one at a time; the fields describe the current record. */
export interface LogRecords {
  /** Moves to the next record; false at the end, where the fields still describe the last one. */
  next(): boolean;
  startLine: number;
  /** The record's last non-blank line. */
  endLine: number;
  /** Non-blank lines before the first record. */
  preamble: number;
  /** The file's bytes and the body's range in them, for the byte paths; null for text. */
  readonly bytes: Uint8Array | null;
  from: number;
  to: number;
  /** `YYYY-MM-DDTHH:MM:SS`. */
  time(): string;
  /** The record's message and the lines that continue it. */
  body(): string;
  /** The body's first UTF-16 code (bytes: 0x80 for any non-ASCII start), -1 when it is empty. */
  firstCode(): number;
}

/**
 * Records straight from the bytes. A record's body is decoded on its own when asked, so the
 * whole log is never one string: that string would be kept alive by every slice of it, and
 * one non-Latin-1 character anywhere (a progress bar) would make all of it two bytes a
 * character. Most bodies are never decoded whole: their parts are read from the bytes.
 */
export class ByteRecords implements LogRecords {
  startLine = 0;
  endLine = 0;
  preamble = 0;
  from = 0;
  to = 0;
  /** The pending head's line start, its line's end, its length (-1: no record left). */
  private at = 0;
  private headEnd = 0;
  private headLength = -1;
  private headTime: string | null = null;
  private line = 0;
  private recordAt = 0;
  private recordTime: string | null = null;
  private text: string | null = null;

  constructor(readonly bytes: Uint8Array) {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a BOM, as TextDecoder drops it
    this.seek(start, true);
  }

  next(): boolean {
    if (this.headLength < 0) return false;
    this.recordAt = this.at;
    this.recordTime = this.headTime;
    this.text = null;
    this.startLine = this.endLine = this.line;
    this.from = this.at + this.headLength;
    this.seek(this.headEnd + 1, false);
    return true;
  }

  /** Reads lines from `at` up to the next record's head, which it leaves pending. */
  private seek(at: number, first: boolean): void {
    const bytes = this.bytes;
    while (at <= bytes.length) {
      this.line++;
      const nl = bytes.indexOf(10, at);
      const end = nl < 0 ? bytes.length : nl;
      if (looksLikeDate(bytes, at)) {
        const head = recordHead(bytes, at, end, this);
        if (head >= 0) {
          this.to = at - 1;
          this.at = at;
          this.headEnd = end;
          this.headLength = head;
          return;
        }
      }
      if (!isBlankBytes(bytes, at, end)) {
        if (first) this.preamble++;
        else this.endLine = this.line;
      }
      at = end + 1;
    }
    this.to = bytes.length;
    this.headLength = -1;
  }

  /** Set by matchHead for a head the regex read (null: plainHead's, built from the bytes). */
  setHeadTime(time: string | null): void {
    this.headTime = time;
  }

  time(): string {
    if (this.recordTime !== null) return this.recordTime;
    const bytes = this.bytes;
    const at = this.recordAt;
    const b = (k: number) => bytes[at + k];
    // `YYYY-MM-DDTHH:MM:SS`, spelled out: no view of the bytes, no intermediate strings.
    return (this.recordTime = String.fromCharCode(b(0), b(1), b(2), b(3), 0x2d, b(5), b(6), 0x2d, b(8), b(9), 0x54, b(11), b(12), 0x3a, b(14), b(15), 0x3a, b(17), b(18)));
  }

  body(): string {
    return (this.text ??= utf8.decode(this.bytes.subarray(this.from, this.to)));
  }

  firstCode(): number {
    return this.from < this.to ? Math.min(this.bytes[this.from], 0x80) : -1;
  }
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** `dddd-dd-dd` at `at`: every record starts so, and a thought line rarely does. */
function looksLikeDate(bytes: Uint8Array, at: number): boolean {
  return isDigit(bytes[at]) && isDigit(bytes[at + 3]) && bytes[at + 4] === 0x2d && isDigit(bytes[at + 6]) && bytes[at + 7] === 0x2d && isDigit(bytes[at + 9]);
}

/** The length of a record line's head (bytes up to the message), or -1 when the line is no record. */
function recordHead(bytes: Uint8Array, at: number, nl: number, into: ByteRecords): number {
  let length = plainHead(bytes, at, nl);
  if (length >= 0) into.setHeadTime(null);
  else length = matchHead(bytes, at, nl, into);
  if (length < 0) return -1;
  // RECORD's `(.*)$` fails on a line separator in the message: such a line is no record.
  // The search stays inside the line: unbounded, a log with no 0xE2 byte at all (plain ASCII)
  // was scanned to its end once per record, quadratic in the number of records.
  const line = bytes.subarray(at + length, nl);
  for (let i = line.indexOf(0xe2); i >= 0 && i + 2 < line.length; i = line.indexOf(0xe2, i + 1)) {
    if (line[i + 1] === 0x80 && (line[i + 2] === 0xa8 || line[i + 2] === 0xa9)) return -1;
  }
  return length;
}

const isWordByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2e;
const isUpperByte = (b: number) => b >= 0x41 && b <= 0x5a;

/**
 * The head as Python's logging writes it, read from the bytes: `2024-11-27 15:30:02,123 -
 * Chatbot - INFO - `, one space around each dash. -1 (not "no record") for anything else,
 * which RECORD_HEAD then judges (stray spaces, tabs, a copy out of a PDF).
 */
function plainHead(bytes: Uint8Array, at: number, nl: number): number {
  // dddd-dd-dd[ T]dd:dd:dd (the first ten bytes' shape is checked by looksLikeDate)
  const sep = bytes[at + 10];
  if (!(sep === 0x20 || sep === 0x54) || !isDigit(bytes[at + 11]) || !isDigit(bytes[at + 12]) || bytes[at + 13] !== 0x3a) return -1;
  if (!isDigit(bytes[at + 14]) || !isDigit(bytes[at + 15]) || bytes[at + 16] !== 0x3a || !isDigit(bytes[at + 17]) || !isDigit(bytes[at + 18])) return -1;
  if (!isDigit(bytes[at + 1]) || !isDigit(bytes[at + 2]) || !isDigit(bytes[at + 5]) || !isDigit(bytes[at + 8])) return -1;
  let i = at + 19;
  if ((bytes[i] === 0x2c || bytes[i] === 0x2e) && isDigit(bytes[i + 1])) {
    i++;
    while (isDigit(bytes[i])) i++;
  }
  const dash = (j: number) => bytes[j] === 0x20 && bytes[j + 1] === 0x2d && bytes[j + 2] === 0x20;
  if (!dash(i)) return -1;
  i += 3;
  const logger = i;
  while (i < nl && isWordByte(bytes[i])) i++;
  if (i === logger || !dash(i)) return -1;
  i += 3;
  const level = i;
  while (i < nl && isUpperByte(bytes[i])) i++;
  if (i === level || bytes[i] !== 0x20 || bytes[i + 1] !== 0x2d) return -1;
  i += 2;
  // `\s?`: one space is part of the head; any other blank after the dash is RECORD_HEAD's call.
  const next = i < nl ? bytes[i] : -1;
  if (next === 0x20) i++;
  else if (next !== -1 && (next < 0x21 || next > 0x7e)) return -1;
  return i - at;
}

/** The head by RECORD_HEAD, on the decoded start of the line; its time goes to `into`. */
function matchHead(bytes: Uint8Array, at: number, nl: number, into: ByteRecords): number {
  let text = utf8.decode(bytes.subarray(at, Math.min(nl, at + HEAD_WINDOW)));
  RECORD_HEAD.lastIndex = 0;
  let m = RECORD_HEAD.exec(text);
  if (!m && nl - at > HEAD_WINDOW) {
    text = utf8.decode(bytes.subarray(at, nl));
    RECORD_HEAD.lastIndex = 0;
    m = RECORD_HEAD.exec(text);
  }
  if (!m) return -1;
  into.setHeadTime(m[1].replace(' ', 'T'));
  return utf8Length(m[0]);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isBlankBytes(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    // Other whitespace (no-break space...) is not ASCII: judge the line as text.
    return b >= 0x80 && /^\s*$/.test(utf8.decode(bytes.subarray(from, to)));
  }
  return true;
}

interface TextRecord {
  time: string;
  body: string;
  startLine: number;
  endLine: number;
}

/** Records of decoded text, line by line (text with carriage returns: they are stripped). */
export class TextRecords implements LogRecords {
  startLine = 0;
  endLine = 0;
  preamble = 0;
  readonly bytes = null;
  from = 0;
  to = 0;
  private readonly records: TextRecord[];
  private index = -1;

  constructor(text: string) {
    this.records = this.split(text);
  }

  next(): boolean {
    if (this.index + 1 >= this.records.length) return false;
    const r = this.records[++this.index];
    this.startLine = r.startLine;
    this.endLine = r.endLine;
    return true;
  }

  time(): string {
    return this.records[this.index].time;
  }

  body(): string {
    return this.records[this.index].body;
  }

  firstCode(): number {
    const body = this.body();
    return body ? body.charCodeAt(0) : -1;
  }

  private split(text: string): TextRecord[] {
    // CRLF, or lone CRs (old Mac line ends) when the text has no LF at all.
    const lines = text.includes('\n') ? text.split('\n') : text.split('\r');
    const records: TextRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/\r$/, '');
      const m = RECORD.exec(line);
      if (m) {
        records.push({ time: m[1].replace(' ', 'T'), body: m[4], startLine: i + 1, endLine: i + 1 });
      } else if (records.length) {
        const r = records[records.length - 1];
        r.body += '\n' + line;
        if (line.trim() !== '') r.endLine = i + 1;
      } else if (line.trim() !== '') {
        this.preamble++;
      }
    }
    return records;
  }
}
