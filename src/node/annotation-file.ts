// The annotation store on disk (Node side). Events are appended, one line each, under a small
// lock file; a rewrite (compaction) writes a temporary file in the same folder and renames it
// over the store, so a crash leaves either the old file or the new one, never half of one.
// Two windows on one store both keep their edits: every write happens under the lock and
// after a re-read, and `reload()` folds in what the other wrote (call it from a file watcher).
import { promises as fs, constants as fsc } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { execFile } from 'node:child_process';
import {
  compactStoreText,
  foldEvents,
  parseStore,
  serializeEvent,
  type Annotation,
  type AnnotationEvent,
  type ParsedStore,
  type Review,
  type StoreIssue,
} from '../core/annotations';

export const SIDECAR_SUFFIX = '.annotations.jsonl';

export interface SidecarOptions {
  /** A folder for all stores (absolute, or relative to `root`); empty: beside the log. */
  directory?: string;
  /** The workspace folder: the log's path under it is mirrored inside `directory`. */
  root?: string;
}

/** Where a log's annotations live: `LOG.annotations.jsonl` beside it, or under `directory`. */
export function sidecarPath(logPath: string, opts: SidecarOptions = {}): string {
  const log = path.resolve(logPath);
  if (!opts.directory) return log + SIDECAR_SUFFIX;
  const base = opts.root ? path.resolve(opts.root) : path.dirname(log);
  const dir = path.resolve(base, opts.directory);
  const rel = opts.root ? path.relative(path.resolve(opts.root), log) : '';
  const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  return path.join(dir, (inside ? rel : path.basename(log)) + SIDECAR_SUFFIX);
}

export interface AtomicWriteHooks {
  /** Called after the temporary file is written and synced, before the rename (tests crash here). */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

/** Writes `data` to a temporary file beside `file`, syncs it, then renames it over `file`. */
export async function writeFileAtomic(file: string, data: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const h = await fs.open(temp, 'wx');
  try {
    await h.writeFile(data, 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
  await hooks.beforeRename?.(temp);
  try {
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/** Temporary files a crashed write left beside `file`. */
export async function leftoverTemps(file: string): Promise<string[]> {
  const prefix = `.${path.basename(file)}.`;
  try {
    const names = await fs.readdir(path.dirname(file));
    return names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => path.join(path.dirname(file), n));
  } catch {
    return [];
  }
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/** Runs `fn` holding `FILE.lock` (created exclusively; a lock older than 10 s is taken over). */
export async function withLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = file + '.lock';
  await fs.mkdir(path.dirname(file), { recursive: true });
  const start = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      const h = await fs.open(lock, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY);
      await h.writeFile(`${process.pid}\n`);
      await h.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = await fs.stat(lock).catch(() => null);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() - start > LOCK_WAIT_MS) throw new Error(`${lock} is held by another writer; try again`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** Appends lines in one write, first ending a last line that an interrupted write left open. */
async function appendLines(file: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const h = await fs.open(file, 'a+');
  try {
    const { size } = await h.stat();
    let lead = '';
    if (size > 0) {
      const b = Buffer.alloc(1);
      await h.read(b, 0, 1, size - 1);
      if (b[0] !== 0x0a) lead = '\n';
    }
    await h.appendFile(lead + lines.join('\n') + '\n', 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
}

export interface StoreChange {
  /** Whether anything differs from the last read. */
  changed: boolean;
  annotations: Annotation[];
  issues: StoreIssue[];
}

/** One annotation store file, as one window (or the CLI) sees it. */
export class AnnotationFile {
  private store: ParsedStore = { events: [], foreign: [], issues: [] };
  private text = '';

  constructor(readonly file: string) {}

  get issues(): StoreIssue[] {
    return this.store.issues;
  }
  get events(): AnnotationEvent[] {
    return this.store.events;
  }

  /** Every annotation, deleted ones flagged. */
  annotations(): Annotation[] {
    return foldEvents(this.store.events).annotations;
  }
  live(): Annotation[] {
    return this.annotations().filter((a) => !a.deleted);
  }
  reviews(): Review[] {
    return foldEvents(this.store.events).reviews;
  }

  /** Re-reads the file (a missing file is an empty store); says whether it changed. */
  async reload(): Promise<StoreChange> {
    const text = await readText(this.file);
    const changed = text !== this.text;
    if (changed) {
      this.text = text;
      this.store = parseStore(text);
    }
    return { changed, annotations: this.annotations(), issues: this.store.issues };
  }

  /** Appends events under the lock, then re-reads so the other writers' events are folded in. */
  async append(events: AnnotationEvent[]): Promise<StoreChange> {
    await withLock(this.file, () => appendLines(this.file, events.map(serializeEvent)));
    return this.reload();
  }

  /**
   * Rewrites the store with superseded values dropped (atomic: temp file, then rename). Unknown
   * fields, unknown records and unreadable lines are all kept.
   */
  async compact(hooks: AtomicWriteHooks = {}): Promise<StoreChange> {
    await withLock(this.file, async () => {
      const fresh = parseStore(await readText(this.file));
      await writeFileAtomic(this.file, compactStoreText(fresh), hooks);
      // Temporary files of writes that crashed a while ago hold nothing the store lacks.
      for (const t of await leftoverTemps(this.file)) {
        const st = await fs.stat(t).catch(() => null);
        if (st && Date.now() - st.mtimeMs > 60_000) await fs.rm(t, { force: true });
      }
    });
    return this.reload();
  }
}

/** The annotator's name: `git config user.name`, else the OS user, else "anonymous". */
export function defaultAuthor(cwd?: string): Promise<string> {
  return new Promise((resolve) => {
    const fallback = () => {
      try {
        resolve(os.userInfo().username || 'anonymous');
      } catch {
        resolve('anonymous');
      }
    };
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: 2000, windowsHide: true }, (err, stdout) => {
        const name = String(stdout ?? '').trim();
        if (err || !name) fallback();
        else resolve(name);
      });
    } catch {
      fallback();
    }
  });
}
