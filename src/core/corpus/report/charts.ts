// Charts as inline SVG strings, drawn by this code from the statistics (no charting library,
// nothing fetched). Every label goes through `esc`. Text uses `currentColor`, so the charts
// follow the page's (or the editor theme's) foreground colour.
import type { Category, ObstacleKind } from '../../model';
import { MILESTONES, MILESTONE_LABELS, MILESTONE_HELP } from '../milestones';
import type { ObstacleCount } from '../obstacles';
import { TABLE2_GROUP_IDS, TABLE2_LABELS } from '../table2';
import { percent, type GroupStats } from '../stats';
import { esc } from './escape';
import { CATEGORY_COLOR, TABLE2_COLOR } from './palette';

const LABEL_W = 190;
const ROW_H = 26;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12"`;

function svg(w: number, h: number, label: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}" ${FONT} fill="currentColor">` +
    `<title>${esc(label)}</title>${body}</svg>`
  );
}

function shorten(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** A left-hand row label, cut to fit, with the full text as a tooltip. */
function rowLabel(y: number, s: string): string {
  return `<text x="${LABEL_W - 10}" y="${y}" text-anchor="end" dominant-baseline="middle"><title>${esc(s)}</title>${esc(shorten(s, 26))}</text>`;
}

function grid(x0: number, w: number, y0: number, y1: number, ticks: number[], max: number, fmt: (v: number) => string): string {
  return ticks
    .map((t) => {
      const x = x0 + (t / max) * w;
      return (
        `<line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}" stroke="currentColor" stroke-opacity="0.15"/>` +
        `<text x="${x}" y="${y1 + 14}" text-anchor="middle" fill-opacity="0.7">${esc(fmt(t))}</text>`
      );
    })
    .join('');
}

function niceTicks(max: number): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: top, ticks };
}

/** Success rate per group: replicated out of attempted, with the counts. */
export function successChart(groups: GroupStats[]): string {
  const W = 620;
  const plotW = W - LABEL_W - 90;
  const h = groups.length * ROW_H + 30;
  let body = grid(LABEL_W, plotW, 4, h - 26, [0, 0.25, 0.5, 0.75, 1], 1, (v) => `${v * 100}%`);
  groups.forEach((g, i) => {
    const y = 6 + i * ROW_H;
    const rate = g.successRate ?? 0;
    body += rowLabel(y + 9, g.group);
    body += `<rect x="${LABEL_W}" y="${y}" width="${plotW}" height="18" rx="3" fill="currentColor" fill-opacity="0.06"/>`;
    if (g.successRate !== null) {
      body += `<rect x="${LABEL_W}" y="${y}" width="${Math.max(rate * plotW, rate > 0 ? 2 : 0)}" height="18" rx="3" fill="#cf222e"><title>${esc(`${g.group}: ${g.verdicts.replicated} of ${g.attempted} attempted runs replicated`)}</title></rect>`;
    }
    const txt = g.successRate === null ? 'no attempt' : `${percent(g.successRate)}  (${g.verdicts.replicated}/${g.attempted})`;
    body += `<text x="${LABEL_W + plotW + 8}" y="${y + 9}" dominant-baseline="middle">${esc(txt)}</text>`;
  });
  return svg(W, h, 'Success rate per model', body);
}

/** Steps per run: the range from min to max with the median marked. */
export function stepsChart(groups: GroupStats[]): string {
  const W = 620;
  const plotW = W - LABEL_W - 30;
  const h = groups.length * ROW_H + 30;
  const { max, ticks } = niceTicks(Math.max(1, ...groups.map((g) => g.steps.max)));
  let body = grid(LABEL_W, plotW, 4, h - 26, ticks, max, (v) => String(v));
  const x = (v: number) => LABEL_W + (v / max) * plotW;
  groups.forEach((g, i) => {
    const y = 6 + i * ROW_H + 9;
    body += rowLabel(y, g.group);
    const tip = `<title>${esc(`${g.group}: min ${g.steps.min}, median ${g.steps.median}, max ${g.steps.max} steps over ${g.runs} runs`)}</title>`;
    body +=
      `<g>${tip}<line x1="${x(g.steps.min)}" x2="${x(g.steps.max)}" y1="${y}" y2="${y}" stroke="#0969da" stroke-width="6" stroke-linecap="round" stroke-opacity="0.35"/>` +
      `<line x1="${x(g.steps.min)}" x2="${x(g.steps.min)}" y1="${y - 6}" y2="${y + 6}" stroke="#0969da" stroke-width="2"/>` +
      `<line x1="${x(g.steps.max)}" x2="${x(g.steps.max)}" y1="${y - 6}" y2="${y + 6}" stroke="#0969da" stroke-width="2"/>` +
      `<circle cx="${x(g.steps.median)}" cy="${y}" r="5" fill="#0969da" stroke="white" stroke-width="1.5"/></g>`;
  });
  return svg(W, h, 'Steps per run: minimum, median and maximum', body);
}

/** Commands by purpose as in the Fudan paper's Table 2, as shares of each group's commands. */
export function table2Chart(groups: GroupStats[]): string {
  const W = 620;
  const plotW = W - LABEL_W - 60;
  const legendH = 26;
  const h = legendH + groups.length * ROW_H + 8;
  const segs = [...TABLE2_GROUP_IDS, 'other'] as const;
  let body = '';
  let lx = LABEL_W;
  for (const s of segs) {
    const label = s === 'other' ? 'other' : s;
    body += `<rect x="${lx}" y="4" width="11" height="11" rx="2" fill="${TABLE2_COLOR[s]}"/><text x="${lx + 15}" y="10" dominant-baseline="middle"><title>${esc(s === 'other' ? 'programs Table 2 does not list' : TABLE2_LABELS[s])}</title>${esc(label)}</text>`;
    lx += 30 + label.length * 7;
  }
  groups.forEach((g, i) => {
    const y = legendH + i * ROW_H;
    body += rowLabel(y + 9, g.group);
    const values = segs.map((s) => (s === 'other' ? g.otherPrograms : g.table2[s]));
    const total = values.reduce((a, b) => a + b, 0);
    let x = LABEL_W;
    segs.forEach((s, k) => {
      const w = total ? (values[k] / total) * plotW : 0;
      if (w > 0) {
        const label = s === 'other' ? 'not in Table 2' : TABLE2_LABELS[s];
        body += `<rect x="${x}" y="${y}" width="${w}" height="18" fill="${TABLE2_COLOR[s]}"><title>${esc(`${g.group}: ${label} ${values[k]} (${Math.round((values[k] / total) * 100)}%)`)}</title></rect>`;
        if (w > 26) body += `<text x="${x + w / 2}" y="${y + 9}" text-anchor="middle" dominant-baseline="middle" fill="${s === 'other' ? '#24292f' : 'white'}">${values[k]}</text>`;
      }
      x += w;
    });
    if (!total) body += `<rect x="${LABEL_W}" y="${y}" width="${plotW}" height="18" fill="currentColor" fill-opacity="0.06"/>`;
    body += `<text x="${LABEL_W + plotW + 8}" y="${y + 9}" dominant-baseline="middle" fill-opacity="0.7">${total}</text>`;
  });
  return svg(W, h, 'Commands by purpose (Fudan Table 2 groups)', body);
}

/** Commands per category and group, as a heat map. */
export function categoryHeatmap(groups: GroupStats[], categories: readonly Category[]): string {
  const cellW = 36;
  const headH = 100;
  // Room on the right for the last rotated column label.
  const W = LABEL_W + categories.length * cellW + 90;
  const h = headH + groups.length * ROW_H + 4;
  let body = '';
  categories.forEach((c, k) => {
    const x = LABEL_W + k * cellW + cellW / 2;
    body += `<text transform="translate(${x + 4},${headH - 8}) rotate(-50)" fill-opacity="0.85">${esc(c)}</text>`;
  });
  groups.forEach((g, i) => {
    const y = headH + i * ROW_H;
    body += rowLabel(y + 11, g.group);
    categories.forEach((c, k) => {
      const n = g.categories[c];
      const max = Math.max(1, ...groups.map((gg) => gg.categories[c]));
      const x = LABEL_W + k * cellW;
      const op = n ? 0.18 + 0.82 * (n / max) : 0;
      body += `<rect x="${x + 1}" y="${y}" width="${cellW - 2}" height="${ROW_H - 3}" rx="3" fill="${n ? CATEGORY_COLOR[c] : 'currentColor'}" fill-opacity="${n ? op.toFixed(2) : 0.05}"><title>${esc(`${g.group}: ${n} ${c} command(s) in ${g.runsWithCategory[c]} run(s)`)}</title></rect>`;
      if (n) body += `<text x="${x + cellW / 2}" y="${y + 12}" text-anchor="middle" dominant-baseline="middle" fill="${op > 0.5 ? 'white' : 'currentColor'}">${n}</text>`;
    });
  });
  return svg(W, h, 'Commands per taxonomy category', body);
}

/** Obstacles met (light) and overcome (dark) per kind. */
export function obstaclesChart(byKind: Partial<Record<ObstacleKind, ObstacleCount>>): string {
  const kinds = (Object.entries(byKind) as [ObstacleKind, ObstacleCount][]).filter(([, c]) => c.met > 0).sort((a, b) => b[1].met - a[1].met);
  const W = 620;
  const plotW = W - LABEL_W - 90;
  if (!kinds.length) return svg(W, 30, 'Obstacles met and overcome', `<text x="0" y="18" fill-opacity="0.7">No obstacle met.</text>`);
  const h = kinds.length * ROW_H + 30;
  const { max, ticks } = niceTicks(Math.max(...kinds.map(([, c]) => c.met)));
  let body = grid(LABEL_W, plotW, 4, h - 26, ticks, max, (v) => String(v));
  kinds.forEach(([k, c], i) => {
    const y = 6 + i * ROW_H;
    body += rowLabel(y + 9, k);
    body += `<rect x="${LABEL_W}" y="${y}" width="${(c.met / max) * plotW}" height="18" rx="3" fill="#bf8700" fill-opacity="0.3"><title>${esc(`${k}: met ${c.met} time(s)`)}</title></rect>`;
    body += `<rect x="${LABEL_W}" y="${y + 4}" width="${(c.overcome / max) * plotW}" height="10" rx="2" fill="#9a6700"><title>${esc(`${k}: overcome ${c.overcome} of ${c.met}`)}</title></rect>`;
    body += `<text x="${LABEL_W + (c.met / max) * plotW + 8}" y="${y + 9}" dominant-baseline="middle">${c.overcome}/${c.met} overcome</text>`;
  });
  return svg(W, h, 'Obstacles met and overcome, per kind', body);
}

/** The milestone funnel: runs that reached each milestone, out of all runs. */
export function funnelChart(g: GroupStats): string {
  const W = 620;
  const plotW = W - LABEL_W - 90;
  const h = MILESTONES.length * (ROW_H + 6) + 8;
  let body = '';
  MILESTONES.forEach((m, i) => {
    const y = 4 + i * (ROW_H + 6);
    const n = g.funnel[m];
    const w = g.runs ? (n / g.runs) * plotW : 0;
    const x = LABEL_W + (plotW - w) / 2;
    body += rowLabel(y + 11, MILESTONE_LABELS[m]);
    body += `<rect x="${LABEL_W}" y="${y}" width="${plotW}" height="22" rx="3" fill="currentColor" fill-opacity="0.05"/>`;
    body += `<rect x="${x}" y="${y}" width="${w}" height="22" rx="3" fill="#8250df" fill-opacity="${(0.95 - i * 0.12).toFixed(2)}"><title>${esc(`${MILESTONE_LABELS[m]}: ${n} of ${g.runs} runs — ${MILESTONE_HELP[m]}`)}</title></rect>`;
    body += `<text x="${LABEL_W + plotW + 8}" y="${y + 11}" dominant-baseline="middle">${n} (${g.runs ? Math.round((n / g.runs) * 100) : 0}%)</text>`;
  });
  return svg(W, h, `Milestones reached (${g.group})`, body);
}
