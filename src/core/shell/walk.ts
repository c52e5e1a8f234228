// Walking the grammar's tree of a line (plain-tree.ts): statements, lists, pipelines,
// redirects and substitutions, as bash runs them, each simple command handed to emit.
import type { Redirect, ShellParse, ShellWord, SimpleCommand } from './types';
import type { PNode } from './plain-tree';
import { captured, ctxWith, type Ctx } from './context';
import { emit } from './emit';
import { addRedirects, linkPipeline } from './pipes';
import { wordOf } from './tree-words';

/**
 * `body > f`: the body with its redirects, and with `outer` ones, written after an enclosing
 * list or pipeline, that bash gives to this statement's last command.
 */
function walkRedirected(node: PNode, outer: Redirect[], ctx: Ctx, out: ShellParse): void {
  const body = node.childForFieldName('body');
  const redirects: Redirect[] = [];
  let heredoc: string | null = null;
  // What the heredoc's opening line runs after it: `cat <<EOF | kubectl apply -f -` (the grammar
  // hangs the pipe in the redirect), `cat <<EOF > f && sh f` (the statement after && or ||).
  let pipeTo: PNode | null = null;
  const then: PNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) continue;
    if (c.type === 'heredoc_redirect') {
      const b = c.children.find((x) => x?.type === 'heredoc_body');
      heredoc = b ? b.text : '';
      for (let k = 0; k < c.childCount; k++) {
        const x = c.child(k)!;
        if (!x.isNamed) continue;
        const op = c.child(k - 1)?.type;
        if (x.type === 'pipeline') pipeTo = x;
        else if (op === '&&' || op === '||') then.push(x);
        else {
          if (x.type === 'file_redirect') redirects.push(redirectOf(x, ctx));
          findSubstitutions(x, ctx, out);
        }
      }
      continue;
    }
    if (c.type === 'file_redirect' || c.type === 'herestring_redirect') {
      redirects.push(redirectOf(c, ctx));
    }
    // The body's own substitutions are walked with the body, below (not twice).
    if (c !== body) findSubstitutions(c, ctx, out);
  }
  addRedirects(redirects, outer, out);
  if (!body) {
    // `</dev/tcp/h/p` alone: bash runs the null command with the redirects.
    if (redirects.length)
      emit(
        out,
        [{ value: ':', start: ctx.map(node.startIndex), end: ctx.map(node.startIndex), dynamic: false }],
        redirects,
        heredoc,
        ctx,
        ctx.map(node.startIndex),
        ctx.map(node.endIndex),
      );
    return;
  }
  const before = out.commands.length;
  walkRedirectedBody(body, redirects, heredoc, ctx, out);
  if (pipeTo) {
    const groups = [out.commands.slice(before)];
    for (const stage of pipeTo.namedChildren) {
      const from = out.commands.length;
      walkStatement(stage, ctx, out);
      groups.push(out.commands.slice(from));
    }
    linkPipeline(groups, out);
  }
  for (const n of then) walkStatement(n, ctx, out);
}

/**
 * A statement whose redirects (and heredoc) are `redirects`. After a list or a pipeline the
 * grammar hangs them on the whole; bash gives them to its last command: in
 * `cd /w && python3 x.py > log` only python3 writes the log.
 */
function walkRedirectedBody(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  switch (node.type) {
    case 'command':
      walkCommand(node, redirects, heredoc, ctx, out);
      return;
    case 'redirected_statement':
      walkRedirected(node, redirects, ctx, out);
      return;
    case 'list': {
      const named = node.namedChildren;
      for (let i = 0; i < named.length - 1; i++) walkStatement(named[i], ctx, out);
      if (named.length) walkRedirectedBody(named[named.length - 1], redirects, heredoc, ctx, out);
      return;
    }
    case 'pipeline':
      walkPipeline(node, redirects, heredoc, ctx, out);
      return;
    default: {
      // A compound statement's redirects apply to what it runs, `(echo > /dev/tcp/h/p) 2>/dev/null`,
      // but not to what a substitution in it runs: the substitution takes that output.
      const before = out.commands.length;
      walkStatement(node, ctx, out);
      for (let k = before; k < out.commands.length; k++) {
        if (!captured.has(out.commands[k])) addRedirects(out.commands[k].redirects, redirects, out);
      }
    }
  }
}

/** `a | b | c`, the last stage given `redirects` (see walkRedirectedBody). */
function walkPipeline(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  let stages = node.namedChildren;
  // `a | b | c && d`: the grammar reads `a | (b | c && d)`; bash reads `(a | b | c) && d`. The
  // list's first pipeline joins this one, and the rest of the list runs after it.
  const after: PNode[] = [];
  let last = stages[stages.length - 1];
  if (stages.length > 1 && last.type === 'list') {
    // Gathered from the end, then turned round (an unshift per list would be quadratic).
    while (last.type === 'list' && last.namedChildren.length) {
      const named = last.namedChildren;
      for (let k = named.length - 1; k >= 1; k--) after.push(named[k]);
      last = named[0];
    }
    after.reverse();
    stages = [...stages.slice(0, -1), ...(last.type === 'pipeline' ? last.namedChildren : [last])];
  }
  // The redirects go to the last thing run: the last stage, or the list's last statement.
  const tail = after.length ? after[after.length - 1] : stages[stages.length - 1];
  const walk = (n: PNode) => (n === tail ? walkRedirectedBody(n, redirects, heredoc, ctx, out) : walkStatement(n, ctx, out));
  const groups: SimpleCommand[][] = [];
  for (let i = 0; i < stages.length; i++) {
    const c = stages[i];
    const before = out.commands.length;
    walk(c);
    let group = out.commands.slice(before);
    // `cd /w && python3 x.py 2>&1 | tail`: the grammar pipes the whole list; bash runs
    // `cd /w`, then pipes python3 alone.
    const inner = c.type === 'redirected_statement' ? c.childForFieldName('body') : c;
    if (i === 0 && inner?.type === 'list') {
      const from = ctx.map(lastElement(inner).startIndex);
      group = group.filter((cmd) => cmd.start >= from);
    }
    groups.push(group);
  }
  linkPipeline(groups, out);
  for (const n of after) walk(n);
}

/** The last command (simple or compound) of a list or pipeline, as bash groups them. */
function lastElement(node: PNode): PNode {
  let n = node;
  while (n.type === 'list' || n.type === 'pipeline') {
    const named = n.namedChildren;
    if (!named.length) break;
    n = named[named.length - 1];
  }
  return n;
}

/** Walks a node holding statements (program, list, subshell...), minding `&`. */
export function walkStatements(node: PNode, ctx: Ctx, out: ShellParse): void {
  const n = node.childCount;
  for (let i = 0; i < n; i++) {
    const child = node.child(i)!;
    if (!child.isNamed) continue;
    const next = node.child(i + 1);
    const bg = ctx.background || (next !== null && next.type === '&');
    walkStatement(child, bg === ctx.background ? ctx : ctxWith(ctx, bg, ctx.via, ctx.depth), out);
  }
}

function walkStatement(node: PNode, ctx: Ctx, out: ShellParse): void {
  switch (node.type) {
    case 'command':
      walkCommand(node, [], null, ctx, out);
      return;
    case 'redirected_statement':
      walkRedirected(node, [], ctx, out);
      return;
    case 'pipeline':
      walkPipeline(node, [], null, ctx, out);
      return;
    case 'declaration_command':
      walkDeclaration(node, ctx, out);
      return;
    case 'variable_assignment':
    case 'unset_command':
    case 'test_command':
      findSubstitutions(node, ctx, out);
      return;
    case 'function_definition':
      // A definition runs nothing by itself.
      return;
    default:
      // list, subshell, compound_statement, if/while/for/case, negated_command ...:
      // their statements and conditions are all looked into.
      walkStatements(node, ctx, out);
  }
}

function redirectOf(node: PNode, ctx: Ctx): Redirect {
  const dest = node.childForFieldName('destination') ?? node.namedChildren[node.namedChildren.length - 1];
  let op = '';
  for (const c of node.children) if (c && !c.isNamed) op += c.type;
  return {
    op: op || '>',
    target: dest ? wordOf(dest, ctx).value : '',
    start: ctx.map(node.startIndex),
    end: ctx.map(node.endIndex),
  };
}

function walkCommand(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  const argv: ShellWord[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) continue;
    if (c.type === 'variable_assignment') {
      findSubstitutions(c, ctx, out);
      continue;
    }
    if (c.type === 'file_redirect' || c.type === 'herestring_redirect') {
      redirects.push(redirectOf(c, ctx));
      continue;
    }
    if (c.type === 'command_name') {
      argv.push(wordOf(c.namedChild(0) ?? c, ctx));
      findSubstitutions(c, ctx, out);
      continue;
    }
    argv.push(wordOf(c, ctx));
    findSubstitutions(c, ctx, out);
  }
  if (argv.length) emit(out, argv, redirects, heredoc, ctx, ctx.map(node.startIndex), ctx.map(node.endIndex));
}

/**
 * `export A=1`, `declare -x B`, `export` alone: a builtin that runs like a command (`export |
 * grep KEY` dumps the environment), recorded as one, as the plain-words path records it.
 */
function walkDeclaration(node: PNode, ctx: Ctx, out: ShellParse): void {
  const argv: ShellWord[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) {
      if (i === 0) argv.push({ value: c.type, dynamic: false, start: ctx.map(c.startIndex), end: ctx.map(c.endIndex) });
      continue;
    }
    if (c.type === 'variable_assignment' || c.type === 'variable_name') {
      argv.push({ value: c.text, dynamic: /[$`]/.test(c.text), start: ctx.map(c.startIndex), end: ctx.map(c.endIndex) });
    } else {
      argv.push(wordOf(c, ctx));
    }
    findSubstitutions(c, ctx, out);
  }
  if (argv.length) emit(out, argv, [], null, ctx, ctx.map(node.startIndex), ctx.map(node.endIndex));
}

/** Walks any command substitution inside a node: its commands run too. */
function findSubstitutions(node: PNode, ctx: Ctx, out: ShellParse): void {
  if (node.type === 'command_substitution' || node.type === 'process_substitution') {
    const before = out.commands.length;
    walkStatements(node, ctxWith(ctx, false, ctx.via === 'top' ? 'substitution' : ctx.via, ctx.depth), out);
    for (let k = before; k < out.commands.length; k++) captured.add(out.commands[k]);
    return;
  }
  for (let i = 0; i < node.namedChildCount; i++) findSubstitutions(node.namedChild(i)!, ctx, out);
}
