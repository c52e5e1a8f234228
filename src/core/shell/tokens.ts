// Token-level fallback for command lines that do not parse as shell (an unbalanced quote,
// a stray parenthesis): split on unquoted operators, then on blanks. Good enough to find
// the programs a broken line would have run, which is what the taxonomy needs.
import type { ShellWord } from './types';
import { WINDOWS_PATH } from './tree-words';

const OPERATORS = ['&&', '||', '$(', ';', '|', '&', '\n', '(', ')', '`'];

export function tokenFallback(text: string, onCommand: (words: ShellWord[], start: number, end: number) => void): void {
  let words: ShellWord[] = [];
  let cur = '';
  let curStart = -1;
  let quote: '"' | "'" | null = null;
  let segStart = 0;
  const endWord = (at: number) => {
    if (curStart >= 0) words.push({ value: cur, start: curStart, end: at, dynamic: cur.includes('$') });
    cur = '';
    curStart = -1;
  };
  const endSegment = (at: number) => {
    endWord(at);
    if (words.length) onCommand(words, segStart, at);
    words = [];
  };
  /** The word from `at` starts as a Windows path (`C:\\`, `.\\`, `\\\\host\\`), as tree-words.ts reads one. */
  const windowsWord = (at: number) => {
    const word = text.slice(at, at + 64);
    // Also a path after an option's `=` or `:` (`--log=C:\x`, robocopy's `/LOG:C:\x`).
    return WINDOWS_PATH.test(word) || /^[-/][\w-]*[=:](?:[A-Za-z]:\\|\.{1,2}\\|\\\\)/.test(word);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      // In double quotes bash drops a backslash only before $ ` " \ or a newline (`"C:\x"` keeps it).
      else if (ch === '\\' && quote === '"' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]) && !windowsWord(curStart < 0 ? i : curStart + 1)) cur += text[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (curStart < 0) curStart = i;
      quote = ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      if (curStart < 0) curStart = i;
      // A Windows path (PowerShell or cmd code that is no shell): its backslashes separate.
      if (windowsWord(curStart)) cur += ch;
      else cur += text[++i];
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      endSegment(i);
      i += op.length - 1;
      segStart = i + 1;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord(i);
      continue;
    }
    if (curStart < 0) curStart = i;
    cur += ch;
  }
  endSegment(text.length);
}
