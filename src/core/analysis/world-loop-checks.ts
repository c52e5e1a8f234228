// A check written once for several targets: `for p in 7711 7712; do curl localhost:$p/health;
// done` checks each port the loop gives. Read as one check per value, each judged by the
// command's output (the loop's answers are printed together).
import type { AnalyzedCommand, Finding } from '../model';
import { loopValues } from './world-copies';

const LOOP_VAR = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/;

/** `localhost:$p/health`, `http://gpu-$i:8000/v1/models`: an address a loop variable completes (entities keep no such URL). */
const VAR_URL = /(?:https?:\/\/)?[\w.$-]*(?:\$\{?[A-Za-z_]\w*\}?)?[\w.-]*:(?:\d{2,5}|\$\{?[A-Za-z_]\w*\}?)(?:\/[^\s'"]*)?/;

export function perLoopCheck(c: AnalyzedCommand): AnalyzedCommand[] {
  if (!c.text.includes('for ')) return [c];
  const f = c.findings.find((x) => x.category === 'liveness-check');
  const url = f?.entities.urls.find((u) => LOOP_VAR.test(u)) ?? (f ? VAR_URL.exec(c.text.slice(f.span[0], f.span[1]))?.[0] : undefined);
  const m = url ? LOOP_VAR.exec(url) : null;
  const values = m ? loopValues(c.text)?.get(m[1] ?? m[2]) : undefined;
  if (!f || !url || !m || !values) return [c];
  return values.map((v) => {
    const one = url.slice(0, m.index) + v + url.slice(m.index + m[0].length);
    const port = /^(?:https?:\/\/)?[^/:]+:(\d{2,5})(?:\/|$)/.exec(one)?.[1];
    const host = /^(?:https?:\/\/)?([^/:]+)/.exec(one)?.[1];
    const local = !host || /^(localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1\])$/.test(host);
    const entities = { ...f.entities, urls: [one], ports: port ? [Number(port)] : f.entities.ports, hosts: local ? f.entities.hosts : [host] };
    const findings: Finding[] = c.findings.map((x) => (x === f ? { ...f, entities } : x));
    return { ...c, findings };
  });
}
