// Semantic tokens marking the critical part of each command (the finding's span), found in
// the document through the command's place. Context categories get their own, quieter type.
import { SemanticTokensBuilder, type Range, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
import { isCritical } from '../../core/model';
import { tokenModifier } from '../../core/taxonomy';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../protocol/lsp';
import type { ServedDocument } from '../document';

export const LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

const MODIFIER_BIT = new Map<string, number>(SEMANTIC_TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

interface Tok {
  start: number;
  end: number;
  type: number;
  mods: number;
}

/**
 * The tokens of a document, or of the steps whose lines meet `range` (VS Code asks for the lines
 * on screen first, and only those of a large file): nothing outside them is located.
 */
export function semanticTokens(d: ServedDocument, range?: Range): SemanticTokens {
  const doc = d.doc;
  const builder = new SemanticTokensBuilder();
  if (!doc) return builder.build();
  const toks: Tok[] = [];
  const outside = (src: { startLine: number; endLine: number } | null) => !!range && !!src && (src.endLine - 1 < range.start.line || src.startLine - 1 > range.end.line);
  d.runs.forEach((t, run) =>
    t.steps.forEach((s, step) =>
      s.commands.forEach((c, ci) => {
        if (outside(c.source ?? s.source)) return;
        const spans: Tok[] = [];
        for (const f of c.findings) {
          if (f.spanIn !== 'command' || f.category.startsWith('obstacle:') || f.span[1] <= f.span[0]) continue;
          const range = d.commandRange({ run, step }, ci, f.span[0], f.span[1]);
          if (!range) continue;
          spans.push({
            start: doc.offsetAt(range.start),
            end: doc.offsetAt(range.end),
            type: isCritical(f.category) ? 0 : 1,
            mods: MODIFIER_BIT.get(tokenModifier(f.category)) ?? 0,
          });
        }
        toks.push(...merge(spans));
      }),
    ),
  );
  toks.sort((a, b) => a.start - b.start);
  let last = 0;
  for (const tk of toks) {
    const start = Math.max(tk.start, last);
    if (start >= tk.end) continue;
    last = tk.end;
    // Tokens may not span lines: cut at each line end.
    const a = doc.positionAt(start);
    const b = doc.positionAt(tk.end);
    for (let line = a.line; line <= b.line; line++) {
      if (range && (line < range.start.line || line > range.end.line)) continue;
      const from = line === a.line ? a.character : 0;
      const to = line === b.line ? b.character : d.lineLength(line);
      if (to > from) builder.push(line, from, to - from, tk.type, tk.mods);
    }
  }
  return builder.build();
}

/** Overlapping spans of one command become one token: critical wins, modifiers add up. */
function merge(spans: Tok[]): Tok[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Tok[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      prev.end = Math.max(prev.end, s.end);
      prev.type = Math.min(prev.type, s.type);
      prev.mods |= s.mods;
    } else out.push({ ...s });
  }
  return out;
}
