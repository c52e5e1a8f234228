// Text from transcripts is adversarial (DESIGN.md "Untrusted input"): everything that goes
// into the report's HTML or SVG passes through here. Markup characters become entities;
// ANSI escapes are dropped; control characters and bidi overrides become visible markers so
// that they can neither break the page nor reorder what a reader sees.

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
// C0 (but tab and newline), DEL, C1, bidi embeddings/overrides/isolates, line/paragraph separators.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

export function visible(s: string): string {
  return s.replace(ANSI, '').replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for element content and quoted attribute values alike. */
export function esc(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return visible(String(s)).replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** Cuts long text, saying how much was left out. */
export function clip(s: string, max: number): { text: string; cut: number } {
  if (s.length <= max) return { text: s, cut: 0 };
  return { text: s.slice(0, max), cut: s.length - max };
}

/** A fragment id made only of safe characters. */
export function anchor(prefix: string, n: number): string {
  return `${prefix}-${n}`;
}
