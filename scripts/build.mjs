// One esbuild script, one context per bundle (STYLE.md): extension and server and CLI for
// Node, the webview for the browser. `--watch` rebuilds, `--production` minifies.
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, mkdirSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
};

/** Node bundles: entry file -> dist name. Missing entries are skipped so the tree can grow. */
const nodeEntries = {
  extension: 'src/extension/extension.ts',
  server: 'src/server/server.ts',
  cli: 'src/cli/cli.ts',
};

const contexts = [];
for (const [name, entry] of Object.entries(nodeEntries)) {
  if (!existsSync(entry)) continue;
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: { [name]: entry },
      outdir: 'dist',
      platform: 'node',
      format: 'cjs',
      // jsonc-parser's UMD main requires files esbuild cannot see; its ESM build bundles.
      mainFields: ['module', 'main'],
      target: 'node20',
      // DuckDB is a native library (SQL over a study): loaded from node_modules at run time, never bundled.
      external: ['vscode', '@duckdb/node-api'],
      banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
    }),
  );
}
if (existsSync('webview/main.ts')) {
  contexts.push(
    await esbuild.context({
      ...common,
      // The page's first script paints the rows; markdown (marked, DOMPurify) and the annotation
      // form are scripts of their own, imported at run time by path (webview/lazy-markdown.ts,
      // annotation-marks.ts): no shared chunk, so the first script is still the only request.
      entryPoints: { webview: 'webview/main.ts', 'lazy/markdown': 'webview/markdown.ts', 'lazy/annotate-form': 'webview/annotate-form.ts' },
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      loader: { '.ttf': 'file' },
    }),
  );
}

// The corpus view's script and stylesheet (issue 7): dist/webview/corpus.js and corpus.css.
if (existsSync('src/extension/corpus/webview/main.ts')) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: { corpus: 'src/extension/corpus/webview/main.ts' },
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
    }),
  );
}

// The compare view's script and stylesheet (issue 17): dist/webview/compare.js and compare.css.
if (existsSync('src/extension/compare/webview/main.ts')) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: { compare: 'src/extension/compare/webview/main.ts' },
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
    }),
  );
}

// The WASM parsers ship beside the bundles that load them.
function copyAssets() {
  mkdirSync('dist/wasm', { recursive: true });
  const dir = dirname(require.resolve('@vscode/tree-sitter-wasm'));
  for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm', 'tree-sitter-python.wasm']) {
    cpSync(join(dir, f), join('dist/wasm', f));
  }
  // The timeline webview's stylesheet and codicons (its only local resources besides its script).
  mkdirSync('dist/webview', { recursive: true });
  const codicons = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, f), join('dist/webview', f));
  // The stylesheet: media/timeline.css, then the components' sheets beside it (media/timeline-*.css).
  if (existsSync('media/timeline.css')) {
    const parts = [
      'timeline.css',
      ...readdirSync('media')
        .filter((f) => /^timeline-[\w-]+\.css$/.test(f))
        .sort(),
    ];
    writeFileSync('dist/webview/timeline.css', parts.map((f) => readFileSync(join('media', f), 'utf8')).join('\n'));
  }
}

copyAssets();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching...');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The `bin` entry (replication-lens): runnable as ./dist/cli.js too, not only through npx.
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
