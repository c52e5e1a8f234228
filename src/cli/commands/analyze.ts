// `replication-lens analyze PATH... [--json]`: a readable terminal timeline (steps numbered from
// 1, as in the editor), or the analysis contract of DESIGN.md as JSON (0-based `index`).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Analysis, FormatId } from '../../core/model';
import { FORMAT_IDS, isCritical } from '../../core/model';
import { initAnalysis } from '../../node/init-analysis';
import { OpenedLog } from '../../node/open-log';
import { useLaterTierUp } from '../../node/v8-tuning';
import { FormatError } from '../../core/formats';
import { loadUserRules } from '../../core/analysis/user-rules';
import { setExtraRules } from '../../core/analysis/command';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { badge, colourWanted, inert, paint } from '../terminal';
import { writeJson } from '../json-stream';
import { writeStdout } from '../stdout';

export const analyzeCommand: CliCommand = {
  summary: 'timeline of one or more trajectory files (or the analysis as JSON)',
  help: `usage: replication-lens analyze PATH... [--json] [--format ID] [--rules RULES.json] [--all]

  PATH            a trajectory file, or an OpenHands V1 conversation folder (events/);
                  a Claude Code SESSION.jsonl brings its SESSION/subagents/*.jsonl along
  --json          print the analysis contract (schema replication-lens/analysis@1); one
                  document for one file, a JSON array for several
  --format ID     skip sniffing and read as ID (${FORMAT_IDS.join(', ')})
  --rules FILE    extra rules from a JSON file (see README, "Your own rules")
  --all           list every step, not only the ones with findings

Only regular files (and conversation folders) are read, up to 2 GiB each (512 MiB of
text); UTF-16 text and lone-CR line ends are decoded, with a warning.

Exit status: 0 success; 1 a file could not be read, or nothing of it could (every run
failed); 2 usage error.`,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['--format', '--rules'], ['--json', '--all']);
    if (!positional.length) throw new UsageError('no file given');
    const format = flags.get('--format');
    if (typeof format === 'string' && !(FORMAT_IDS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${format}' (known: ${FORMAT_IDS.join(', ')})`);
    }
    const rulesFile = flags.get('--rules');
    if (typeof rulesFile === 'string') {
      try {
        setExtraRules(loadUserRules(readFileSync(rulesFile, 'utf8'), rulesFile));
      } catch (e) {
        process.stderr.write(`replication-lens: ${(e as Error).message}\n`);
        return 1;
      }
    }
    await initAnalysis();
    // Each file is written as soon as it is analysed, and let go: a batch of large logs never
    // sits in memory at once. With --json, one file is one document; several, one array.
    const json = flags.has('--json');
    const array = json && positional.length > 1;
    let written = 0;
    let failed = false;
    for (const file of positional) {
      let a: Analysis;
      try {
        const log = OpenedLog.fromPath(file, format as FormatId | undefined);
        useLaterTierUp(); // the reader has run: see v8-tuning.ts
        a = log.all();
      } catch (e) {
        failed = true;
        process.stderr.write(`replication-lens: ${readErrorText(file, e)}\n`);
        continue;
      }
      const nothing = nothingRead(a);
      if (nothing) {
        // Every run of the file failed (an .eval whose samples are all damaged): as unreadable
        // as a file no reader claims, so it fails the same way (`stats` counts it an error too).
        failed = true;
        process.stderr.write(`replication-lens: cannot read ${inert(file)} as ${a.format}: ${nothing}\n`);
        continue;
      }
      if (!json) writeStdout(renderTimeline(a, flags.has('--all'), colourWanted(process.stdout)));
      else if (!array) writeJson(a, writeStdout);
      else {
        writeStdout(written ? ',\n  ' : '[\n  ');
        writeJson(a, writeStdout, '  ');
      }
      written++;
    }
    // What JSON.stringify would end with: the array closed, or `[]` when nothing was read.
    if (json) writeStdout(written ? (array ? '\n]\n' : '\n') : '[]\n');
    return failed ? 1 : 0;
  },
};

/**
 * `cannot read FILE [as FORMAT] [(line N)]: why`, naming the file once: readers and the
 * sniffer may start their message with the file's name or their format id, said here already.
 */
export function readErrorText(file: string, e: unknown): string {
  let msg = e instanceof Error ? e.message : String(e);
  const fe = e instanceof FormatError ? e : null;
  const names = [file, basename(file)].filter((n, i, all) => n && all.indexOf(n) === i);
  for (let again = true; again;) {
    again = false;
    for (const prefix of [...names.map((n) => `${n}: `), ...(fe && fe.format !== 'unknown' ? [`${fe.format}: `] : [])]) {
      if (msg.startsWith(prefix)) {
        msg = msg.slice(prefix.length);
        again = true;
      }
    }
  }
  // Node's own errors (ENOENT...) end with the path: say it once, up front.
  const sys = e as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
    const what = SYSTEM_ERRORS[sys.code];
    msg = what ?? msg.replace(new RegExp(`,? ${sys.syscall}(?: '[^']*')+$`), '').replace(/^[A-Z]+: /, '');
  }
  const where = fe
    ? [fe.line && !new RegExp(`\\bline ${fe.line}\\b`).test(msg) ? `line ${fe.line}` : '', fe.entry && !msg.includes(fe.entry) ? `entry ${fe.entry}` : '']
        .filter(Boolean)
        .join(', ')
    : '';
  const fmt = fe && fe.format !== 'unknown' ? ` as ${fe.format}` : '';
  return inert(`cannot read ${file}${fmt}${where ? ` (${where})` : ''}: ${msg}`);
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a folder',
};

/**
 * Why nothing of an analysed file could be read, or null when something could: it has error
 * issues and no run with a step (every run failed, or the file's runs were all dropped).
 */
export function nothingRead(a: Analysis): string | null {
  if (a.trajectories.some((t) => t.steps.length > 0)) return null;
  const errors = [...a.issues, ...a.trajectories.flatMap((t) => t.issues)].filter((i) => i.severity === 'error');
  if (!errors.length) return null;
  const shown = errors.slice(0, 3).map((i) => `${inert(i.message.startsWith(`${a.file}: `) ? i.message.slice(a.file.length + 2) : i.message)}${i.line ? ` (line ${i.line})` : ''}`);
  const runs = a.trajectories.length ? `all ${a.trajectories.length} run(s) failed` : 'no run could be read';
  return `${runs}: ${shown.join('; ')}${errors.length > 3 ? `; and ${errors.length - 3} more error(s)` : ''}`;
}

export function renderTimeline(a: Analysis, all: boolean, colour: boolean): string {
  const p = paint(colour);
  const out: string[] = [];
  out.push(p.bold(`${inert(a.file)}`) + p.dim(`  (${a.format})`));
  for (const issue of a.issues) out.push(p.yellow(`  ${issue.severity}: ${inert(issue.message)}${issue.line ? ` (line ${issue.line})` : ''}`));
  for (const t of a.trajectories) {
    const verdict = t.outcome.verdict;
    const vc = verdict === 'replicated' ? p.red : verdict === 'failed' ? p.yellow : p.dim;
    out.push('');
    out.push(`${p.bold(inert(t.title))}${t.model ? p.dim(`  model ${inert(t.model)}`) : ''}`);
    out.push(`  verdict: ${vc(verdict)}  ${p.dim(inert(t.outcome.reason))}`);
    const commands = t.steps.reduce((n, s) => n + s.commands.length, 0);
    out.push(p.dim(`  ${t.steps.length} steps, ${commands} commands`));
    for (const issue of t.issues) out.push(p.yellow(`  ${issue.severity}: ${inert(issue.message)}${issue.line ? ` (line ${issue.line})` : ''}`));
    for (const s of t.steps) {
      const interesting = s.commands.some((c) => c.categories.length || c.obstacles.length);
      if (!all && !interesting) continue;
      const critical = s.commands.some((c) => c.categories.some(isCritical));
      const time = s.time ? s.time.replace('T', ' ').slice(0, 19) : '';
      const lines = s.source ? p.dim(` L${s.source.startLine}`) : '';
      out.push(`${critical ? p.red('●') : p.dim('·')} ${p.bold(String(s.index + 1).padStart(4))} ${p.dim(time)}${lines}`);
      for (const c of s.commands) {
        const text = inert(c.text.split('\n')[0].slice(0, 160)) + (c.text.includes('\n') ? p.dim(' …') : '');
        const badges = [...c.categories.map((x) => badge(p, x)), ...c.obstacles.map((o) => badge(p, `obstacle:${o}`))].join(' ');
        const exit = c.exitCode !== null && c.exitCode !== 0 ? p.yellow(` exit ${c.exitCode}`) : '';
        out.push(`       ${p.cyan('$')} ${critical && c.categories.some(isCritical) ? p.bold(text) : text}${exit}`);
        if (badges) out.push(`         ${badges}`);
        if (c.parseError) out.push(p.dim(`         (${inert(c.parseError)}; read token by token)`));
      }
    }
    if (t.threads.length) {
      out.push('');
      out.push(p.bold('  threads'));
      for (const th of t.threads.slice(0, 20)) {
        out.push(`  ${p.magenta(inert(th.entity))}: ${th.steps.map((s, i) => `${th.roles[i]} in ${s + 1}`).join(', ')}`);
      }
    }
  }
  return out.join('\n') + '\n\n';
}
