// The compare view's page: the corpus view's policy (nothing by default, the one script by
// nonce, the stylesheet from the webview's resource origin).
import { corpusCsp } from '../corpus/html';
import { escapeAttr } from '../timeline/html';

export interface CompareHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function compareHtml(i: CompareHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(corpusCsp(i.cspSource, i.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${escapeAttr(i.styleUri)}">
    <title>Compare Runs</title>
  </head>
  <body>
    <div id="app"><p class="status">Comparing…</p></div>
    <script type="module" nonce="${escapeAttr(i.nonce)}" src="${escapeAttr(i.scriptUri)}"></script>
  </body>
</html>
`;
}
