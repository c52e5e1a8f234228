// The virtualised list: rows of one fixed height, absolutely placed inside a spacer as tall as
// the whole list, and only the rows in (or near) the viewport exist in the DOM. One row at a
// time may be expanded; its detail panel sits under it and shifts the rows below by its
// measured height, so positions stay O(1) to compute for any run length.

export interface ListCallbacks {
  /** Fill `row` for list item `item` (called when a row enters, or on refresh). */
  paint(row: HTMLElement, item: number): void;
  /** The items in the DOM changed (to fetch pages, update the minimap). */
  rangeChanged(first: number, last: number): void;
  scrolled(): void;
}

const OVERSCAN = 6;

export class VirtualList {
  readonly viewport: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rows = new Map<number, HTMLElement>();
  private readonly spare: HTMLElement[] = [];
  private count = 0;
  private rowH = 66;
  private expandedItem: number | null = null;
  private detail: HTMLElement | null = null;
  private detailH = 0;
  private frame = 0;
  first = 0;
  last = -1;

  constructor(
    parent: HTMLElement,
    private readonly cb: ListCallbacks,
  ) {
    this.viewport = document.createElement('div');
    this.viewport.className = 'list';
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'listbox');
    this.viewport.setAttribute('aria-label', 'Steps');
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    this.viewport.appendChild(this.spacer);
    parent.appendChild(this.viewport);
    const h = parseFloat(getComputedStyle(document.body).getPropertyValue('--rl-row-height'));
    if (h > 0) this.rowH = h;
    this.viewport.addEventListener('scroll', () => {
      this.schedule();
      this.cb.scrolled();
    });
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  get size(): number {
    return this.count;
  }

  get rowHeight(): number {
    return this.rowH;
  }

  get expanded(): number | null {
    return this.expandedItem;
  }

  setCount(n: number): void {
    this.count = n;
    if (this.expandedItem !== null && this.expandedItem >= n) this.collapse();
    this.updateHeight();
    this.refresh();
    // Rows for the new count now, not a frame later: what the status line says is what is shown.
    this.render();
  }

  offsetOf(item: number): number {
    return item * this.rowH + (this.expandedItem !== null && item > this.expandedItem ? this.detailH : 0);
  }

  itemAt(y: number): number {
    const e = this.expandedItem;
    let i: number;
    if (e === null || y < (e + 1) * this.rowH) i = Math.floor(y / this.rowH);
    else if (y < (e + 1) * this.rowH + this.detailH) i = e;
    else i = Math.floor((y - this.detailH) / this.rowH);
    return Math.max(0, Math.min(this.count - 1, i));
  }

  /** Expands `item`, returning the (empty) detail element to fill. */
  expand(item: number): HTMLElement {
    this.collapse();
    this.expandedItem = item;
    const d = document.createElement('div');
    d.className = 'detail';
    this.detail = d;
    this.spacer.appendChild(d);
    new ResizeObserver(() => {
      if (this.detail !== d) return;
      const h = d.offsetHeight;
      if (h !== this.detailH) {
        this.detailH = h;
        this.updateHeight();
        this.layoutAll();
        this.schedule();
      }
    }).observe(d);
    this.detailH = 0;
    this.layoutAll();
    return d;
  }

  collapse(): void {
    this.detail?.remove();
    this.detail = null;
    this.expandedItem = null;
    this.detailH = 0;
    this.updateHeight();
    this.layoutAll();
  }

  /** Scrolls so `item` is visible; `center` puts it mid-view when it was off screen. */
  reveal(item: number, mode: 'nearest' | 'center' | 'start' = 'nearest'): void {
    const top = this.offsetOf(item);
    const vh = this.viewport.clientHeight;
    const st = this.viewport.scrollTop;
    if (mode === 'start') this.viewport.scrollTop = top;
    else if (top < st || top + this.rowH > st + vh) {
      if (mode === 'center') this.viewport.scrollTop = Math.max(0, top - vh / 2 + this.rowH / 2);
      else this.viewport.scrollTop = top < st ? top : top + this.rowH - vh;
    }
    this.render();
  }

  /** Repaints every row in the DOM (data arrived, selection or search changed). */
  refresh(): void {
    for (const [item, row] of this.rows) {
      if (item < this.count) this.cb.paint(row, item);
    }
    this.schedule();
  }

  repaint(item: number): void {
    const row = this.rows.get(item);
    if (row) this.cb.paint(row, item);
  }

  rowElement(item: number): HTMLElement | undefined {
    return this.rows.get(item);
  }

  /** Items actually on screen (no overscan). */
  onScreen(): [number, number] {
    const st = this.viewport.scrollTop;
    return [this.itemAt(st), this.itemAt(st + Math.max(0, this.viewport.clientHeight - 1))];
  }

  atEnd(): boolean {
    const v = this.viewport;
    return v.scrollTop + v.clientHeight >= v.scrollHeight - this.rowH;
  }

  private updateHeight(): void {
    this.spacer.style.height = `${this.count * this.rowH + this.detailH}px`;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private layoutAll(): void {
    for (const [item, row] of this.rows) row.style.transform = `translateY(${this.offsetOf(item)}px)`;
    if (this.detail && this.expandedItem !== null) {
      this.detail.style.transform = `translateY(${this.offsetOf(this.expandedItem) + this.rowH}px)`;
    }
  }

  /** Synchronous: places the rows for the current scroll position. */
  render(): void {
    const st = this.viewport.scrollTop;
    const vh = this.viewport.clientHeight || 600;
    const first = this.count ? Math.max(0, this.itemAt(st) - OVERSCAN) : 0;
    const last = this.count ? Math.min(this.count - 1, this.itemAt(st + vh) + OVERSCAN) : -1;
    for (const [item, row] of this.rows) {
      if (item < first || item > last) {
        this.rows.delete(item);
        row.remove();
        this.spare.push(row);
      }
    }
    for (let i = first; i <= last; i++) {
      if (this.rows.has(i)) continue;
      const row = this.spare.pop() ?? document.createElement('div');
      row.id = `row-${i}`;
      row.dataset.item = String(i);
      row.setAttribute('role', 'option');
      this.cb.paint(row, i);
      row.style.transform = `translateY(${this.offsetOf(i)}px)`;
      this.spacer.appendChild(row);
      this.rows.set(i, row);
    }
    this.spare.length = Math.min(this.spare.length, 20);
    if (first !== this.first || last !== this.last) {
      this.first = first;
      this.last = last;
      this.cb.rangeChanged(first, last);
    }
  }
}
