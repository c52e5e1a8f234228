// Emitting one simple command found by any reader (grammar walk, fast paths, token fallback):
// wrappers looked through, xargs's program, and the code it hands on parsed in turn.
import type { Redirect, ShellParse, ShellWord, Via } from './types';
import { unwrap, baseName } from './wrappers';
import { MAX_CODE_DEPTH, OVER } from './limits';
import { ctxWith, type Ctx } from './context';
import { emitFlat, record, simple } from './record';
import { parseNested, pushPython } from './nested';

/** Records a simple command, looking through wrappers and into code it hands on. */
export function emit(out: ShellParse, argv: ShellWord[], redirects: Redirect[], heredoc: string | null, ctx: Ctx, start: number, end: number): void {
  if (ctx.depth > MAX_CODE_DEPTH) {
    // Reached through xargs past the bound: recorded, not looked into.
    if (!out.error) out.error = OVER.codeDepth;
    emitFlat(out, argv, ctx, start, end);
    return;
  }
  const u = unwrap(argv);
  if (!u.words.length) {
    if (u.wrappers.length) {
      record(out, simple(u.wrappers[u.wrappers.length - 1], argv, u.wrappers, redirects, heredoc, ctx, start, end), ctx);
    }
    return;
  }
  const name = baseName(u.words[0].value);
  if (u.xargs) {
    // The program inherits xargs's standard streams, so its redirects too; it stands for xargs.
    const at = out.commands.length;
    emit(out, u.words, redirects, null, ctxWith(ctx, ctx.background, 'xargs', ctx.depth + 1), start, end);
    // The program is the first command its emit added (code it runs, `sh -c '…'`, follows it).
    const prog = out.commands[at];
    if (prog) {
      prog.wrappers = [...u.wrappers, ...prog.wrappers];
      prog.piped = true;
    }
    return;
  }
  const cmd = simple(name, u.words, u.wrappers, redirects, heredoc, ctx, start, end);
  cmd.chdir = u.chdir;
  record(out, cmd, ctx);
  if (u.code && u.code.words.length) {
    const codeWords = u.code.words;
    const code = codeWords.map((w) => w.value).join(' ');
    const first = codeWords[0];
    const lastWord = codeWords[codeWords.length - 1];
    const exact = codeWords.length === 1 && first.end - first.start === code.length + 2;
    const base = first.start + 1;
    const map = exact ? (o: number) => base + o : (o: number) => Math.min(lastWord.end, Math.max(first.start, first.start + o));
    const via: Via = u.code.kind;
    parseNested(
      code,
      {
        text: code,
        map,
        background: ctx.background,
        via,
        // Host names are case-insensitive (a URL's host is read lower-cased): one spelling for every reader.
        remoteHost: u.code.host ? u.code.host.replace(/^.*@/, '').toLowerCase() : ctx.remoteHost,
        depth: ctx.depth + 1,
        budget: ctx.budget,
      },
      out,
    );
    return;
  }
  if (/^python[\d.]*$/.test(name)) {
    const c = u.words.findIndex((w) => w.value === '-c');
    if (c > 0 && u.words[c + 1]) {
      const w = u.words[c + 1];
      const exact = w.end - w.start === w.value.length + 2;
      pushPython(out, w.value, exact ? (o) => w.start + 1 + o : () => w.start, ctx);
    } else if (heredoc !== null && (u.words.length === 1 || u.words[1].value === '-')) {
      pushPython(out, heredoc, () => start, ctx);
    }
  }
}
