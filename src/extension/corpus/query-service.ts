// The query box's engine: the bundled CLI's `query --serve FOLDER` in a child process (the
// study is read once, DuckDB runs there, never in the extension host). DuckDB is a native
// library the universal VSIX does not carry (README "SQL over a study"): the child finds it
// through NODE_PATH, from the `replicationLens.study.duckdbModules` setting (machine scope: a
// workspace cannot point it at code of its own), the extension's dist/node_modules (a platform
// build, `npm run package -- --with-duckdb`) or ~/.replication-lens/node_modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QueryResult } from '../../core/study/format';
import type { QueryServeAnswer } from '../../protocol/corpus';

export const DUCKDB_SETTING = 'replicationLens.study.duckdbModules';

/** A node_modules folder holding @duckdb/node-api, or null. */
export function duckdbModules(extensionDir: string): string | null {
  const configured = vscode.workspace.getConfiguration().inspect<string>(DUCKDB_SETTING)?.globalValue;
  const candidates = [configured, path.join(extensionDir, 'dist', 'node_modules'), path.join(homedir(), '.replication-lens', 'node_modules')];
  for (const c of candidates) if (c && existsSync(path.join(c, '@duckdb', 'node-api', 'package.json'))) return c;
  return null;
}

interface Pending {
  ok(r: QueryResult): void;
  fail(e: Error): void;
}

export class QueryService {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';

  constructor(
    private readonly extensionDir: string,
    private readonly folder: string,
  ) {}

  /** Starts reading the study (at most once); resolves when queries can run. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const modules = duckdbModules(this.extensionDir);
    const cli = path.join(this.extensionDir, 'dist', 'cli.js');
    this.ready = new Promise<void>((ok, fail) => {
      if (!modules) {
        fail(
          new Error(
            'SQL needs DuckDB, which this build does not carry. Install it once with ' +
              '`npm install --prefix ~/.replication-lens @duckdb/node-api`, or set "replicationLens.study.duckdbModules" ' +
              'to a node_modules folder that holds @duckdb/node-api.',
          ),
        );
        return;
      }
      const child = spawn(process.execPath, [cli, 'query', '--serve', this.folder], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_PATH: modules },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      this.child = child;
      child.stderr!.on('data', (b: Buffer) => (this.stderr = (this.stderr + b.toString()).slice(-4000)));
      child.stdout!.on('data', (b: Buffer) => {
        this.buffer += b.toString('utf8');
        let nl: number;
        while ((nl = this.buffer.indexOf('\n')) >= 0) {
          const line = this.buffer.slice(0, nl);
          this.buffer = this.buffer.slice(nl + 1);
          let a: QueryServeAnswer;
          try {
            a = JSON.parse(line) as QueryServeAnswer;
          } catch {
            continue;
          }
          if (a.type === 'ready') ok();
          else if (a.type === 'result') this.settle(a.id, (p) => p.ok(a.result));
          else this.settle(a.id, (p) => p.fail(new Error(a.message)));
        }
      });
      const end = (why: string) => {
        const e = new Error(`${why}${this.stderr.trim() ? `: ${this.stderr.trim()}` : ''}`);
        fail(e);
        for (const p of this.pending.values()) p.fail(e);
        this.pending.clear();
        // A restart may already have started the next process: leave that one alone.
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
      };
      child.on('error', (e) => end(`the query process could not start (${e.message})`));
      child.on('close', (code) => end(`the query process ended (exit ${code})`));
    });
    return this.ready;
  }

  private settle(id: number, f: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    f(p);
  }

  async query(sql: string): Promise<QueryResult> {
    await this.start();
    const id = this.nextId++;
    return new Promise<QueryResult>((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.child!.stdin!.write(JSON.stringify({ id, sql }) + '\n');
    });
  }

  /** Reads the folder again on the next query (after the corpus view's Refresh). */
  restart(): void {
    this.dispose();
  }

  dispose(): void {
    this.child?.stdin?.end();
    this.child?.kill();
    this.child = undefined;
    this.ready = undefined;
  }
}
