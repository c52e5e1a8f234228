// Stable ids and small text helpers shared by the readers.

/** FNV-1a 32-bit hash as 8 hex digits: cheap, deterministic, good enough for ids. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A step id anchored on content, not on position alone: the same step keeps its id when the
 * file is re-read or grows (a live log), so annotations stay attached. `seen` counts repeats
 * of identical content so that two identical steps still get distinct ids.
 */
export function contentStepId(parts: string[], seen: Map<string, number>): string {
  const base = 's' + hash32(parts.join('\u0000'));
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}

/**
 * The format's own id for a step when it has one not used yet, else a content id (as
 * contentStepId); the own id is then taken, so a later step claiming it gets a content id.
 */
export function ownOrContentStepId(own: string | null, parts: string[], seen: Map<string, number>): string {
  const id = own && !seen.has(own) ? own : contentStepId(parts, seen);
  if (own) seen.set(own, 1);
  return id;
}

/** Joins an argv list the way a shell would need it quoted (TAXONOMY.md edge cases). */
export function shellJoin(argv: string[]): string {
  return argv.map((a) => (a !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Offsets of each line start, for mapping character offsets to 1-based lines. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}
