// A fast path for the short Python that agents hand to `python -c` (socket probes, os.kill,
// requests.get): flat statements are scanned with a small tokenizer instead of tree-sitter,
// which costs a few hundred microseconds a parse. Anything with blocks, comprehensions,
// f-strings, comments or unusual call shapes returns null and goes to the grammar; a test
// checks that both agree wherever the fast path answers.
import type { PythonCall, PythonScan } from './types';

const NEEDS_GRAMMAR = /\b(def|class|lambda|for|while|if|elif|else|try|except|with|async|await|match|yield)\b|"""|'''|[#@]|\\\n/;
const NOT_CALLS = new Set(['not', 'and', 'or', 'in', 'is', 'return', 'assert', 'del', 'raise', 'import', 'from', 'as', 'global', 'nonlocal', 'pass']);
/** Constants the grammar still reads as a callee when called (`None()`): left to it. */
const CONSTANTS = new Set(['True', 'False', 'None']);
const RUNS_SHELL = /^(os\.system|os\.popen|subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput))$/;

interface Tok {
  kind: 'id' | 'str' | 'int' | 'num' | 'op';
  start: number;
  end: number;
  /** For strings: the text between the quotes, as tree-sitter's string_content gives it. */
  value: string;
}

function tokenize(code: string): Tok[] | null {
  const toks: Tok[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';') {
      if (c === ';') toks.push({ kind: 'op', start: i, end: i + 1, value: c });
      i++;
      continue;
    }
    const str = /^([rRbBuU]{0,2})(['"])/.exec(code.slice(i, i + 3));
    if (str && (str[1] !== '' || c === '"' || c === "'")) {
      if (/[fF]/.test(str[1])) return null;
      const q = str[2];
      const open = i + str[0].length;
      let j = open;
      while (j < code.length && code[j] !== q) {
        if (code[j] === '\n') return null;
        j += code[j] === '\\' ? 2 : 1;
      }
      if (j >= code.length) return null;
      toks.push({ kind: 'str', start: i, end: j + 1, value: code.slice(open, j) });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(i, i + 64));
    if (id) {
      if (id[0].length === 64) return null;
      toks.push({ kind: 'id', start: i, end: i + id[0].length, value: id[0] });
      i += id[0].length;
      continue;
    }
    const num = /^(0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(\.\d*)?([eE][+-]?\d+)?[jJ]?)/.exec(code.slice(i, i + 40));
    if (num) {
      const n = num[0];
      toks.push({ kind: /^(0[xXoObB][0-9a-fA-F_]+|\d[\d_]*)$/.test(n) ? 'int' : 'num', start: i, end: i + n.length, value: n });
      i += n.length;
      continue;
    }
    if (c.charCodeAt(0) > 127) return null;
    toks.push({ kind: 'op', start: i, end: i + 1, value: c });
    i++;
  }
  return toks;
}

export function fastPythonScan(code: string): PythonScan | null {
  if (code.length > 2000 || NEEDS_GRAMMAR.test(code)) return null;
  const toks = tokenize(code);
  if (!toks) return null;
  const out: PythonScan = { calls: [], shell: [], error: null };
  // Brackets must balance: an unbalanced line is tree-sitter's to recover from.
  const close: number[] = new Array(toks.length).fill(-1);
  const stack: number[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let k = 0; k < toks.length; k++) {
    const v = toks[k].kind === 'op' ? toks[k].value : '';
    if (v === '(' || v === '[' || v === '{') stack.push(k);
    else if (v === ')' || v === ']' || v === '}') {
      const o = stack.pop();
      if (o === undefined || toks[o].value !== pairs[v]) return null;
      close[o] = k;
    }
  }
  if (stack.length) return null;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind !== 'op' || t.value !== '(' || k === 0) continue;
    const prev = toks[k - 1];
    if (prev.kind !== 'id') {
      if (prev.kind === 'op' && (prev.value === ')' || prev.value === ']' || prev.value === '}' || prev.value === '.')) return null; // f()(x), a[0](x), {}()
      if (prev.kind === 'str' || prev.kind === 'int' || prev.kind === 'num') return null;
      continue; // a parenthesised expression or tuple
    }
    if (NOT_CALLS.has(prev.value)) continue;
    if (CONSTANTS.has(prev.value)) return null;
    // The callee: id(.id)* ending just before '('.
    let s = k - 1;
    while (s >= 2 && toks[s - 1].kind === 'op' && toks[s - 1].value === '.' && toks[s - 2].kind === 'id') s -= 2;
    if (s >= 1 && toks[s - 1].kind === 'op' && toks[s - 1].value === '.') return null; // x().y(), 'a'.join()
    const e = close[k];
    const call: PythonCall = {
      callee: toks
        .slice(s, k)
        .map((x) => x.value)
        .join(''),
      strings: [],
      numbers: [],
      start: toks[s].start,
      end: toks[e].end,
    };
    for (let m = k + 1; m < e; m++) {
      if (toks[m].kind === 'str') call.strings.push(toks[m].value);
      else if (toks[m].kind === 'int') {
        const v = Number(toks[m].value); // as the grammar's reader does: `100_000` is no number
        if (Number.isFinite(v)) call.numbers.push(v);
      }
    }
    out.calls.push(call);
    if (RUNS_SHELL.test(call.callee)) {
      const first = toks[k + 1];
      if (first && first.kind === 'str') out.shell.push({ code: first.value, start: first.start });
      else if (first && first.kind === 'op' && first.value === '[') {
        const argv: string[] = [];
        for (let m = k + 2; m < close[k + 1]; m++) if (toks[m].kind === 'str') argv.push(toks[m].value);
        if (argv.length) out.shell.push({ code: argv.join(' '), start: first.start });
      }
    }
  }
  return out;
}
