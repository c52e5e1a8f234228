// The timeline webview's generated page and its Content Security Policy (DESIGN.md, STYLE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, timelineHtml } from '../../src/extension/timeline/html';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/timeline.css',
  codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/codicon.css',
  boot: { uri: 'file:///w/a"b<c>.log', fileName: `x"><script>alert(1)</script>'.log`, textSource: true, reveal: { runId: 'r</script>', index: 3 } },
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
}

test('CSP: nothing by default, script by nonce only, styles and fonts from the webview origin', () => {
  const d = directives(contentSecurityPolicy(input.cspSource, input.nonce));
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), [`'nonce-${input.nonce}'`]);
  assert.deepEqual(d.get('style-src'), [input.cspSource]);
  assert.deepEqual(d.get('font-src'), [input.cspSource]);
  assert.deepEqual(d.get('img-src'), [input.cspSource]);
  const all = [...d.values()].flat().join(' ');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!all.split(' ').includes(bad), `no ${bad}`);
  }
  assert.ok(!d.has('connect-src'), 'no network: falls back to none');
});

test("the page: the CSP meta first, one nonce'd module script, no inline script, seed escaped", () => {
  const html = timelineHtml(input);
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'CSP meta present');
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<link'), 'CSP before any resource');
  const csp = meta[1]
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  assert.equal(csp, contentSecurityPolicy(input.cspSource, input.nonce));
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][1], new RegExp(`type="module" nonce="${input.nonce.replace(/[+/=]/g, (c) => `\\${c}`)}" src="${input.scriptUri.replace(/[.+]/g, (c) => `\\${c}`)}"`));
  assert.equal(scripts[0][2], '', 'no inline code');
  assert.ok(html.includes(`href="${input.codiconUri}" id="vscode-codicon-stylesheet"`));
  // The seed is an attribute value: no quote, angle bracket or raw script survives unescaped.
  const boot = /data-boot="([^"]*)"/.exec(html);
  assert.ok(boot);
  assert.ok(!/[<>'"]/.test(boot[1]));
  const decoded = boot[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  assert.deepEqual(JSON.parse(decoded), input.boot);
  assert.ok(!html.includes('<script>alert(1)'));
});

test('every resource the page names comes from the webview origin', () => {
  const html = timelineHtml(input);
  const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(urls.length, 3);
  for (const u of urls) assert.ok(u.startsWith(input.cspSource + '/'), u);
});
