// Python code handed to `python -c` or `python - <<EOF`: the calls it makes (socket probes,
// os.kill, requests to a local server, shutil copies) and the shell it runs through
// subprocess/os.system, found with tree-sitter's python grammar.
import type { Parser as TsParser } from '@vscode/tree-sitter-wasm';
import type { PythonCall, PythonScan } from './types';
import { plain, type PNode } from './plain-tree';
import { fastPythonScan } from './python-fast';
import { MAX_GRAMMAR_LENGTH, MAX_TREE_DEPTH, OVER } from './limits';

let parser: TsParser | null = null;

export function setPythonParser(p: TsParser): void {
  parser = p;
}

const RUNS_SHELL = /^(os\.system|os\.popen|subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput))$/;

export type { PythonScan };

export function parsePython(code: string): PythonScan {
  return fastPythonScan(code) ?? parsePythonGrammar(code);
}

/** The grammar's reading (also the reference the fast path is tested against). */
export function parsePythonGrammar(code: string): PythonScan {
  const out: PythonScan = { calls: [], shell: [], error: null };
  if (!parser) return out;
  if (code.length > MAX_GRAMMAR_LENGTH) {
    out.error = OVER.pythonLength(code.length);
    return out;
  }
  const tree = parser.parse(code);
  if (!tree) return out;
  let root: PNode | null;
  try {
    // collectLiterals below recurses by level: the copy refuses a tree deeper than that allows.
    root = plain(tree, code, { call: ['function', 'arguments'] }, MAX_TREE_DEPTH);
  } finally {
    tree.delete();
  }
  if (!root) {
    out.error = OVER.pythonDepth;
    return out;
  }
  {
    const stack: PNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'call') {
        const fn = n.childForFieldName('function');
        const args = n.childForFieldName('arguments');
        const call: PythonCall = {
          callee: fn ? fn.text.replace(/\s+/g, '') : '',
          strings: [],
          numbers: [],
          start: n.startIndex,
          end: n.endIndex,
        };
        if (args) collectLiterals(args, call);
        out.calls.push(call);
        if (RUNS_SHELL.test(call.callee) && args) {
          const first = args.namedChild(0);
          if (first && first.type === 'string') out.shell.push({ code: stringValue(first), start: first.startIndex });
          else if (first && first.type === 'list') {
            const argv = first.namedChildren.filter((c) => c?.type === 'string').map((c) => stringValue(c!));
            if (argv.length) out.shell.push({ code: argv.join(' '), start: first.startIndex });
          }
        }
      }
      for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
    }
  }
  out.calls.sort((a, b) => a.start - b.start);
  return out;
}

function collectLiterals(node: PNode, call: PythonCall): void {
  if (node.type === 'string') {
    call.strings.push(stringValue(node));
    return;
  }
  if (node.type === 'integer') {
    const v = Number(node.text);
    if (Number.isFinite(v)) call.numbers.push(v);
    return;
  }
  for (let i = 0; i < node.namedChildCount; i++) collectLiterals(node.namedChild(i)!, call);
}

function stringValue(node: PNode): string {
  const content = node.namedChildren.filter((c) => c?.type === 'string_content');
  if (content.length) return content.map((c) => c!.text).join('');
  return node.text.replace(/^[rbfuRBFU]*("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '');
}
