// A light shell tokenizer for colouring commands in the browser (the real parse, with
// tree-sitter, happens in the language server; this only paints).
import type { Deco } from './text';

const OPERATORS = ['$(', '`', '&&', '||', ';;', '|&', '>>', '2>&1', '&>', '<<', '>&', '|', '&', ';', '>', '<', '(', ')', '{', '}'];
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function']);
const WRAPPERS = new Set(['sudo', 'nohup', 'timeout', 'env', 'nice', 'stdbuf', 'exec', 'command', 'time', 'xargs', 'setsid']);

/** Token decorations (`sh-cmd`, `sh-flag`, `sh-str`, `sh-var`, `sh-op`, `sh-comment`, `sh-num`, `sh-kw`). */
export function shellTokens(text: string, limit = 4000): Deco[] {
  const out: Deco[] = [];
  const n = Math.min(text.length, limit);
  let i = 0;
  let expectCommand = true;
  const push = (from: number, to: number, cls: string) => {
    if (to > from) out.push({ from, to, cls });
  };
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (c === '\n') expectCommand = true;
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      const to = end < 0 ? n : Math.min(end, n);
      push(i, to, 'sh-comment');
      i = to;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      push(i, i + op.length, 'sh-op');
      if (!['>', '>>', '<', '&>', '>&', '2>&1', '<<'].includes(op)) expectCommand = true;
      i += op.length;
      continue;
    }
    // A word: quoted strings and $-expansions inside it are coloured on their own.
    const start = i;
    const parts: Deco[] = [];
    while (i < n && !/[\s|&;<>(){}]/.test(text[i])) {
      const ch = text[i];
      if (ch === "'" || ch === '"') {
        const close = text.indexOf(ch, i + 1);
        const to = close < 0 ? n : Math.min(close + 1, n);
        parts.push({ from: i, to, cls: 'sh-str' });
        i = to;
      } else if (ch === '$') {
        const m = /^\$(\{[^}]*\}?|\(\(?|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i, i + 200));
        const len = m ? m[0].length : 1;
        parts.push({ from: i, to: i + len, cls: 'sh-var' });
        i += len;
      } else if (ch === '\\') {
        i += 2;
      } else i++;
    }
    if (i === start) {
      i++;
      continue;
    }
    const word = text.slice(start, i);
    let cls: string | null = null;
    if (expectCommand && KEYWORDS.has(word)) cls = 'sh-kw';
    else if (expectCommand && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) cls = 'sh-var';
    else if (expectCommand) {
      cls = 'sh-cmd';
      if (!WRAPPERS.has(word)) expectCommand = false;
    } else if (/^--?[A-Za-z0-9]/.test(word)) cls = 'sh-flag';
    else if (/^\d+$/.test(word)) cls = 'sh-num';
    if (cls && !(cls === 'sh-var' && parts.length)) out.push({ from: start, to: i, cls });
    out.push(...parts);
  }
  return out;
}
