// The rename check: the hosts a run names (the hosts its commands reach, and every IPv4 address
// but loopback and wildcards) renamed consistently, everywhere in the run (task, thoughts,
// commands, outputs), change neither its verdict nor how any command is read. A rule that keys on
// a host's name, or on one address, would move with it.
import { analyzeRead } from '../../src/core/analyze';
import type { AnalyzedTrajectory, RawTrajectory } from '../../src/core/model';
import { runFiles } from './corpus-check';
import { moves, readingsOf, readRunFile } from './readings';

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;
/** Names that are words of the trade, not a host's own name. */
const GENERIC = /^(?:localhost|host|remote|server|github|gitlab|huggingface|origin|upstream)$/i;

/** A text rewriter for one run: its hosts' names and its addresses, each to one new one. */
function renamer(hosts: string[]): (s: string) => string {
  const names = hosts.filter((h) => /^[a-z][a-z0-9-]*[a-z0-9]$/i.test(h) && !GENERIC.test(h));
  const byName = new Map(names.map((n, i) => [n, `zz${i}-box`]));
  const nameRe = names.length ? new RegExp(`(?<![\\w.-])(?:${names.map((n) => n.replace(/-/g, '\\-')).join('|')})(?![\\w-])`, 'g') : null;
  const byIp = new Map<string, string>();
  return (s) => {
    const t = nameRe ? s.replace(nameRe, (x) => byName.get(x) ?? x) : s;
    return t.replace(IPV4, (all, a: string, b: string, c: string, d: string) => {
      if ([a, b, c, d].some((x) => Number(x) > 255) || a === '127' || a === '0' || a === '255' || d === '0' || d === '255') return all;
      const isPrivate = a === '10' || (a === '192' && b === '168') || (a === '172' && Number(b) >= 16 && Number(b) < 32);
      let v = byIp.get(all);
      if (!v) byIp.set(all, (v = isPrivate ? `10.91.${byIp.size}.${7 + byIp.size}` : `203.0.113.${10 + byIp.size}`));
      return v;
    });
  };
}

function hostsOf(t: AnalyzedTrajectory | undefined): string[] {
  return [...new Set((t?.steps ?? []).flatMap((s) => s.commands.flatMap((c) => c.findings.flatMap((f) => f.entities.hosts))))];
}

/** Names a command runs as a program (`rsync ... rsync:/w/`, a pod or container named like its tool): renaming those renames the program. */
function programsOf(t: RawTrajectory): Set<string> {
  const out = new Set<string>();
  for (const s of t.steps)
    for (const c of s.commands) {
      for (const m of c.text.matchAll(/(?:^|[|;&(]|\n)\s*(?:sudo\s+)?([\w.-]+)/g)) out.add(m[1]);
      // The program run inside a container (`docker exec nginx nginx -s reload`).
      for (const m of c.text.matchAll(/\bexec\s+(?:-\S+\s+)*[\w.-]+\s+(?:--\s+)?([\w.-]+)/g)) out.add(m[1]);
    }
  return out;
}

function renamed(t: RawTrajectory, hosts: string[]): RawTrajectory {
  const programs = programsOf(t);
  const f = renamer(hosts.filter((h) => !programs.has(h)));
  return {
    ...t,
    task: t.task && f(t.task),
    steps: t.steps.map((s) => ({ ...s, thought: f(s.thought), notes: s.notes?.map(f), commands: s.commands.map((c) => ({ ...c, text: f(c.text), output: f(c.output) })) })),
  };
}

export interface RenameCheck {
  /** Runs with a host or an address to rename. */
  renamed: number;
  moved: string[];
}

export function checkRenames(dirs: string[]): RenameCheck {
  const out: RenameCheck = { renamed: 0, moved: [] };
  for (const path of dirs.flatMap(runFiles)) {
    const file = readRunFile(path);
    if (!file) continue;
    const { name, read } = file;
    const plain = analyzeRead(name, read);
    // Sub-agent runs join their session's run: hosts are taken per raw run, by id.
    const byId = new Map(plain.trajectories.map((t) => [t.id, t]));
    const raws = read.trajectories.map((t) => renamed(t, hostsOf(byId.get(t.id))));
    const changed = raws.some((r, i) => JSON.stringify(r) !== JSON.stringify(read.trajectories[i]));
    if (!changed) continue;
    out.renamed++;
    // The commands' texts are renamed too: their readings are compared without them.
    const after = readingsOf(analyzeRead(name, { ...read, trajectories: raws }));
    readingsOf(plain).forEach((b, i) => out.moved.push(...moves(`${path} run ${i + 1}, hosts renamed`, b, after[i])));
  }
  return out;
}
