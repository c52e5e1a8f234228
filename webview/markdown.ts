// An agent's thought as markdown: `marked` with raw HTML shown as text (a thought that holds
// `<script>` reads as that text), then DOMPurify as a second wall, then bidi controls made
// visible. Very long thoughts skip markdown and render as plain text.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { appendText, neutraliseTextNodes } from './text';

const MAX_MARKDOWN = 200_000;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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

export function renderMarkdown(parent: HTMLElement, text: string): void {
  // Very long text, or an unbroken run of thousands of characters (line breaking such a run in a
  // proportional font is quadratic in Chromium), is shown as plain monospace text.
  if (text.length > MAX_MARKDOWN || /\S{2000}/.test(text)) {
    const pre = document.createElement('div');
    pre.className = 'plain-thought';
    appendText(pre, text);
    parent.appendChild(pre);
    return;
  }
  const { marked, purify } = tools();
  const html = marked.parse(text) as string;
  const frag = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['img', 'svg', 'math', 'style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'video', 'audio', 'link', 'meta', 'base'],
    FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'src', 'action', 'formaction'],
    ALLOWED_URI_REGEXP: /^https?:/i,
  });
  neutraliseTextNodes(frag);
  parent.appendChild(frag);
}
