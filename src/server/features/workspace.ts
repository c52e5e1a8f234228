// Workspace symbols across trajectory files: the workspace folders are walked on the first
// query (not at startup), each candidate file is sniffed and analysed once, and re-read only
// when its modification time changes. Open documents answer from the editor's text.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { ServedDocument } from '../document';
import type { DocumentStore } from '../store';
import { isCriticalStep, stepCategories, stepName } from './naming';
import { isTrajectoryFileName } from '../../core/file-names';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '__pycache__', '.venv', 'venv']);
const MAX_RESULTS = 1000;

export class WorkspaceIndex {
  private files: string[] | null = null;
  private walking: Promise<string[]> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private folders: string[],
    private limits: () => { maxFiles: number; maxFileSizeMB: number },
  ) {}

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.invalidate();
  }

  /** Forget the file list (a file was created or deleted). */
  invalidate(): void {
    this.files = null;
    this.walking = null;
  }

  private async list(): Promise<string[]> {
    if (this.files) return this.files;
    this.walking ??= this.walk().then((f) => (this.files = f));
    return this.walking;
  }

  private async walk(): Promise<string[]> {
    const { maxFiles, maxFileSizeMB } = this.limits();
    const out: string[] = [];
    const queue = [...this.folders];
    while (queue.length && out.length < maxFiles) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(p);
        } else if (e.isFile() && isTrajectoryFileName(e.name) && !e.name.endsWith('.labels.json') && !e.name.endsWith('.annotations.jsonl')) {
          try {
            if ((await fs.stat(p)).size <= maxFileSizeMB * 1024 * 1024) out.push(p);
          } catch {
            /* vanished */
          }
          if (out.length >= maxFiles) break;
        }
      }
    }
    return out;
  }

  async symbols(query: string, isCancelled: () => boolean = () => false): Promise<WorkspaceSymbol[]> {
    const files = await this.list();
    const uris = new Set(files.map((f) => pathToFileURL(f).toString()));
    for (const d of this.store.openDocuments()) uris.add(d.uri);
    const q = query.toLowerCase();
    const out: WorkspaceSymbol[] = [];
    for (const uri of uris) {
      if (isCancelled() || out.length >= MAX_RESULTS) break;
      const d = await this.store.get(uri);
      if (d?.claimed) collect(d, q, out);
    }
    return out.slice(0, MAX_RESULTS);
  }
}

/** Case-insensitive match on the step name, its categories, or a fuzzy subsequence. */
export function matches(q: string, name: string, cats: string): boolean {
  if (!q) return true;
  const n = name.toLowerCase();
  if (n.includes(q) || cats.includes(q)) return true;
  let i = 0;
  for (const ch of n) if (ch === q[i] && ++i === q.length) return true;
  return false;
}

function collect(d: ServedDocument, q: string, out: WorkspaceSymbol[]): void {
  const base = path.basename(d.uri);
  d.runs.forEach((t, run) =>
    t.steps.forEach((s, step) => {
      if (out.length >= MAX_RESULTS || !s.commands.length) return;
      const name = stepName(s);
      const cats = stepCategories(s).join(' ');
      if (!matches(q, name, cats)) return;
      out.push({
        name,
        kind: isCriticalStep(s) ? SymbolKind.Event : SymbolKind.Function,
        containerName: d.runs.length > 1 ? `${decodeURIComponent(base)} · ${t.title || t.id}` : decodeURIComponent(base),
        location: { uri: d.uri, range: d.doc ? d.stepAnchor({ run, step }) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      });
    }),
  );
}
