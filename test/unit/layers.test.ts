// The layer rules fire: an import the architecture forbids fails ESLint (eslint.config.mjs)
// and the type-check (tsconfig.<layer>.json), and the same import where it is allowed passes.
// Probes are linted as text under a layer's path, or written to a temporary tree, never into
// the source tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { tempDirs } from './temp-dirs';

const root = path.join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });
const tempDir = tempDirs('rl-layers-');

/** The rule ids ESLint reports for `code` as if it were the file at `file` (under the repo). */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

test('ESLint: the core imports neither Node, vscode nor an upper layer', async () => {
  assert.deepEqual(await lint('src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"), [RESTRICTED]);
  assert.deepEqual(await lint('src/core/probe.ts', "import { join } from 'path';\nexport const j = join;\n"), [RESTRICTED]);
  assert.deepEqual(await lint('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), [RESTRICTED]);
  assert.deepEqual(await lint('src/core/analysis/probe.ts', "import { initAnalysis } from '../../node/init-analysis';\nexport const i = initAnalysis;\n"), [RESTRICTED]);
  assert.deepEqual(await lint('src/core/probe.ts', "import type { Parser } from '@vscode/tree-sitter-wasm';\nexport type P = Parser;\n"), []);
  assert.deepEqual(await lint('src/core/probe.ts', "import { Parser } from '@vscode/tree-sitter-wasm';\nexport const P = Parser;\n"), [RESTRICTED]);
});

test('ESLint: the webview imports no Node and no host; src/node may use Node', async () => {
  assert.deepEqual(await lint('webview/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"), [RESTRICTED]);
  assert.deepEqual(await lint('webview/probe.ts', "import { x } from '../src/extension/client';\nexport const y = x;\n"), [RESTRICTED]);
  // The protocol's webview module is the protocol, not the webview layer.
  assert.deepEqual(await lint('src/extension/probe.ts', "import type { X } from '../protocol/webview';\nexport type Y = X;\n"), []);
  assert.deepEqual(await lint('src/node/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"), []);
  assert.deepEqual(await lint('src/server/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), [RESTRICTED]);
});

test('ESLint: a two-file import circle is reported', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'src/core'), { recursive: true });
  writeFileSync(path.join(dir, 'src/core/a.ts'), "import { b } from './b';\nexport const a = (): unknown => b;\n");
  writeFileSync(path.join(dir, 'src/core/b.ts'), "import { a } from './a';\nexport const b = (): unknown => a;\n");
  const inTemp = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
  const [result] = await inTemp.lintFiles([path.join(dir, 'src/core/a.ts')]);
  assert.deepEqual(
    result.messages.map((m) => m.ruleId),
    ['import-x/no-cycle'],
  );
});

/** The type-checker's error codes for `code` compiled with a layer's tsconfig options. */
function typeErrors(layer: string, code: string): number[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, `tsconfig.${layer}.json`),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  assert.ok(config);
  const file = path.join(tempDir(), 'probe.ts');
  writeFileSync(file, code);
  // The layer's platform (lib, types), resolving packages from the repository.
  const options = { ...config.options, composite: false, noEmit: true, emitDeclarationOnly: false, typeRoots: [path.join(root, 'node_modules/@types')] };
  const program = ts.createProgram({ rootNames: [file], options });
  return ts.getPreEmitDiagnostics(program).map((d) => d.code);
}

test('tsc: the core layer has neither Node types nor the DOM; the node layer has Node', () => {
  const usesNode = "import { readFileSync } from 'node:fs';\nexport const r: unknown = readFileSync;\nexport const p: unknown = process.pid;\n";
  const usesDom = 'export const d: unknown = document.title;\n';
  assert.deepEqual(typeErrors('core', usesNode), [2307, 2591]);
  assert.deepEqual(typeErrors('core', usesDom), [2584]);
  assert.deepEqual(typeErrors('node', usesNode), []);
  assert.deepEqual(typeErrors('webview', usesDom), []);
  assert.deepEqual(typeErrors('webview', usesNode), [2307, 2591]);
});
