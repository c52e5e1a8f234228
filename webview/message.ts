// The line above the list that says what the list cannot: loading, a file that could not be
// read, a run being read, or why no step is shown (no match, an invalid search pattern).
import { el } from './text';

export class MessageBox {
  readonly root: HTMLElement;

  constructor(parent: HTMLElement) {
    this.root = el('div', 'message');
    this.root.hidden = true;
    parent.appendChild(this.root);
  }

  show(text: string, details: string[] = [], kind?: 'empty'): void {
    this.root.replaceChildren(el('div', 'message-title', text));
    for (const d of details.slice(0, 50)) this.root.appendChild(el('div', 'muted', d));
    this.root.hidden = false;
    if (kind) this.root.dataset.kind = kind;
    else delete this.root.dataset.kind;
  }

  hide(): void {
    this.root.hidden = true;
    delete this.root.dataset.kind;
  }

  /** Nothing is shown for the filters: say why in the list, not only in the status line. */
  empty(err: Error | null, scanning: boolean): void {
    if (err) {
      this.show(
        'The search is not a valid regular expression, so no step is shown.',
        [err.message, 'Fix the pattern, or turn off the regular-expression toggle (.*) to search for the text as written.'],
        'empty',
      );
    } else this.show('No step matches the filters.', [scanning ? 'Still searching\u2026' : 'Clear a filter chip or the search to see more steps.'], 'empty');
  }

  /** Drops the "nothing shown" message once something is. */
  filled(): void {
    if (this.root.dataset.kind === 'empty') this.hide();
  }
}
