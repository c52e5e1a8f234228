// Keyboard: up/down or j/k move, Enter expands, n/N next/previous critical step, / searches,
// Escape collapses or leaves the search, Home/End/PageUp/PageDown, o goes to the selected step's
// source (expanded or not), a annotates (the in-page form once the host sent annotations; VS
// Code's prompts before that). It knows the app only through KeyTarget (no import circle).

/** What the keys drive. */
export interface KeyTarget {
  readonly header: { isSearchFocused(): boolean; focusSearch(): void };
  readonly list: { readonly viewport: HTMLElement; readonly size: number; readonly rowHeight: number; readonly first: number; readonly expanded: number | null };
  /** The selected list item, or -1. */
  readonly selectedItem: number;
  select(item: number): void;
  toggleExpand(item: number): void;
  nextCritical(dir: 1 | -1): void;
  /** Reveals the selected step's lines in the text editor; false when it has none. */
  goToSelectedSource(): boolean;
  annotate(): void;
}

export function bindKeys(app: KeyTarget): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const inSearch = app.header.isSearchFocused();
    const target = e.target as HTMLElement | null;
    const typing = inSearch || !!target?.closest('input, textarea, vscode-textfield, vscode-single-select');
    // The run table moves and opens with these itself; every other key still drives the list.
    if (target?.closest('.run-table') && ['Enter', ' ', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
    if (typing) {
      if (inSearch && (e.key === 'Escape' || e.key === 'ArrowDown' || e.key === 'Enter')) {
        e.preventDefault();
        app.list.viewport.focus();
        if (e.key !== 'Escape' && app.selectedItem < 0 && app.list.size) app.select(0);
      }
      return;
    }
    const size = app.list.size;
    const cur = app.selectedItem;
    const page = Math.max(1, Math.floor(app.list.viewport.clientHeight / app.list.rowHeight) - 1);
    const move = (to: number) => {
      e.preventDefault();
      if (size) app.select(Math.max(0, Math.min(size - 1, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        return move(cur < 0 ? app.list.first : cur + 1);
      case 'ArrowUp':
      case 'k':
        return move(cur < 0 ? app.list.first : cur - 1);
      case 'PageDown':
        return move(cur + page);
      case 'PageUp':
        return move(cur - page);
      case 'Home':
        return move(0);
      case 'End':
        return move(size - 1);
      case 'Enter':
      case ' ':
        if (cur >= 0) {
          e.preventDefault();
          app.toggleExpand(cur);
        }
        return;
      case 'Escape':
        if (app.list.expanded !== null) {
          e.preventDefault();
          app.toggleExpand(app.list.expanded);
        }
        return;
      case 'n':
        e.preventDefault();
        return app.nextCritical(1);
      case 'N':
        e.preventDefault();
        return app.nextCritical(-1);
      case '/':
        e.preventDefault();
        return app.header.focusSearch();
      case 'o':
        if (cur >= 0 && app.goToSelectedSource()) e.preventDefault();
        return;
      case 'a':
        e.preventDefault();
        return app.annotate();
    }
  });
}
