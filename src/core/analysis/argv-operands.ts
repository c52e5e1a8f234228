/** The words of an argv that are neither options nor the values of `valued` options (`-C DIR`). */
export function operandsOf(words: string[], valued: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (valued.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    out.push(w);
  }
  return out;
}
