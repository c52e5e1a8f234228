// The whole run in one lane: a tick per critical step coloured by its category, placed by time
// when the run has timestamps (else by position), obstacles and annotations marked, the visible
// window shaded. Click jumps to the nearest critical step. Drawn on a canvas: 100,000 ticks cost
// one pass, not 100,000 nodes.
import { CRITICAL_CATEGORIES, isCritical } from '../src/core/model';
import { categoryVar } from '../src/core/taxonomy';
import type { Tick } from './filter';

export interface MinimapModel {
  ticks: Tick[];
  marks: Map<number, string[]>;
  /** Visible window, in positions. */
  from: number;
  to: number;
  selected: number | null;
  /** Positions the filters keep, or null when nothing is filtered. */
  kept: Uint8Array | null;
}

export class Minimap {
  readonly canvas: HTMLCanvasElement;
  private model: MinimapModel = { ticks: [], marks: new Map(), from: 0, to: 0, selected: null, kept: null };
  private xs = new Float32Array(0);
  /** Per tick: index in CRITICAL_CATEGORIES of its first critical category, or -1. */
  private firstCat = new Int8Array(0);
  private colors = new Map<string, string>();
  private frame = 0;

  constructor(
    parent: HTMLElement,
    private readonly onJump: (pos: number) => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'minimap';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Run overview: critical steps by category; click to jump');
    parent.appendChild(this.canvas);
    this.canvas.addEventListener('click', (e) => {
      const pos = this.nearest(e.offsetX, true);
      if (pos !== null) this.onJump(pos);
    });
    this.canvas.addEventListener('mousemove', (e) => {
      const pos = this.nearest(e.offsetX, true);
      const t = pos === null ? undefined : this.model.ticks[pos];
      this.canvas.title = t ? `step ${t.index + 1}: ${[...t.categories, ...t.obstacles.map((o) => `obstacle:${o}`)].join(', ') || 'no category'}` : '';
    });
    new ResizeObserver(() => this.schedule()).observe(this.canvas);
    new MutationObserver(() => {
      this.colors.clear();
      this.schedule();
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  setTicks(ticks: Tick[]): void {
    this.model.ticks = ticks;
    this.layout();
    this.schedule();
  }

  update(patch: Partial<MinimapModel>): void {
    Object.assign(this.model, patch);
    this.schedule();
  }

  /** x of each tick in [0,1]: by time when most steps have one and time advances, else by position. */
  private layout(): void {
    const { ticks } = this.model;
    const n = ticks.length;
    this.xs = new Float32Array(n);
    let t0 = Infinity;
    let t1 = -Infinity;
    let timed = 0;
    for (const t of ticks) {
      if (t.time == null) continue;
      timed++;
      if (t.time < t0) t0 = t.time;
      if (t.time > t1) t1 = t.time;
    }
    const byTime = timed >= n * 0.8 && t1 > t0;
    this.firstCat = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const c = ticks[i].categories.find(isCritical);
      this.firstCat[i] = c ? CRITICAL_CATEGORIES.indexOf(c) : -1;
    }
    let last = 0;
    for (let i = 0; i < n; i++) {
      const t = ticks[i].time;
      if (byTime && t != null) last = (t - t0) / (t1 - t0);
      this.xs[i] = byTime ? last : n > 1 ? i / (n - 1) : 0.5;
    }
  }

  private nearest(px: number, criticalOnly: boolean): number | null {
    const w = this.canvas.clientWidth;
    const { ticks } = this.model;
    if (!ticks.length || !w) return null;
    const x = (px - 4) / Math.max(1, w - 8);
    let best: number | null = null;
    let bestD = Infinity;
    for (let i = 0; i < ticks.length; i++) {
      if (criticalOnly && this.firstCat[i] < 0) continue;
      const d = Math.abs(this.xs[i] - x);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    // Far from every critical tick: jump to the step under the pointer.
    if (best === null || bestD * w > 8) return criticalOnly ? this.nearest(px, false) : best;
    return best;
  }

  private color(name: string): string {
    let c = this.colors.get(name);
    if (!c) {
      c = getComputedStyle(document.body).getPropertyValue(name).trim() || '#888';
      this.colors.set(name, c);
    }
    return c;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (!w || !h) return;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const { ticks, marks, from, to, selected, kept } = this.model;
    const X = (i: number) => 4 + this.xs[i] * (w - 8);
    // Baseline.
    g.fillStyle = this.color('--rl-minimap-base');
    g.fillRect(0, h / 2 - 0.5, w, 1);
    // Visible window.
    if (ticks.length && to >= from) {
      const a = X(Math.max(0, from));
      const b = X(Math.min(ticks.length - 1, to));
      g.fillStyle = this.color('--rl-minimap-window');
      g.globalAlpha = 0.5;
      g.fillRect(a - 2, 0, Math.max(4, b - a + 4), h);
      g.globalAlpha = 1;
      g.strokeStyle = this.color('--rl-minimap-window');
      g.strokeRect(a - 1.5, 0.5, Math.max(3, b - a + 3), h - 1);
    }
    // Critical ticks, one colour per category (the first critical one of the step).
    const top = 5;
    const tickH = h - 12;
    // One mark per pixel column, not per step: a column shows its most critical category (the
    // taxonomy's order), so 100,000 steps cost one pass and at most a few thousand rectangles.
    const cols = Math.ceil(w) + 1;
    const colCat = new Int8Array(cols).fill(-1);
    const colKept = new Uint8Array(cols);
    const colObstacle = new Uint8Array(cols);
    const fc = this.firstCat;
    for (let i = 0; i < ticks.length; i++) {
      const x = Math.round(X(i));
      const k = fc[i];
      if (k >= 0) {
        if (colCat[x] < 0 || k < colCat[x]) colCat[x] = k;
        if (!kept || kept[i]) colKept[x] = 1;
      }
      if (ticks[i].obstacles.length) colObstacle[x] = 1;
    }
    const colours = CRITICAL_CATEGORIES.map((cat) => this.color(categoryVar(cat)));
    for (let x = 0; x < cols; x++) {
      const k = colCat[x];
      if (k < 0) continue;
      g.fillStyle = colours[k];
      g.globalAlpha = colKept[x] ? 1 : 0.25;
      g.fillRect(x - 1, top, 2, tickH);
    }
    g.globalAlpha = 1;
    // Obstacles: a dot under the lane.
    g.fillStyle = this.color('--rl-obstacle');
    for (let x = 0; x < cols; x++) if (colObstacle[x]) g.fillRect(x - 1, h - 5, 3, 3);
    // Annotations: a small triangle above the lane.
    g.fillStyle = this.color('--rl-annotation');
    for (const pos of marks.keys()) {
      if (pos >= ticks.length) continue;
      const x = X(pos);
      g.beginPath();
      g.moveTo(x - 3, 0);
      g.lineTo(x + 3, 0);
      g.lineTo(x, 4);
      g.fill();
    }
    if (selected !== null && selected < ticks.length) {
      g.fillStyle = this.color('--rl-minimap-selected');
      g.fillRect(Math.round(X(selected)) - 1, 0, 2, h);
    }
  }
}
