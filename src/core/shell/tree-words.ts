// A word of the grammar's tree as the shell would pass it: quotes removed, escapes applied,
// and whether it depends on expansion at run time.
import type { ShellWord } from './types';
import type { PNode } from './plain-tree';
import type { Ctx } from './context';

export function wordOf(node: PNode, ctx: Ctx): ShellWord {
  const { value, dynamic } = valueOf(node);
  return { value, dynamic, start: ctx.map(node.startIndex), end: ctx.map(node.endIndex) };
}

function valueOf(node: PNode): { value: string; dynamic: boolean } {
  switch (node.type) {
    case 'word':
    case 'number':
      // A Windows path (`C:\a\b.exe`, `.\venv\Scripts\python.exe`, `\\srv\share`) as PowerShell and
      // cmd pass it: its backslashes separate, they escape nothing.
      return { value: WINDOWS_PATH.test(node.text) ? node.text : node.text.replace(/\\(.)/gs, '$1'), dynamic: false };
    case 'raw_string':
      return { value: node.text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { value: node.text.slice(2, -1), dynamic: false };
    case 'string': {
      let value = '';
      let dynamic = false;
      let pos = node.startIndex + 1;
      for (const c of node.namedChildren) {
        if (!c) continue;
        // Text between named children (tree-sitter leaves plain content unnamed in places).
        if (c.startIndex > pos) value += unescapeDouble(node.text.slice(pos - node.startIndex, c.startIndex - node.startIndex));
        if (c.type === 'string_content') value += unescapeDouble(c.text);
        else {
          value += c.text;
          dynamic = true;
        }
        pos = c.endIndex;
      }
      const closing = node.endIndex - 1;
      if (closing > pos) value += unescapeDouble(node.text.slice(pos - node.startIndex, closing - node.startIndex));
      return { value, dynamic };
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      for (const c of node.namedChildren) {
        if (!c) continue;
        const v = valueOf(c);
        value += v.value;
        dynamic ||= v.dynamic;
      }
      // Unnamed pieces of a concatenation are plain text too: keep them.
      if (node.namedChildCount === 0) value = node.text;
      return { value, dynamic };
    }
    default:
      return { value: node.text, dynamic: true };
  }
}

/** A word that starts as a Windows path does: a drive, `.\\` or `..\\`, or a UNC share. */
export const WINDOWS_PATH = /^(?:[A-Za-z]:\\[\w.$~-]|\.{1,2}\\[\w.$~-]|\\\\[\w.-]+\\)/;

function unescapeDouble(s: string): string {
  return s.replace(/\\([$`"\\\n])/g, '$1');
}
