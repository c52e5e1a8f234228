// The analysis in Node: the tree-sitter runtime and its WASM files found on disk, handed to
// the core (which reads no files). Bundles ship the WASM in dist/wasm beside them; from
// sources (tests, tsx) it is read from the package in node_modules.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as treeSitter from '@vscode/tree-sitter-wasm';
import { initAnalysis as initCoreAnalysis } from '../core/analyze';

/** The path of a WASM file by name, e.g. `tree-sitter-bash.wasm`. */
export function locateWasm(file: string): string {
  const beside = join(__dirname, 'wasm', file);
  if (existsSync(beside)) return beside;
  // Spelled so bundlers leave it alone: resolved at run time, from the sources' node_modules.
  const nodeRequire: NodeRequire = require;
  return join(dirname(nodeRequire.resolve('@vscode/tree-sitter-wasm')), file);
}

/** Loads the shell and Python grammars once; every analysis needs it to have resolved. */
export function initAnalysis(): Promise<void> {
  return initCoreAnalysis({ treeSitter, locate: locateWasm });
}
