// Markdown (marked, then DOMPurify: ./markdown) is a third of the page's script and no first row
// needs it: it is built as a script of its own (dist/webview/lazy/markdown.js, scripts/build.mjs),
// loaded after the first rows are painted (or on first use). What asks for it before it has come
// shows as text at once, and as markdown a moment later.
import { appendText } from './text';

type Markdown = typeof import('./markdown');

/** Beside the page's script; a variable, so that the bundler leaves the import to run time. */
const MARKDOWN_SCRIPT = './lazy/markdown.js';

let loaded: Markdown | null = null;
let loading: Promise<Markdown> | null = null;

/** Starts loading the renderer (the app calls this once the first rows are painted). */
export function loadMarkdown(): Promise<Markdown> {
  loading ??= (import(MARKDOWN_SCRIPT) as Promise<Markdown>).then((m) => (loaded = m));
  return loading;
}

/** Renders `text` as sanitised markdown into `parent` (an element of its own, filled here only). */
export function renderMarkdown(parent: HTMLElement, text: string): void {
  if (loaded) return loaded.renderMarkdown(parent, text);
  appendText(parent, text);
  void loadMarkdown().then((m) => {
    parent.replaceChildren();
    m.renderMarkdown(parent, text);
  });
}
