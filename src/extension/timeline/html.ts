// The timeline webview's page. Pure (no `vscode` import) so the CSP can be checked in a unit test.
// Strict CSP (DESIGN.md): nothing by default, the one script by nonce, styles and fonts only from
// the webview's own resource origin, no inline script, no eval; the host's seed travels as
// escaped JSON in a data attribute.
import type { TimelineBoot } from '../../protocol/webview';

export interface TimelineHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** URIs (as strings, from `asWebviewUri`) of the script and stylesheets in dist/webview. */
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  boot: TimelineBoot;
  /** Extra nonce'd scripts before the main one (tests' stand-in host); never used by the extension. */
  preScripts?: string[];
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export function timelineHtml(i: TimelineHtmlInput): string {
  const csp = contentSecurityPolicy(i.cspSource, i.nonce);
  const pre = (i.preScripts ?? []).map((src) => `<script nonce="${escapeAttr(i.nonce)}" src="${escapeAttr(src)}"></script>`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${escapeAttr(i.codiconUri)}" id="vscode-codicon-stylesheet">
    <link rel="stylesheet" href="${escapeAttr(i.styleUri)}">
    <title>Replication Timeline</title>
  </head>
  <body data-boot="${escapeAttr(JSON.stringify(i.boot))}">
    <div id="app"></div>
    ${pre}
    <script type="module" nonce="${escapeAttr(i.nonce)}" src="${escapeAttr(i.scriptUri)}"></script>
  </body>
</html>
`;
}
