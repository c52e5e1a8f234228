// `JSON.stringify(value, null, 2)`, written in pieces. The analysis of a large log is hundreds of
// megabytes as one JSON string; written a step at a time, no string holds more than a step.
// The text is byte for byte what JSON.stringify gives (test/unit/json-stream.test.ts).

/** How many levels of arrays and objects are written part by part (a run's steps are at 4). */
const STREAMED_LEVELS = 4;
/** Pieces are gathered up to this size before a write. */
const CHUNK = 1 << 20;

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would, through `write`, in pieces; `pad`
 * indents every line but the first (a value nested in an array the caller writes).
 */
export function writeJson(value: unknown, write: (text: string) => void, pad = ''): void {
  let buffered: string[] = [];
  let size = 0;
  const put = (s: string) => {
    buffered.push(s);
    size += s.length;
    if (size >= CHUNK) flush();
  };
  const flush = () => {
    if (buffered.length) write(buffered.join(''));
    buffered = [];
    size = 0;
  };
  piece(value, pad, STREAMED_LEVELS, put);
  flush();
}

function piece(value: unknown, pad: string, levels: number, put: (s: string) => void): void {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plain || levels === 0) {
    // JSON.stringify indents nested lines from column 0; its strings never hold a raw newline.
    const text = JSON.stringify(value, null, 2) ?? 'null';
    put(pad ? text.replace(/\n/g, `\n${pad}`) : text);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (!value.length) return put('[]');
    put('[');
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      put(`${i ? ',' : ''}\n${inner}`);
      // As in JSON.stringify: a hole, or what has no JSON form, is null in an array.
      piece(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, inner, levels - 1, put);
    }
    return put(`\n${pad}]`);
  }
  let first = true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // As in JSON.stringify: a key whose value has no JSON form is left out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    put(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
    first = false;
    piece(v, inner, levels - 1, put);
  }
  put(first ? '{}' : `\n${pad}}`);
}
