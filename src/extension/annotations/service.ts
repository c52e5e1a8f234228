// The annotation stores of the open logs, on the extension host: one AnnotationFile per log,
// watched so that another window's (or git's) writes are folded in, the author (author.ts:
// the setting, else the global git name, never by running anything from the workspace), and
// the workspace's label set. A store's folder is confined to the workspace folder, and in an
// untrusted workspace the folder and labels-file settings are read from the user's settings only.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { defaultLabelSet, formatLabelIssue, parseLabelsFile, type AnnotationEvent, type LabelSet } from '../../core/annotations';
import { AnnotationFile, workspaceSidecarPath } from '../../node/annotation-file';
import { authorName } from './author';

export const SETTINGS = {
  author: 'replicationLens.annotations.author',
  directory: 'replicationLens.annotations.directory',
  labelsFile: 'replicationLens.labelsFile',
} as const;

/** Where a workspace's label set lives when `replicationLens.labelsFile` is empty. */
export const DEFAULT_LABELS_FILE = '.vscode/replication-lens.labels.json';

interface Entry {
  file: AnnotationFile;
  watcher: vscode.FileSystemWatcher;
  loaded: Promise<unknown>;
}

function setting<T>(key: string, scope?: vscode.Uri): T | undefined {
  const dot = key.lastIndexOf('.');
  return vscode.workspace.getConfiguration(key.slice(0, dot), scope).get<T>(key.slice(dot + 1));
}

/**
 * A setting a workspace must not choose while it is untrusted: the user's own value only. (It is
 * also declared in package.json's `restrictedConfigurations`, so VS Code does the same; this
 * holds if that declaration is ever lost.)
 */
function userSetting<T>(key: string, scope?: vscode.Uri): T | undefined {
  if (vscode.workspace.isTrusted) return setting<T>(key, scope);
  const dot = key.lastIndexOf('.');
  return vscode.workspace.getConfiguration(key.slice(0, dot), scope).inspect<T>(key.slice(dot + 1))?.globalValue;
}

export class AnnotationService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a log's URI when its annotations changed (this window, another, or git). */
  readonly onDidChange = this.changed.event;
  private labelSet: Promise<LabelSet> | undefined;
  private labelWatcher: vscode.FileSystemWatcher | undefined;
  private authorName: Promise<string> | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.subs.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS.author)) this.authorName = undefined;
        if (e.affectsConfiguration(SETTINGS.labelsFile)) this.resetLabels();
        if (e.affectsConfiguration(SETTINGS.directory)) {
          const logs = [...this.entries.keys()];
          this.disposeEntries();
          for (const l of logs) this.changed.fire(vscode.Uri.file(l));
        }
      }),
      // Trust granted: the workspace's folder setting now counts, and git may be asked for the name.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.authorName = undefined;
        this.resetLabels();
        const logs = [...this.entries.keys()];
        this.disposeEntries();
        for (const l of logs) this.changed.fire(vscode.Uri.file(l));
      }),
    );
  }

  /** Annotation stores live on disk beside the log: only `file:` documents have one. */
  supports(uri: vscode.Uri): boolean {
    return uri.scheme === 'file';
  }

  /** Where a log's store is; rejects (with a message for the user) a folder outside the workspace. */
  storePath(log: vscode.Uri): Promise<string> {
    const folder = vscode.workspace.getWorkspaceFolder(log);
    return workspaceSidecarPath(log.fsPath, { directory: userSetting<string>(SETTINGS.directory, log) || undefined, root: folder?.uri.fsPath });
  }

  /** The store of a log, read (and watched) on first use. Rejects when it cannot be used. */
  async store(log: vscode.Uri): Promise<AnnotationFile> {
    let e = this.entries.get(log.fsPath);
    if (!e) {
      const where = this.storePath(log);
      const file = new AnnotationFile(await where.catch((err) => this.refuse(log.fsPath, err)));
      e = this.entries.get(log.fsPath); // another call may have got here first while we waited
      if (!e) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file.file)), path.basename(file.file)));
        const onDisk = () => void this.reload(log);
        watcher.onDidChange(onDisk);
        watcher.onDidCreate(onDisk);
        watcher.onDidDelete(onDisk);
        const loaded = file.reload().then(
          (c) => this.report(file, c.issues),
          (err) => {
            // Unreadable (a link, not a file): forget it, so a fixed file is read next time.
            if (this.entries.get(log.fsPath)?.file === file) {
              this.entries.delete(log.fsPath);
              watcher.dispose();
            }
            return this.refuse(file.file, err);
          },
        );
        e = { file, watcher, loaded };
        this.entries.set(log.fsPath, e);
      }
    }
    await e.loaded;
    return e.file;
  }

  /** Tells the user once per file and reason why a store cannot be used, then rethrows. */
  private refuse(what: string, err: unknown): never {
    const msg = err instanceof Error ? err.message : String(err);
    this.output.error(`Annotations of ${what}: ${msg}`);
    if (!this.warned.has(`${what}\0${msg}`)) {
      this.warned.add(`${what}\0${msg}`);
      void vscode.window.showErrorMessage(`Replication Lens: ${msg}`);
    }
    throw err;
  }

  /** Re-reads a store (the watcher calls this); fires onDidChange when anything differs. */
  async reload(log: vscode.Uri): Promise<void> {
    const e = this.entries.get(log.fsPath);
    if (!e) return;
    try {
      const c = await e.file.reload();
      if (c.changed) {
        this.report(e.file, c.issues);
        this.changed.fire(log);
      }
    } catch (err) {
      this.output.error(`Reading ${e.file.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Appends events to a log's store (under its lock), then tells everyone. */
  async append(log: vscode.Uri, events: AnnotationEvent[]): Promise<void> {
    const store = await this.store(log);
    try {
      await store.append(events);
    } catch (err) {
      const msg = `Replication Lens could not save the annotation to ${store.file}: ${err instanceof Error ? err.message : String(err)}`;
      this.output.error(msg);
      void vscode.window.showErrorMessage(msg);
      throw err;
    }
    this.changed.fire(log);
  }

  /** Compacts a log's store; says why when it cannot (read-only, a link, locked). */
  async compact(log: vscode.Uri): Promise<void> {
    const store = await this.store(log);
    try {
      await store.compact();
    } catch (err) {
      const msg = `Replication Lens could not compact ${store.file}: ${err instanceof Error ? err.message : String(err)}`;
      this.output.error(msg);
      void vscode.window.showErrorMessage(msg);
      return;
    }
    this.changed.fire(log);
  }

  /**
   * The annotator: the setting, else (trusted workspaces only) `git config --global user.name`,
   * else the OS user. Worked out once a session (again when the setting changes or trust is given).
   */
  author(scope?: vscode.Uri): Promise<string> {
    this.authorName ??= authorName({
      configured: userSetting<string>(SETTINGS.author, scope),
      trusted: vscode.workspace.isTrusted,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    });
    return this.authorName;
  }

  /** The label set: the configured file, else `.vscode/replication-lens.labels.json`, else built in. */
  labels(): Promise<LabelSet> {
    this.labelSet ??= this.loadLabels();
    return this.labelSet;
  }

  private async loadLabels(): Promise<LabelSet> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    // Restricted Mode: the path comes from the user's settings only, and the workspace's own label
    // set (workspace configuration, like .vscode/settings.json) waits until the folder is trusted.
    const configured = userSetting<string>(SETTINGS.labelsFile)?.trim();
    const ownFile = folder && vscode.workspace.isTrusted ? path.join(folder.uri.fsPath, DEFAULT_LABELS_FILE) : undefined;
    if (folder && !configured && !vscode.workspace.isTrusted)
      this.output.info(`Restricted Mode: ${DEFAULT_LABELS_FILE} is read once the folder is trusted; the built-in labels until then.`);
    const file = configured ? path.resolve(folder?.uri.fsPath ?? '', configured) : ownFile;
    if (!file) return defaultLabelSet();
    this.labelWatcher?.dispose();
    this.labelWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    const reset = () => this.resetLabels();
    this.labelWatcher.onDidChange(reset);
    this.labelWatcher.onDidCreate(reset);
    this.labelWatcher.onDidDelete(reset);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      if (configured) void vscode.window.showWarningMessage(`Replication Lens: the labels file ${file} cannot be read; using the built-in labels.`);
      return defaultLabelSet();
    }
    const { set, issues } = parseLabelsFile(text);
    if (issues.length) {
      for (const i of issues) this.output.warn(formatLabelIssue(file, i));
      void vscode.window.showWarningMessage(
        `Replication Lens: ${issues.length} problem(s) in the labels file (${formatLabelIssue(path.basename(file), issues[0])}). See the output.`,
      );
    }
    return set;
  }

  private resetLabels(): void {
    this.labelSet = undefined;
  }

  private report(file: AnnotationFile, issues: { line: number; severity: string; message: string }[]): void {
    for (const i of issues) this.output[i.severity === 'error' ? 'error' : 'warn'](`${file.file}:${i.line}: ${i.message}`);
    // Say it once per file and session; the output channel keeps the details of every read.
    if (issues.some((i) => i.severity === 'error') && !this.warned.has(file.file)) {
      this.warned.add(file.file);
      void vscode.window.showWarningMessage(
        `Replication Lens: ${issues.length} line(s) of ${path.basename(file.file)} could not be read; every other annotation is shown. See the output.`,
      );
    }
  }

  private disposeEntries(): void {
    for (const e of this.entries.values()) e.watcher.dispose();
    this.entries.clear();
  }

  dispose(): void {
    this.disposeEntries();
    this.labelWatcher?.dispose();
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}
