// The annotation store on disk (Node side). Events are appended, one line each, under the
// store's lock (annotation-lock.ts); a rewrite (compaction) takes the same lock, re-reads, writes
// a temporary file in the same folder and renames it over the store only if the store is still
// the file it read, so a crash leaves either the old file or the new one, never half of one, and
// no append is ever lost to a rewrite. Two windows on one store both keep their edits, and
// `reload()` folds in what the other wrote (call it from a file watcher). A sidecar that is a
// symbolic link, or not a regular file, is refused: the workspace may come from anyone.
import { promises as fs, constants as fsc, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { hiddenStem, withLock, type LockOptions } from './annotation-lock';
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

export { withLock, LockTimeoutError, lockClaims, type LockOptions } from './annotation-lock';

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

/**
 * Where a workspace's setting puts a log's store, confined to the workspace folder `root`: a
 * `directory` that leaves it (`../..`, an absolute path elsewhere, or a folder that is a symbolic
 * link to elsewhere) is refused with a message saying so, as is a sidecar whose folder resolves
 * outside it. A log outside `root` keeps its store beside it (the user opened that file).
 */
export async function workspaceSidecarPath(logPath: string, opts: { directory?: string; root?: string }): Promise<string> {
  const log = path.resolve(logPath);
  const root = opts.root ? path.resolve(opts.root) : undefined;
  const within = (base: string, p: string) => {
    const rel = path.relative(base, p);
    return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
  };
  const directory = opts.directory?.trim();
  if (directory) {
    const base = root ?? path.dirname(log);
    const dir = path.resolve(base, directory);
    if (!within(base, dir)) {
      throw new StoreRefusedError(
        `the annotations folder "${directory}" (replicationLens.annotations.directory) is outside ${root ? 'the workspace folder' : "the log's folder"} ${base}; ` +
          'annotations are written only inside it. Use a folder inside it, or leave the setting empty.',
      );
    }
  }
  const file = sidecarPath(log, { directory, root });
  if (!directory && (!root || !within(root, log))) return file;
  const base = root ?? path.dirname(log);
  // Through links on disk: the nearest existing folder of the store must really be inside.
  const realBase = await fs.realpath(base).catch(() => base);
  let probe = path.dirname(file);
  for (;;) {
    const real = await fs.realpath(probe).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
    if (real !== null) {
      if (!within(realBase, real)) {
        throw new StoreRefusedError(`the annotations of ${path.basename(log)} would go to ${real} (through a symbolic link), outside ${base}; refused`);
      }
      return file;
    }
    const up = path.dirname(probe);
    if (up === probe) return file;
    probe = up;
  }
}

export interface AtomicWriteHooks {
  /** Called after the temporary file is written and synced, before the rename (tests crash here). */
  beforeRename?: (tempPath: string) => void | Promise<void>;
  /** Permission bits of the new file (a rewrite keeps the old file's). */
  mode?: number;
}

/** Writes `data` to a temporary file beside `file`, syncs it, then renames it over `file`. */
export async function writeFileAtomic(file: string, data: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${hiddenStem(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const h = await fs.open(temp, 'wx', hooks.mode ?? 0o666);
  try {
    await h.writeFile(data, 'utf8');
    // The umask applied to open(); an explicit mode is the old file's, kept exactly.
    if (hooks.mode !== undefined) await h.chmod(hooks.mode);
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
  const prefix = `${hiddenStem(file)}.`;
  try {
    const names = await fs.readdir(path.dirname(file));
    return names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => path.join(path.dirname(file), n));
  } catch {
    return [];
  }
}

/** Largest store read whole (a sidecar is text a person wrote; far larger is not one). */
const MAX_STORE_BYTES = 256 * 1024 * 1024;
// O_NOFOLLOW where the platform has it (not Windows, which checks with lstat first instead).
const NOFOLLOW = fsc.O_NOFOLLOW ?? 0;
// O_NONBLOCK: a FIFO planted under the sidecar's name must not hang the open.
const NONBLOCK = fsc.O_NONBLOCK ?? 0;

export class StoreRefusedError extends Error {}

/** Refuses a sidecar that is a symbolic link or not a regular file (a FIFO, a device, a folder). */
async function checkPlain(file: string): Promise<Stats | null> {
  let st;
  try {
    st = await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (st.isSymbolicLink()) throw new StoreRefusedError(`${file} is a symbolic link; annotation stores are not read or written through links`);
  if (!st.isFile()) throw new StoreRefusedError(`${file} is not a regular file`);
  return st;
}

/** Opens the store itself, never what a link in its place points at. */
async function openPlain(file: string, flags: number, mode?: number): Promise<FileHandle> {
  await checkPlain(file);
  let h: FileHandle;
  try {
    h = await fs.open(file, flags | NOFOLLOW | NONBLOCK, mode);
  } catch (e) {
    // ELOOP: it became a link between the check and the open.
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new StoreRefusedError(`${file} is a symbolic link; annotation stores are not read or written through links`);
    throw e;
  }
  const st = await h.stat();
  if (!st.isFile()) {
    await h.close();
    throw new StoreRefusedError(`${file} is not a regular file`);
  }
  return h;
}

interface Snapshot {
  text: string;
  ino: number;
  size: number;
  mode: number;
}

/** Reads the store (a missing file is empty), with what identifies this version of it. */
async function readSnapshot(file: string): Promise<Snapshot> {
  let h: FileHandle;
  try {
    h = await openPlain(file, fsc.O_RDONLY);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', ino: -1, size: -1, mode: -1 };
    throw e;
  }
  try {
    const st = await h.stat();
    if (st.size > MAX_STORE_BYTES) throw new StoreRefusedError(`${file} is ${st.size} bytes, over the ${MAX_STORE_BYTES}-byte limit of an annotation store`);
    const bytes = await h.readFile();
    return { text: bytes.toString('utf8'), ino: st.ino, size: bytes.length, mode: st.mode & 0o7777 };
  } finally {
    await h.close();
  }
}

async function readText(file: string): Promise<string> {
  return (await readSnapshot(file)).text;
}

/** Appends lines in one write, first ending a last line that an interrupted write left open. */
async function appendLines(file: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const h = await openPlain(file, fsc.O_RDWR | fsc.O_APPEND | fsc.O_CREAT, 0o666);
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

  constructor(
    readonly file: string,
    private readonly lock: LockOptions = {},
  ) {}

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

  /**
   * Appends events under the lock, then re-reads so the other writers' events are folded in.
   * When it returns, the events are on disk (synced); when it throws, they may or may not be.
   */
  async append(events: AnnotationEvent[]): Promise<StoreChange> {
    await this.appendOnly(events);
    return this.reload();
  }

  /** `append` without the re-read: for writers that do not show the store (the CLI, benchmarks). */
  async appendOnly(events: AnnotationEvent[]): Promise<void> {
    await withLock(this.file, () => appendLines(this.file, events.map(serializeEvent)), this.lock);
  }

  /**
   * Rewrites the store with superseded values dropped (atomic: temp file, then rename), keeping
   * its permission bits. Unknown fields, unknown records and unreadable lines are all kept. A
   * read-only store is left alone.
   */
  async compact(hooks: AtomicWriteHooks = {}): Promise<StoreChange> {
    await withLock(
      this.file,
      async () => {
        for (let attempt = 0; ; attempt++) {
          const before = await readSnapshot(this.file);
          if (before.ino !== -1) await this.checkWritable(before);
          let temp = '';
          try {
            await writeFileAtomic(this.file, compactStoreText(parseStore(before.text)), {
              mode: before.mode === -1 ? undefined : before.mode,
              beforeRename: async (t) => {
                temp = t;
                await hooks.beforeRename?.(t);
                // Under the lock nothing else appends; a writer that ignores the lock (an older
                // version, git) may have: then the rewrite is redone from what is there now.
                const now = await checkPlain(this.file);
                if ((now ? now.ino : -1) !== before.ino || (now ? now.size : -1) !== before.size) throw new StoreMoved();
              },
            });
            break;
          } catch (e) {
            if (!(e instanceof StoreMoved)) throw e;
            await fs.rm(temp, { force: true });
            if (attempt >= 5) throw new Error(`${this.file} keeps changing while it is compacted; not compacted`);
          }
        }
        // Temporary files of writes that crashed a while ago hold nothing the store lacks.
        for (const t of await leftoverTemps(this.file)) {
          const st = await fs.lstat(t).catch(() => null);
          if (st && Date.now() - st.mtimeMs > 60_000) await fs.rm(t, { force: true });
        }
      },
      this.lock,
    );
    return this.reload();
  }

  private async checkWritable(s: Snapshot): Promise<void> {
    // The rename would succeed over a read-only file (the folder is writable): ask the file.
    const writable = await fs.access(this.file, fsc.W_OK).then(
      () => true,
      () => false,
    );
    if (!writable || (s.mode & 0o222) === 0) throw new StoreRefusedError(`${this.file} is read-only; not compacted`);
  }
}

class StoreMoved extends Error {}
