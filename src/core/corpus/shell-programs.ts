// Program names from the shell layer (tree-sitter bash), for Node callers that have run
// `initAnalysis()`. Kept apart from rows.ts so that browser bundles importing the corpus
// types do not pull in the WASM parser. Falls back to programs.ts' splitter when the parser
// is not ready.
import type { AnalyzedCommand } from '../model';
import { isShellParserReady, parseShell } from '../shell/parser';
import { normaliseProgram } from './programs';
import { programsOfCommand } from './rows';

export function shellProgramsOf(): (c: AnalyzedCommand) => string[] {
  if (!isShellParserReady()) return programsOfCommand();
  const cache = new Map<string, string[]>();
  return (c) => {
    const hit = cache.get(c.text);
    if (hit) return hit;
    const seen = new Set<string>();
    const names: string[] = [];
    for (const sc of parseShell(c.text).commands) {
      // Commands found inside `python -c` code are Python calls, not typed shell commands.
      if (sc.via === 'python' || !sc.name) continue;
      const at = `${sc.start}:${sc.end}:${sc.name}`;
      if (seen.has(at)) continue;
      seen.add(at);
      names.push(normaliseProgram(sc.name));
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(c.text, names);
    return names;
  };
}
