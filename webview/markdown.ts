// An agent's thought as markdown: `marked` with raw HTML shown as text (a thought that holds
// `<script>` reads as that text), then DOMPurify as a second wall, then bidi controls made
// visible. Very long or deeply nested thoughts skip markdown and render as plain text.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { appendText, neutraliseTextNodes } from './text';

const MAX_MARKDOWN = 200_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Built on first use: compiling marked's rules and DOMPurify's setup is not on the first paint.
let parser: { marked: Marked; purify: ReturnType<typeof DOMPurify> } | null = null;

function tools(): { marked: Marked; purify: ReturnType<typeof DOMPurify> } {
  if (parser) return parser;
  const marked = new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html(token) {
        return escapeHtml(token.text);
      },
      image(token) {
        // No remote loads: an image reference is shown as its text.
        return escapeHtml(`![${token.text}](${token.href})`);
      },
    },
  });
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
      else {
        node.setAttribute('title', href);
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
  parser = { marked, purify };
  return parser;
}

/**
 * Block nesting (quotes, list items) one line may open. marked parses nested blocks by
 * recursion, and its time grows faster than the square of the depth: 2,000 `- ` throw "Maximum
 * call stack size exceeded", 500 indented list levels take 5 s. Real thoughts nest a few levels.
 */
export const MAX_NESTING = 24;

/**
 * The deepest block nesting a line opens: its markers (`>`, and `-`, `*`, `+`, `1.`, `1)`
 * followed by a blank), plus a level per two columns of indentation before them.
 */
export function markdownNesting(text: string): number {
  let deepest = 0;
  let i = 0;
  const n = text.length;
  const blank = (k: number) => k >= n || text[k] === ' ' || text[k] === '\t' || text[k] === '\n';
  while (i < n) {
    let indent = 0;
    for (; i < n && (text[i] === ' ' || text[i] === '\t'); i++) indent += text[i] === '\t' ? 4 : 1;
    let markers = 0;
    for (;;) {
      let k = i;
      if (text[k] === '>') k++;
      else if ((text[k] === '-' || text[k] === '*' || text[k] === '+') && blank(k + 1)) k++;
      else {
        while (k < n && k - i < 9 && text[k] >= '0' && text[k] <= '9') k++;
        if (k === i || (text[k] !== '.' && text[k] !== ')') || !blank(k + 1)) break;
        k++;
      }
      markers++;
      for (i = k; i < n && (text[i] === ' ' || text[i] === '\t'); i++);
    }
    if (markers) deepest = Math.max(deepest, markers + Math.floor(indent / 2));
    const eol = text.indexOf('\n', i);
    i = eol < 0 ? n : eol + 1;
  }
  return deepest;
}

export function renderMarkdown(parent: HTMLElement, text: string): void {
  // Very long text, or an unbroken run of thousands of characters (line breaking such a run in a
  // proportional font is quadratic in Chromium), or nesting past MAX_NESTING, is shown as plain
  // monospace text.
  if (text.length > MAX_MARKDOWN || /\S{2000}/.test(text) || markdownNesting(text) > MAX_NESTING) {
    renderPlain(parent, text);
    return;
  }
  const { marked, purify } = tools();
  let frag: DocumentFragment;
  try {
    const html = marked.parse(text) as string;
    frag = purify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      FORBID_TAGS: ['img', 'svg', 'math', 'style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'video', 'audio', 'link', 'meta', 'base'],
      FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'src', 'action', 'formaction'],
      ALLOWED_URI_REGEXP: /^https?:/i,
    });
  } catch {
    // A shape the bound above does not foresee: the thought still shows, as text.
    renderPlain(parent, text);
    return;
  }
  neutraliseTextNodes(frag);
  parent.appendChild(frag);
}

function renderPlain(parent: HTMLElement, text: string): void {
  const pre = document.createElement('div');
  pre.className = 'plain-thought';
  appendText(pre, text);
  parent.appendChild(pre);
}
