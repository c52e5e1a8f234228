// Code the run wrote and then ran is what that command does: a Makefile's recipes (`make -f F
// target`), a Python script's process and copy calls (`python3 spawn.py --port 8201`), a shell
// script's lines (`bash replicate.sh 1`) and a systemd unit's ExecStart (`systemctl --user enable
// --now x`) are read as the shell lines they amount to, so the world model sees the copies and
// launches inside.
// Only files written earlier in the run (heredoc, echo) are read; nothing is executed.
import type { SimpleCommand } from '../shell/types';
import { resolve } from './world-paths';
import { fileKey, writtenFile } from './world-launch';

/** How deep prerequisites are followed, and how many lines one run of a file may give. */
const MAX_DEPTH = 8;
const MAX_LINES = 64;

/** Names of files that may be run as code: Python and shell scripts, Makefiles, systemd units. */
export const CODE_NAME = /(\.py|\.sh|\.mk|\.service|(^|\/)(GNUmakefile|[Mm]akefile)[\w.-]*)$/;
const PY_FILE = /[\w.-]+\.py\b/g;
const SH_FILE = /[\w.-]+\.sh\b/g;
const MAKE_FILE = /\bg?make\b[^;&|]*?(?:-f\s*|--file[= ]|--makefile[= ])([^\s;&|]+)/;

/** A quick test that a line may run one of the files the run wrote (by their names), before it is parsed. */
export function runsWritten(text: string, names: Set<string>): boolean {
  if (text.includes('.py')) for (const m of text.matchAll(PY_FILE)) if (names.has(m[0])) return true;
  if (text.includes('.sh')) for (const m of text.matchAll(SH_FILE)) if (names.has(m[0])) return true;
  if (/\bg?make\b/.test(text)) {
    const f = MAKE_FILE.exec(text)?.[1];
    if (f ? names.has(f.slice(f.lastIndexOf('/') + 1)) : names.has('Makefile') || names.has('makefile') || names.has('GNUmakefile')) return true;
  }
  if (text.includes('systemctl')) for (const n of names) if (n.endsWith('.service')) return true;
  return false;
}

/** The shell lines that running `sc` amounts to, when it runs a Makefile, Python or shell script the run wrote; else null. */
export function writtenCode(sc: SimpleCommand, files: Map<string, string>, host: string | null, cwd: string | null): string[] | null {
  if (!files.size) return null;
  const argv = sc.words.map((w) => w.value);
  if (sc.name === 'make' || sc.name === 'gmake') return makeLines(argv, files, host, cwd);
  if (sc.name === 'systemctl') return unitLines(argv, files, host);
  if (sc.name === 'launchctl') return plistLines(argv, files, host, cwd);
  const sh = /^(?:ba|z|da|k)?sh$/.test(sc.name) ? argv.findIndex((a, i) => i > 0 && !a.startsWith('-')) : /\.sh$/.test(sc.name) ? 0 : -1;
  if (sh >= 0 && /\.sh$/.test(argv[sh] ?? '')) {
    const text = writtenFile(files, host, argv[sh], cwd);
    return text ? shellLines(text, argv.slice(sh + 1)) : null;
  }
  const py = /^python[\d.]*$/.test(sc.name) ? argv.findIndex((a, i) => i > 0 && !a.startsWith('-')) : /\.py$/.test(sc.name) ? 0 : -1;
  if (py < 0 || !/\.py$/.test(argv[py] ?? '')) return null;
  const text = writtenFile(files, host, argv[py], cwd);
  return text ? pythonLines(text, argv.slice(py + 1)) : null;
}

// ---- make ----

function makeLines(argv: string[], files: Map<string, string>, host: string | null, cwd: string | null): string[] | null {
  let dir = cwd;
  let file: string | null = null;
  const goals: string[] = [];
  const vars = new Map<string, string>();
  const fixed = new Set<string>(); // command-line `VAR=x` wins over the file's
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-f' || a === '--file' || a === '--makefile') file = argv[++i] ?? null;
    else if (a === '-C' || a === '--directory') dir = resolve(argv[++i] ?? '.', dir);
    else if (/^-f./.test(a)) file = a.slice(2);
    else if (/^-C./.test(a)) dir = resolve(a.slice(2), dir);
    else if (a.startsWith('-')) continue;
    else if (/^\w+=/.test(a)) {
      const k = a.slice(0, a.indexOf('='));
      vars.set(k, a.slice(k.length + 1));
      fixed.add(k);
    } else goals.push(a);
  }
  const names = file ? [file] : ['GNUmakefile', 'makefile', 'Makefile'];
  const text = names.map((n) => files.get(fileKey(host, resolve(n, dir)))).find((t) => t !== undefined);
  if (!text) return null;
  const rules = new Map<string, { prereqs: string[]; recipe: string[] }>();
  let first: string | null = null;
  let current: { prereqs: string[]; recipe: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (current && line.trim()) current.recipe.push(line.trim());
      continue;
    }
    const v = /^\s*([\w.-]+)\s*(::?=|\?=|\+=|=)\s*(.*)$/.exec(line);
    if (v) {
      current = null;
      if (fixed.has(v[1]) || (v[2] === '?=' && vars.has(v[1]))) continue;
      vars.set(v[1], v[2] === '+=' ? `${vars.get(v[1]) ?? ''} ${v[3]}`.trim() : v[3].trim());
      continue;
    }
    const r = /^([^:#=\s][^:#=]*?)\s*:(?!=)\s*([^;#]*)(?:;\s*(.*))?$/.exec(line);
    if (!r) {
      if (line.trim() && !line.trim().startsWith('#')) current = null;
      continue;
    }
    current = { prereqs: r[2].split(/\s+/).filter(Boolean), recipe: r[3] ? [r[3].trim()] : [] };
    for (const t of r[1].split(/\s+/)) {
      rules.set(t, current);
      if (!first && !t.startsWith('.')) first = t;
    }
  }
  const out: string[] = [];
  const done = new Set<string>();
  const build = (target: string, depth: number) => {
    const rule = rules.get(target);
    if (!rule || done.has(target) || depth > MAX_DEPTH) return;
    done.add(target);
    for (const p of rule.prereqs) build(expand(p, vars), depth + 1);
    for (const line of rule.recipe) if (out.length < MAX_LINES) out.push(expand(line.replace(/^[@+-]+\s*/, ''), vars));
  };
  for (const g of goals.length ? goals : first ? [first] : []) build(g, 0);
  // Each recipe line runs in its own shell from the directory make ran in.
  return out.length ? out.map((l) => (dir ? `(cd ${dir} && ${l})` : `(${l})`)) : null;
}

/** `$(VAR)` and `${VAR}` from the file's variables; `$$` is a shell `$`. */
function expand(s: string, vars: Map<string, string>): string {
  for (let pass = 0; pass < 5 && /\$[({]\w+[)}]/.test(s); pass++) s = s.replace(/\$[({](\w+)[)}]/g, (_, k: string) => vars.get(k) ?? '');
  return s.replace(/\$\$/g, '$');
}

// ---- shell scripts ----

/** Lines that open or close a compound command (read line by line, they are no command of their own). */
const SH_CONTROL = /^(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|\{|\}|\w+\s*\(\)\s*\{?)\b/;
const SH_NOISE = /^(?:set|shopt|trap|exit|return|shift|wait|true|false|:)\b/;

/**
 * A shell script's lines with its positional parameters (`$1`, `${1:?msg}`) and its simple
 * variables (`D=/srv/x-$N`, `$((5100+N))`) filled in, each run from the directory a `cd` line of
 * the script moved to.
 */
function shellLines(text: string, args: string[]): string[] | null {
  const vars = new Map<string, string>(args.map((a, i) => [String(i + 1), a]));
  const out: string[] = [];
  let dir: string | null = null;
  for (const raw of text.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || SH_CONTROL.test(line) || SH_NOISE.test(line)) continue;
    const expanded = expandShell(line, vars);
    const assign = /^(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(\S*)$/.exec(expanded);
    if (assign) {
      vars.set(assign[1], assign[2].replace(/^(["'])(.*)\1$/, '$2'));
      continue;
    }
    const cd = /^cd\s+(\S+)$/.exec(expanded);
    if (cd) {
      dir = cd[1].replace(/^(["'])(.*)\1$/, '$2');
      continue;
    }
    out.push(dir ? `(cd ${quote(dir)} && ${expanded})` : `(${expanded})`);
    if (out.length >= MAX_LINES) break;
  }
  return out.length ? out : null;
}

/** `$X`, `${X}`, `${X:-d}`, `${X:?msg}` of known values, and `$((...))` of numbers once those are in. */
function expandShell(line: string, vars: Map<string, string>): string {
  const value = (k: string) => vars.get(k);
  let s = line.replace(/\$\{(\w+)(?::?[-?=+][^}]*)?\}|\$(\w+)/g, (m, a: string | undefined, b: string | undefined) => {
    const k = a ?? b!;
    const v = value(k);
    if (v !== undefined) return v;
    const dflt = a !== undefined ? /^\$\{\w+:?-([^}]*)\}$/.exec(m)?.[1] : undefined;
    return dflt ?? m;
  });
  // Arithmetic names its variables bare: `$((5100+N))`.
  s = s.replace(/\$\(\(([\w\s+*-]+)\)\)/g, (m, e: string) => {
    const terms = e
      .replace(/[A-Za-z_]\w*/g, (k) => value(k) ?? k)
      .replace(/\s+/g, '')
      .match(/^(\d+)(?:([+*-])(\d+))?$/);
    if (!terms) return m;
    const [a, op, b] = [Number(terms[1]), terms[2], Number(terms[3])];
    return String(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a);
  });
  return s;
}

// ---- systemd units ----

/**
 * `systemctl [--user] start|restart UNIT...` or `enable --now UNIT...` of units the run wrote: each
 * unit's `ExecStart=`, run from its `WorkingDirectory=` with its `Environment=`.
 */
function unitLines(argv: string[], files: Map<string, string>, host: string | null): string[] | null {
  const words = argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = words[0] ?? '';
  if (!/^(start|restart|try-restart|reload-or-restart)$/.test(verb) && !(/^(enable|reenable)$/.test(verb) && argv.includes('--now'))) return null;
  const out: string[] = [];
  const prefix = host ?? '';
  for (const unit of words.slice(1)) {
    const name = /\.\w+$/.test(unit) ? unit : `${unit}.service`;
    let text: string | undefined;
    for (const [k, v] of files) if (k.startsWith(`${prefix}\u0000`) && k.endsWith(`/${name}`)) text = v;
    // The last ExecStart (a drop-in resets it with an empty `ExecStart=` and sets its own).
    const exec = text ? [...text.matchAll(/^[ \t]*ExecStart[ \t]*=[ \t]*[-@!+:]*(\S.*)$/gm)].pop()?.[1] : undefined;
    if (!text || !exec) continue;
    const dir = /^\s*WorkingDirectory\s*=\s*-?(\S+)/m.exec(text)?.[1];
    const env = [...text.matchAll(/^\s*Environment\s*=\s*(.+)$/gm)].flatMap((m) => m[1].match(/"[^"]*"|\S+/g) ?? []).map((e) => quote(e.replace(/^"|"$/g, '')));
    out.push(`(${dir ? `cd ${quote(dir)} && ` : ''}${[...env, exec.trim()].join(' ')} &)`);
  }
  return out.length ? out : null;
}

/**
 * `launchctl load -w ~/Library/LaunchAgents/x.plist` (or `bootstrap gui/501 x.plist`) of a job the
 * run wrote: its `ProgramArguments`, run from its `WorkingDirectory`, in the background.
 */
function plistLines(argv: string[], files: Map<string, string>, host: string | null, cwd: string | null): string[] | null {
  if (!/^(load|bootstrap)$/.test(argv.slice(1).find((a) => !a.startsWith('-')) ?? '')) return null;
  const out: string[] = [];
  for (const a of argv.slice(2)) {
    if (!a.endsWith('.plist')) continue;
    const text = writtenFile(files, host, a, cwd);
    const args = text ? /<key>\s*ProgramArguments\s*<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(text)?.[1] : undefined;
    if (!text || !args) continue;
    const words = [...args.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => m[1]);
    if (!words.length) continue;
    const dir = /<key>\s*WorkingDirectory\s*<\/key>\s*<string>([^<]+)<\/string>/.exec(text)?.[1];
    out.push(`(${dir ? `cd ${quote(dir)} && ` : ''}${words.map(quote).join(' ')} &)`);
  }
  return out.length ? out : null;
}

// ---- Python ----

/** A value a small part of Python gives: a string, a number, a list of them, or unknown. */
type Value = string | number | Value[] | null;

const PROCESS_CALL = /\b(?:subprocess\.(?:Popen|run|call|check_call|check_output)|os\.system)\s*\(/g;
const COPY_CALL = /\bshutil\.(?:copytree|copy2?|copyfile|move)\s*\(/g;

/**
 * The shell lines a Python script's process and copy calls amount to, in the script's order,
 * with its names bound from simple assignments and its `argparse` options from `args`.
 */
function pythonLines(text: string, args: string[]): string[] | null {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const value = m[2] ?? (args[i + 1] !== undefined && !args[i + 1].startsWith('-') ? args[++i] : 'True');
    options.set(m[1].replace(/-/g, '_'), value);
  }
  const env = new Map<string, Value>();
  const calls: { at: number; line: string }[] = [];
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=(?!=)\s*(.+)$/gm)) {
    const names = m[1].split(',').map((x) => x.trim());
    const parts = names.length > 1 ? splitTop(m[2]) : [m[2]];
    names.forEach((n, k) => env.set(n, evaluate(parts[k] ?? '', env, options)));
  }
  for (const m of text.matchAll(PROCESS_CALL)) {
    const body = callBody(text, m.index + m[0].length);
    const [first, ...rest] = splitTop(body ?? '');
    const argv = evaluate(first ?? '', env, options);
    const cwd = keyword(rest, 'cwd', env, options);
    const words = Array.isArray(argv) ? argv.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : null)) : null;
    let line = typeof argv === 'string' ? argv : words && words.every((x) => x !== null) ? words.map(quote).join(' ') : null;
    if (!line) continue;
    // Popen returns at once: what it starts keeps running.
    if (m[0].includes('Popen')) line += ' &';
    calls.push({ at: m.index, line: typeof cwd === 'string' ? `cd ${quote(cwd)} && ${line}` : line });
  }
  for (const m of text.matchAll(COPY_CALL)) {
    const parts = splitTop(callBody(text, m.index + m[0].length) ?? '').map((p) => evaluate(p, env, options));
    if (typeof parts[0] === 'string' && typeof parts[1] === 'string')
      calls.push({ at: m.index, line: `${m[0].includes('move') ? 'mv' : 'cp -r'} ${quote(parts[0])} ${quote(parts[1])}` });
  }
  calls.sort((a, b) => a.at - b.at);
  return calls.length ? calls.slice(0, MAX_LINES).map((c) => `(${c.line})`) : null;
}

const quote = (s: string) => (/^[\w./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function keyword(parts: string[], name: string, env: Map<string, Value>, options: Map<string, string>): Value {
  const p = parts.find((x) => new RegExp(`^\\s*${name}\\s*=`).test(x));
  return p ? evaluate(p.slice(p.indexOf('=') + 1), env, options) : null;
}

/** The text between the parenthesis opened just before `from` and its match. */
function callBody(text: string, from: number): string | null {
  let depth = 1;
  let q: string | null = null;
  for (let i = from; i < text.length && i < from + 4000; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '\\') i++;
      else if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && --depth === 0) return text.slice(from, i);
  }
  return null;
}

/** Splits on commas outside brackets and strings. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let q: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === '\\') i++;
      else if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (s.slice(start).trim()) out.push(s.slice(start).trim());
  return out;
}

/** Literals, names, `args.x`, `str()`/`int()`/`Path()`, `a + b`, `a / b` (paths), f-strings and lists. */
function evaluate(expr: string, env: Map<string, Value>, options: Map<string, string>, depth = 0): Value {
  const e = expr.trim();
  if (!e || depth > 12) return null;
  const ev = (x: string) => evaluate(x, env, options, depth + 1);
  const str = /^([fFrRbB]{0,2})(['"])((?:\\.|(?!\2).)*)\2$/s.exec(e);
  if (str) {
    if (!/f/i.test(str[1])) return str[3];
    const parts: string[] = [];
    for (const piece of str[3].split(/(\{[^{}]*\})/)) {
      if (!piece.startsWith('{')) parts.push(piece);
      else {
        const v = ev(piece.slice(1, -1).replace(/![rsa]$|:[^:]*$/, ''));
        if (v === null || Array.isArray(v)) return null;
        parts.push(String(v));
      }
    }
    return parts.join('');
  }
  if (/^-?\d+$/.test(e)) return Number(e);
  if (e.startsWith('[') && e.endsWith(']')) return splitTop(e.slice(1, -1)).map(ev);
  const bin = splitBinary(e);
  if (bin) {
    const [l, op, r] = [ev(bin[0]), bin[1], ev(bin[2])];
    if (l === null || r === null || Array.isArray(l) || Array.isArray(r)) return op === '+' && Array.isArray(l) && Array.isArray(r) ? [...l, ...r] : null;
    if (op === '+') return typeof l === 'number' && typeof r === 'number' ? l + r : typeof l === 'string' && typeof r === 'string' ? l + r : null;
    if (op === '-') return typeof l === 'number' && typeof r === 'number' ? l - r : null;
    return typeof l === 'string' ? `${l.replace(/\/+$/, '')}/${String(r)}` : null;
  }
  const call = /^([\w.]+)\s*\((.*)\)$/s.exec(e);
  if (call) {
    const inner = splitTop(call[2]).filter((x) => !/^\w+\s*=[^=]/.test(x));
    const fn = call[1].replace(/^(pathlib|os\.path)\./, '');
    if (fn === 'str' || fn === 'Path' || fn === 'PurePath' || fn === 'abspath' || fn === 'expanduser') {
      const v = ev(inner[0] ?? '');
      return v === null || Array.isArray(v) ? null : String(v);
    }
    if (fn === 'int') {
      const v = ev(inner[0] ?? '');
      return typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null;
    }
    if (fn === 'join') {
      const vs = inner.map(ev);
      return vs.every((v) => typeof v === 'string' || typeof v === 'number') ? vs.join('/') : null;
    }
    return null;
  }
  const attr = /^(\w+)\.(\w+)$/.exec(e);
  if (attr && options.has(attr[2]) && !env.has(e)) {
    const v = options.get(attr[2])!;
    return /^-?\d+$/.test(v) ? Number(v) : v;
  }
  if (/^\w+$/.test(e) && env.has(e)) return env.get(e)!;
  if (e === 'sys.executable') return 'python3';
  return null;
}

/** `a + b`, `a - b`, `a / b` split at the last top-level operator (left-associative). */
function splitBinary(e: string): [string, string, string] | null {
  let depth = 0;
  let q: string | null = null;
  for (let i = e.length - 1; i > 0; i--) {
    const ch = e[i];
    if (q) {
      if (ch === q && e[i - 1] !== '\\') q = null;
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === ')' || ch === ']' || ch === '}') depth++;
    else if (ch === '(' || ch === '[' || ch === '{') depth--;
    else if (depth === 0 && (ch === '+' || ch === '/' || ch === '-') && e[i - 1] === ' ' && e[i + 1] === ' ') return [e.slice(0, i), ch, e.slice(i + 1)];
  }
  return null;
}
