// Terminal output to DOM, safely: SGR colour codes become styled spans whose text is set with
// text nodes; every other escape sequence (cursor moves, OSC titles and hyperlinks, DCS...) is
// dropped; carriage-return progress lines keep only their last state.

export interface AnsiStyle {
  fg: number | string | null; // palette index 0-15, or an rgb() string
  bg: number | string | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle | null;
}

const plain = (): AnsiStyle => ({
  fg: null,
  bg: null,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  inverse: false,
  strike: false,
});

function isPlain(s: AnsiStyle): boolean {
  return s.fg === null && s.bg === null && !s.bold && !s.dim && !s.italic && !s.underline && !s.inverse && !s.strike;
}

const byte = (n: number | undefined): number => Math.max(0, Math.min(255, Number.isFinite(n) ? (n as number) : 0));

function color256(n: number): number | string {
  if (n < 16) return n;
  if (n < 232) {
    const v = n - 16;
    const c = (x: number) => (x === 0 ? 0 : 55 + x * 40);
    return `rgb(${c(Math.floor(v / 36))}, ${c(Math.floor(v / 6) % 6)}, ${c(v % 6)})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g}, ${g}, ${g})`;
}

function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  const s = { ...style };
  if (!params.length) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) Object.assign(s, plain());
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 22) s.bold = s.dim = false;
    else if (p === 23) s.italic = false;
    else if (p === 24) s.underline = false;
    else if (p === 27) s.inverse = false;
    else if (p === 29) s.strike = false;
    else if (p >= 30 && p <= 37) s.fg = p - 30;
    else if (p === 39) s.fg = null;
    else if (p >= 40 && p <= 47) s.bg = p - 40;
    else if (p === 49) s.bg = null;
    else if (p >= 90 && p <= 97) s.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) s.bg = p - 100 + 8;
    else if (p === 38 || p === 48) {
      let c: number | string | null = null;
      if (params[i + 1] === 5) {
        c = color256(byte(params[i + 2]));
        i += 2;
      } else if (params[i + 1] === 2) {
        c = `rgb(${byte(params[i + 2])}, ${byte(params[i + 3])}, ${byte(params[i + 4])})`;
        i += 4;
      } else break;
      if (p === 38) s.fg = c;
      else s.bg = c;
    }
  }
  return s;
}

/** Keeps, on each line, only what follows its last carriage return (as a terminal shows it). */
function collapseCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  return text
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => {
      if (!line.includes('\r')) return line;
      const parts = line.split('\r').filter((p) => p !== '');
      return parts.length ? parts[parts.length - 1] : '';
    })
    .join('\n');
}

// CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC (ended by ST), and two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\|$)|\x1b[PX^_][^\x1b]*(?:\x1b\\|$)|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

export function parseAnsi(input: string): AnsiSegment[] {
  const text = collapseCarriageReturns(input);
  if (!text.includes('\x1b') && !text.includes('\x9b')) return [{ text, style: null }];
  const out: AnsiSegment[] = [];
  let style = plain();
  let last = 0;
  ESCAPE.lastIndex = 0;
  const push = (t: string) => {
    if (t) out.push({ text: t, style: isPlain(style) ? null : style });
  };
  for (let m = ESCAPE.exec(text); m; m = ESCAPE.exec(text)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === 'm' && m[0].startsWith('\x1b[')) {
      const params = m[1] === '' ? [] : m[1].split(/[;:]/).map((x) => (x === '' ? 0 : parseInt(x, 10)));
      if (params.every((n) => Number.isFinite(n))) style = applySgr(style, params);
    }
  }
  push(text.slice(last));
  // A lone ESC that started no sequence is left for the text renderer to show as a marker.
  return out;
}

export function styleSpan(span: HTMLElement, s: AnsiStyle): void {
  const cls: string[] = [];
  if (typeof s.fg === 'number') cls.push(`ansi-fg-${s.fg}`);
  else if (s.fg) span.style.color = s.fg; // CSSOM, computed from numbers only
  if (typeof s.bg === 'number') cls.push(`ansi-bg-${s.bg}`);
  else if (s.bg) span.style.backgroundColor = s.bg;
  if (s.bold) cls.push('ansi-bold');
  if (s.dim) cls.push('ansi-dim');
  if (s.italic) cls.push('ansi-italic');
  if (s.underline) cls.push('ansi-underline');
  if (s.inverse) cls.push('ansi-inverse');
  if (s.strike) cls.push('ansi-strike');
  span.className = cls.join(' ');
}
