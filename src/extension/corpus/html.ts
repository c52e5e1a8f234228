// The corpus view's page. Pure (no `vscode` import) so its CSP can be checked in a unit test:
// nothing by default, the one script by nonce, the stylesheet from the webview's resource
// origin, no inline script, no eval.
import { escapeAttr } from '../timeline/html';

export interface CorpusHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  folder: string;
}

export function corpusCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** A page under the corpus view's policy: its stylesheet, one nonce'd module script, a status line until it runs. */
export function policedPage(i: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string; status: string; bodyAttrs?: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(corpusCsp(i.cspSource, i.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${escapeAttr(i.styleUri)}">
    <title>${escapeAttr(i.title)}</title>
  </head>
  <body${i.bodyAttrs ?? ''}>
    <div id="app"><p class="status">${escapeAttr(i.status)}</p></div>
    <script type="module" nonce="${escapeAttr(i.nonce)}" src="${escapeAttr(i.scriptUri)}"></script>
  </body>
</html>
`;
}

export function corpusHtml(i: CorpusHtmlInput): string {
  return policedPage({ ...i, title: 'Replication Corpus', status: `Reading ${i.folder}…`, bodyAttrs: ` data-folder="${escapeAttr(i.folder)}"` });
}
