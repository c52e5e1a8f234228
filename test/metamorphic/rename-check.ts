// The rename check: the hosts a run names (the hosts its commands reach, and every IPv4 address
// but loopback and wildcards) renamed consistently, everywhere in the run (task, thoughts,
// commands, outputs), change neither its verdict nor how any command is read. A rule that keys on
// a host's name, or on one address, would move with it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeRead } from '../../src/core/analyze';
import { readFile, sourceFile } from '../../src/core/formats';
import type { Analysis, AnalyzedTrajectory, RawTrajectory } from '../../src/core/model';
import { runFiles } from './corpus-check';

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

function renamed(t: RawTrajectory, hosts: string[]): RawTrajectory {
  const f = renamer(hosts);
  return {
    ...t,
    task: t.task && f(t.task),
    steps: t.steps.map((s) => ({ ...s, thought: f(s.thought), notes: s.notes?.map(f), commands: s.commands.map((c) => ({ ...c, text: f(c.text), output: f(c.output) })) })),
  };
}

const readings = (a: Analysis) =>
  a.trajectories.map((t) => ({
    verdict: t.outcome.verdict,
    commands: t.steps.flatMap((s) => s.commands.map((c) => `${[...c.categories].sort().join(',')} :: ${[...c.obstacles].sort().join(',')}`)),
  }));

export interface RenameCheck {
  /** Runs with a host or an address to rename. */
  renamed: number;
  moved: string[];
}

export function checkRenames(dirs: string[]): RenameCheck {
  const out: RenameCheck = { renamed: 0, moved: [] };
  for (const path of dirs.flatMap(runFiles)) {
    const name = basename(path);
    let read;
    try {
      read = readFile(sourceFile(name, new Uint8Array(readFileSync(path))));
    } catch {
      continue;
    }
    const plain = analyzeRead(name, read);
    // Sub-agent runs join their session's run: hosts are taken per raw run, by id.
    const byId = new Map(plain.trajectories.map((t) => [t.id, t]));
    const raws = read.trajectories.map((t) => renamed(t, hostsOf(byId.get(t.id))));
    const changed = raws.some((r, i) => JSON.stringify(r) !== JSON.stringify(read.trajectories[i]));
    if (!changed) continue;
    out.renamed++;
    const before = readings(plain);
    const after = readings(analyzeRead(name, { ...read, trajectories: raws }));
    before.forEach((b, i) => {
      if (b.verdict !== after[i]?.verdict) out.moved.push(`${path} run ${i + 1}: ${b.verdict} -> ${after[i]?.verdict}`);
      const j = b.commands.findIndex((c, k) => c !== after[i]?.commands[k]);
      if (j >= 0) out.moved.push(`${path} run ${i + 1}, command ${j + 1}: ${b.commands[j]} -> ${after[i]?.commands[j]}`);
    });
  }
  return out;
}
