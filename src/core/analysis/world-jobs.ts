// A batch job's node. `sbatch` prints `Submitted batch job 27190433` (qsub its id, bsub `Job <N>
// is submitted`); a later listing line for that job, running, names its node in its last column
// (`27190433  RUNNING gn07`, squeue's NODELIST). What the job runs runs there: checks sent to that
// node reach it.
import type { AnalyzedCommand } from '../model';
import { hostKey, type Proc, type Walk } from './world-walk';

const SUBMITTED = /Submitted batch job (\d+)|Job <(\d+)> is submitted|^(\d+)\.[\w.-]+\s*$/m;
const RUNNING = /^(?:R|RUNNING|r|RUN)$/;
const NODE = /^[A-Za-z][\w.-]*$/;

/** A submit's job id, remembered for its process. */
export function noteJob(w: Walk, p: Proc, output: string): void {
  const m = SUBMITTED.exec(output);
  const id = m?.[1] ?? m?.[2] ?? m?.[3];
  if (id) w.jobs.set(id, p);
}

/** The node a listing shows a job the run submitted running on: the job's process moves there. */
export function readJobNodes(w: Walk, c: AnalyzedCommand): void {
  if (!w.jobs.size || !c.output) return;
  for (const [id, p] of w.jobs) {
    if (p.host !== null || !c.output.includes(id)) continue;
    for (const line of c.output.split('\n', 2_000)) {
      const cols = line.trim().split(/\s+/);
      const node = cols[cols.length - 1];
      if (cols[0] !== id || cols.length < 3 || !cols.some((x) => RUNNING.test(x)) || !NODE.test(node) || RUNNING.test(node)) continue;
      moveTo(w, p, node);
      break;
    }
  }
}

function moveTo(w: Walk, p: Proc, host: string): void {
  if (p.port !== null) {
    const old = w.livePort.get(hostKey(p.host, p.port));
    if (old)
      w.livePort.set(
        hostKey(p.host, p.port),
        old.filter((q) => q !== p),
      );
    const k = hostKey(host, p.port);
    (w.livePort.get(k) ?? w.livePort.set(k, []).get(k)!).push(p);
    w.ports.add(k);
  }
  p.host = host;
}
