// The VSIX that `npm run package` makes: within its 5 MB budget, holding only what runs (the
// allow-list .vscodeignore), with everything its manifest points at, and marketplace-ready
// (icon, README, CHANGELOG, licence, categories, keywords, Restricted Mode declared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { ensureVsix } from './harness';

const vsix = ensureVsix();
const entries = unzipSync(readFileSync(vsix));
const names = Object.keys(entries);
const text = (name: string) => strFromU8(entries[name]);
const manifest = JSON.parse(text('extension/package.json')) as Record<string, any>;
const has = (rel: string) => names.includes(`extension/${rel.replace(/^\.\//, '')}`);

test('the VSIX is at most 5 MB', () => {
  const size = statSync(vsix).size;
  console.log(`[package] ${vsix}: ${size} bytes, ${names.length} files`);
  assert.ok(size <= 5 * 1024 * 1024, `${size} bytes`);
});

test('the VSIX holds only what runs, and no node_modules, sources or source maps', () => {
  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
    /^extension\/dist\/.+\.(js|css|ttf|wasm)$/,
    /^extension\/syntaxes\/[^/]+$/,
    /^extension\/media\/[^/]+$/,
  ];
  const stray = names.filter((n) => !allowed.some((re) => re.test(n)));
  assert.deepEqual(stray, []);
  assert.ok(!names.some((n) => /node_modules|\.map$|\/src\/|\/test\//.test(n)));
});

test('everything the manifest points at is in the VSIX', () => {
  const c = manifest.contributes ?? {};
  const paths: string[] = [manifest.main, manifest.icon];
  for (const g of c.grammars ?? []) paths.push(g.path);
  for (const l of c.languages ?? []) if (l.configuration) paths.push(l.configuration);
  for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) paths.push(j.url);
  for (const s of c.snippets ?? []) paths.push(s.path);
  const missing = paths.filter((p) => p && !has(p));
  assert.deepEqual(missing, []);
  // The language server and the timeline's page are loaded by path at run time.
  for (const p of ['dist/extension.js', 'dist/server.js', 'dist/webview/webview.js']) assert.ok(has(p), p);
});

test('the marketplace entry is complete: icon, README, CHANGELOG, licence, categories, keywords', () => {
  assert.ok(has('readme.md'), 'README.md');
  assert.ok(has('changelog.md'), 'CHANGELOG.md');
  assert.ok(has('LICENSE.txt'), 'LICENSE');
  assert.ok(has(manifest.icon), 'icon');
  // A 128x128 PNG (the marketplace's size).
  const png = entries[`extension/${manifest.icon}`];
  assert.equal(strFromU8(png.subarray(1, 4)), 'PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.deepEqual([view.getUint32(16), view.getUint32(20)], [128, 128]);
  assert.ok(manifest.categories?.length >= 1 && manifest.keywords?.length >= 3);
  assert.ok(manifest.license && manifest.repository && manifest.galleryBanner);
  const vsixManifest = text('extension.vsixmanifest');
  assert.match(vsixManifest, /<Tags>[^<]*self-replication/);
});

test('Restricted Mode and virtual workspaces are declared', () => {
  const caps = manifest.capabilities ?? {};
  assert.equal(caps.untrustedWorkspaces?.supported, true);
  assert.ok(caps.virtualWorkspaces !== undefined);
});
