// Terminal rendering helpers: colours only on a TTY (and never with NO_COLOR), and every
// string from a transcript made inert first: escape sequences and bidi controls are shown,
// not obeyed.
import { isCritical } from '../core/model';

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  magenta(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (code: string) => (s: string) => (enabled ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), green: wrap('32'), magenta: wrap('35') };
}

export function colourWanted(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/** Control characters (C0, DEL, C1) and bidi overrides as visible escapes. */
export function inert(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

export function badge(p: Paint, category: string): string {
  if (category.startsWith('obstacle:')) return p.yellow(`!${category.slice(9)}`);
  return isCritical(category) ? p.red(`[${category}]`) : p.dim(`[${category}]`);
}
