// ESLint (flat config): the layer rules the architecture rests on (DESIGN.md), and no import
// circles. Each layer lists what it may not import; tsconfig.<layer>.json enforces the
// platform side (no Node types in the core, no DOM outside the webviews) at compile time.
// test/unit/layers.test.ts proves a violation fails.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/** Node's built-in modules, with and without the `node:` prefix. */
const NODE = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];

/**
 * A restricted import of a layer's folder: a relative path whose first folder after its
 * `../` steps is the layer (`../../core/model`, `../src/core/model`), so that
 * `../protocol/webview` is the protocol, not the webview.
 */
const layer = (name, message) => ({ regex: `^(\\.\\./)+(src/)?${name}(/|$)`, message });

const core = layer('core', 'The core is imported, it does not import upward.');
const protocol = layer('protocol', 'Only the hosts and the webview speak the protocol.');
const node = layer('node', 'src/node is Node-only: not for the core, the protocol or the webview.');
const server = layer('server', 'The language server runs in its own process; talk to it over the protocol (src/protocol/lsp.ts).');
const cli = layer('cli', 'The CLI is an entry point, not a library: move what you need into src/core or src/node.');
const extension = layer('extension', 'The extension host is an entry point: move what you need into src/core, src/node or src/protocol.');
const webview = layer('webview', 'The webview is a browser bundle: share types through src/protocol, logic through src/core.');

/** One layer's rule: no Node built-ins and no vscode unless allowed, and no listed layer. */
function restrict({ nodeBuiltins = false, vscode = false, layers = [], extra = [] }) {
  const paths = vscode ? [] : [{ name: 'vscode', message: 'Only src/extension runs inside VS Code.' }];
  const patterns = [...layers, ...extra];
  if (!nodeBuiltins) patterns.push({ group: NODE, message: 'This layer runs without Node (DESIGN.md): pass what it needs in from src/node.' });
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'bench/results/**', 'bench/.child-*', '.tmpbench/**', 'media/**'],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict({
      layers: [protocol, node, server, cli, extension, webview],
      // The grammars' runtime is passed in (src/node/init-analysis.ts); its types may be named.
      extra: [
        {
          group: ['@vscode/tree-sitter-wasm', 'vscode-languageserver*', 'vscode-languageclient*', '@duckdb/*'],
          allowTypeImports: true,
          message: 'The core loads no runtime: take it as a parameter.',
        },
      ],
    }),
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: restrict({ layers: [node, server, cli, extension, webview] }),
  },
  {
    files: ['webview/**/*.ts', 'src/extension/*/webview/**/*.ts'],
    rules: restrict({ layers: [node, server, cli, extension] }),
  },
  {
    files: ['src/node/**/*.ts'],
    rules: restrict({ nodeBuiltins: true, layers: [protocol, server, cli, extension, webview] }),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict({ nodeBuiltins: true, layers: [cli, extension, webview] }),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict({ nodeBuiltins: true, layers: [server, extension, webview] }),
  },
  {
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/*/webview/**'],
    rules: restrict({ nodeBuiltins: true, vscode: true, layers: [server, cli, webview] }),
  },
);
