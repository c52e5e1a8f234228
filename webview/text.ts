// Untrusted text to DOM, always as text nodes. Bidi controls, invisible and control characters are
// shown as visible named markers (⟨RLO⟩, ⟨BEL⟩), so `rm -rf /‮txt.exe` cannot reorder what the
// researcher reads.

const BIDI_NAMES: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200B': 'ZWSP',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2060': 'WJ',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\uFEFF': 'BOM',
};

const C0 = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

// C0 controls other than tab and newline, DEL, C1 controls, and the characters above.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_G = new RegExp(SPECIAL.source, 'g');

export function hasSpecial(text: string): boolean {
  return SPECIAL.test(text);
}

/** The visible stand-in for a special character. */
export function markerFor(ch: string): string {
  const name = BIDI_NAMES[ch];
  if (name) return `\u27E8${name}\u27E9`;
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `\u27E8${C0[code]}\u27E9`;
  if (code === 0x7f) return '\u27E8DEL\u27E9';
  return `\u27E8U+${code.toString(16).toUpperCase().padStart(4, '0')}\u27E9`;
}

/** Appends `text` to `parent` as text nodes, with special characters as marked spans. */
export function appendText(parent: Node, text: string): void {
  if (!SPECIAL.test(text)) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  let last = 0;
  SPECIAL_G.lastIndex = 0;
  for (let m = SPECIAL_G.exec(text); m; m = SPECIAL_G.exec(text)) {
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    const span = document.createElement('span');
    span.className = 'ctrl';
    span.title = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (control character, shown not applied)`;
    span.textContent = markerFor(m[0]);
    parent.appendChild(span);
    last = m.index + 1;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}

/** Replaces special characters inside existing text nodes (for sanitised markdown). */
export function neutraliseTextNodes(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (SPECIAL.test((n as Text).data)) hits.push(n as Text);
  }
  for (const t of hits) {
    const frag = document.createDocumentFragment();
    appendText(frag, t.data);
    t.replaceWith(frag);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) appendText(e, text);
  return e;
}

/** A range of `text` to decorate with a class (search hits, findings, shell tokens). */
export interface Deco {
  from: number;
  to: number;
  cls: string;
  title?: string;
}

/**
 * Appends `text` split at decoration boundaries; each piece gets the classes of the
 * decorations covering it. Decorations may overlap (a finding over shell tokens).
 */
export function appendDecorated(parent: Node, text: string, decos: Deco[]): void {
  if (!decos.length) {
    appendText(parent, text);
    return;
  }
  const cuts = new Set<number>([0, text.length]);
  for (const d of decos) {
    cuts.add(Math.max(0, Math.min(text.length, d.from)));
    cuts.add(Math.max(0, Math.min(text.length, d.to)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const cls: string[] = [];
    let title: string | undefined;
    for (const d of decos) {
      if (d.from <= a && d.to >= b) {
        cls.push(d.cls);
        if (d.title) title = d.title;
      }
    }
    if (!cls.length) {
      appendText(parent, piece);
      continue;
    }
    const span = document.createElement('span');
    span.className = cls.join(' ');
    if (title) span.title = title;
    appendText(span, piece);
    parent.appendChild(span);
  }
}

/** Ranges of `text` matched by the search, at most `limit` of them. */
export function searchRanges(text: string, matcher: RegExp | null, limit = 50): Deco[] {
  if (!matcher) return [];
  const out: Deco[] = [];
  const re = new RegExp(matcher.source, matcher.flags.includes('g') ? matcher.flags : matcher.flags + 'g');
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ from: m.index, to: m.index + m[0].length, cls: 'hit' });
  }
  return out;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
