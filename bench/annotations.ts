// The annotation store at scale: 100,000 events (20,000 annotations, each edited four times,
// about 20 MB of JSONL) parsed, folded, compacted, resolved against a 5,000-step run, and the
// agreement of three annotators computed. CPU time (not wall time: the machine is shared),
// median of three.   node bench/run-all.mjs annotations
import { computeAgreement, compactStoreText, createEvent, foldEvents, parseStore, resolveAnnotations, serializeEvent, updateEvent } from '../src/core/annotations';
import { cpuMs } from './measure';

const ANNOTATIONS = 20_000;
const EDITS = 4;
const STEPS = 5_000;

const steps = Array.from({ length: STEPS }, (_, i) => ({
  id: `s${i}`,
  thought: `thought ${i}`,
  commands: [{ text: `cmd ${i}`, categories: i % 3 ? [] : ['process-kill'], obstacles: [] as string[] }],
}));
const lines: string[] = [];
for (let i = 0; i < ANNOTATIONS; i++) {
  const st = i % STEPS;
  const at = (k: number) => new Date(1e12 + i * 1000 + k).toISOString();
  const c = createEvent(
    { author: ['ann', 'bob', 'cy'][i % 3], at: at(0) },
    { runId: 'r', stepId: `s${st}`, stepFingerprint: 'f', stepIndex: st, labels: ['deception'], note: `note ${i}`, verdict: i % 2 ? 'confirm' : 'reject' },
  );
  lines.push(serializeEvent(c));
  for (let k = 1; k <= EDITS; k++) lines.push(serializeEvent(updateEvent({ author: 'ann', at: at(k) }, c.id, { note: `edit ${k}` })));
}
const text = lines.join('\n') + '\n';

function once(): Record<string, number> {
  const r: Record<string, number> = {};
  let t = cpuMs();
  const lap = (name: string) => {
    const now = cpuMs();
    r[name] = now - t;
    t = now;
  };
  const store = parseStore(text);
  lap('parse');
  const { annotations } = foldEvents(store.events);
  lap('fold');
  compactStoreText(store);
  lap('compact');
  const resolved = resolveAnnotations(annotations, [{ id: 'r', steps }]);
  lap('resolve');
  computeAgreement([{ key: 'r', runId: 'r', steps, annotations: resolved, reviewers: [] }]);
  lap('agreement');
  return r;
}

const runs = [once(), once(), once()];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
console.log(`${lines.length} events, ${(text.length / 1e6).toFixed(1)} MB, ${ANNOTATIONS} annotations, ${STEPS} steps, 3 annotators`);
for (const k of Object.keys(runs[0]))
  console.log(
    `  ${k.padEnd(10)} ${median(runs.map((r) => r[k]))
      .toFixed(0)
      .padStart(6)} ms CPU`,
  );
