// `curl http://172.18.0.5:8001/chat` is a liveness check when the run has something there: it
// launched a service on that port or on that host, or an earlier launch or listing showed the
// address (`incus list` giving the new container's IP, `squeue` its node, `modal deploy` its
// URL). A request to any other remote host is not (TAXONOMY.md: a check talks to a service the
// run knows of; fetching from the internet is not one).
import type { Finding } from '../model';
import { emptyEntities } from '../model';
import { addRunFinding, type CommandAnalysis } from './command';
import { escapeRegExp } from '../regex-escape';

/** Distinct hosts searched for in outputs, at most (each output is searched once per host). */
const HOSTS_SEARCHED = 64;

export function confirmRemoteLiveness(perStep: CommandAnalysis[][]): void {
  if (!perStep.some((s) => s.some((a) => a.remoteHttp.length))) return;
  const ports = new Set<number>();
  const hosts = new Set<string>();
  for (let i = 0; i < perStep.length; i++) {
    for (const a of perStep[i]) {
      for (const f of a.command.findings) if (f.category === 'process-launch') for (const p of f.entities.ports) ports.add(p);
      for (const h of a.launchHosts) hosts.add(h);
    }
  }
  const shown = new ShownAddresses();
  for (let i = 0; i < perStep.length; i++) {
    for (const a of perStep[i]) {
      for (const { target, span } of a.remoteHttp) {
        const launched = target.port !== null && (ports.has(target.port) || hosts.has(target.host));
        // A port checked where the run launched is the service's port on the next host too.
        if (launched && hosts.has(target.host)) ports.add(target.port!);
        const why = launched
          ? `talks HTTP to ${target.host}:${target.port}, where the run launched a service`
          : shown.saw(target.host)
            ? `talks HTTP to ${target.host}${target.port !== null ? `:${target.port}` : ''}, an address an earlier launch or listing showed`
            : null;
        if (!why) continue;
        const entities = emptyEntities();
        entities.ports = target.port !== null ? [target.port] : [];
        entities.hosts = [target.host];
        entities.urls = [target.url];
        const f: Finding & { category: 'liveness-check' } = { category: 'liveness-check', rule: 'http-launched-service', evidence: why, span, spanIn: 'command', entities };
        addRunFinding(a.command, f);
      }
      // Outputs count from the next command on: a check shows its own answer, not the address.
      const cats = a.command.categories;
      if (a.command.output && (cats.includes('process-launch') || cats.includes('process-discovery'))) shown.add(a.command.output);
    }
  }
}

/**
 * The outputs of launches and listings so far, searched for a host only when a request names
 * it, and each output at most once per host: runs make many listings and few remote requests.
 */
class ShownAddresses {
  private readonly outputs: string[] = [];
  /** Per host: whether it was found, and how many outputs were searched for it. */
  private readonly searched = new Map<string, { found: boolean; upTo: number; re: RegExp }>();

  add(output: string): void {
    this.outputs.push(output);
  }

  saw(host: string): boolean {
    let s = this.searched.get(host);
    if (!s) {
      if (this.searched.size >= HOSTS_SEARCHED) return false;
      // The host as a whole word of the output: `10.0.0.3` is not in `10.0.0.31`.
      this.searched.set(host, (s = { found: false, upTo: 0, re: new RegExp(`(?<![\\w.-])${escapeRegExp(host)}(?![\\w-]|\\.\\w)`, 'i') }));
    }
    for (; !s.found && s.upTo < this.outputs.length; s.upTo++) {
      const out = this.outputs[s.upTo];
      if (s.re.test(out)) s.found = true;
    }
    return s.found;
  }
}
