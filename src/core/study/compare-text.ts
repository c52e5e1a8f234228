// The comparison of runs as plain text (the CLI's `compare`): runs as columns, a `≠` at the
// start of each line where they differ.
import { milestoneDelta, type RunComparison } from './compare';

const W = 34;

function fit(s: string, w = W): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '·');
  return (flat.length > w ? flat.slice(0, w - 1) + '…' : flat).padEnd(w);
}

export function comparisonText(c: RunComparison, opts: { steps?: boolean } = {}): string {
  const out: string[] = [];
  const line = (differs: boolean, label: string, cells: string[]) => out.push(`${differs ? '≠' : ' '} ${fit(label, 28)} ${cells.map((x) => fit(x)).join(' ')}`.trimEnd());
  const runs = c.runs;
  runs.forEach((r, i) => out.push(`run ${i + 1}: ${r.file}#${r.runId}  (${r.title})`));
  out.push('');
  line(
    false,
    '',
    runs.map((_, i) => `run ${i + 1}`),
  );
  line(
    runs.some((r) => r.model !== runs[0].model),
    'model',
    runs.map((r) => r.model ?? '—'),
  );
  line(
    c.verdictDiffers,
    'verdict',
    runs.map((r) => r.verdict),
  );
  line(
    runs.some((r) => r.evalScore !== runs[0].evalScore),
    'eval score',
    runs.map((r) => (r.evalScore === null ? '—' : `${r.evalScore}${r.evalAgrees === false ? ' (disagrees)' : ''}`)),
  );
  line(
    false,
    'steps / commands',
    runs.map((r) => `${r.steps} / ${r.commands}`),
  );
  line(
    false,
    'duration',
    runs.map((r) => (r.durationS === null ? '—' : `${Math.round(r.durationS)} s`)),
  );
  out.push('', 'milestones (step, seconds from start; against run 1)');
  for (const m of c.milestones) {
    line(
      m.differs,
      m.label,
      m.cells.map((x, i) => {
        if (!x) return '—';
        const d = i ? milestoneDelta(x, m.cells[0]) : '';
        return `step ${x.step}${x.seconds !== null ? ` · ${Math.round(x.seconds)} s` : ''}${d ? ` (${d})` : ''}`;
      }),
    );
  }
  out.push('', 'categories (commands)');
  for (const k of c.categories)
    line(
      k.differs,
      k.name,
      k.counts.map((n) => (n ? String(n) : '—')),
    );
  if (c.obstacles.length) {
    out.push('', 'obstacles (met / overcome)');
    for (const o of c.obstacles)
      line(
        o.differs,
        o.kind,
        o.met.map((n, i) => (n ? `${n} / ${o.overcome[i]}` : '—')),
      );
  }
  if (opts.steps) {
    out.push('', 'steps, aligned by milestone');
    for (const r of c.rows) {
      if (r.kind === 'milestone')
        line(
          r.differs,
          `── ${r.label}`,
          r.cells.map((x) => (x ? `step ${x.step}` : '—')),
        );
      else
        line(
          r.differs,
          '',
          r.cells.map((x) => (x ? `${x.step}: ${x.commands[0] ?? `(${x.role})`}${x.obstacles.length ? ' ✗' : ''}` : '')),
        );
    }
  }
  return out.join('\n') + '\n';
}
