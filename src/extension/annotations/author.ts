// The annotator's name, without running anything a workspace could have planted: the setting
// first; else, in a trusted workspace, `git config --global user.name` (never the repository's
// own config, which the workspace controls), run by the absolute path of a git found on PATH
// outside every workspace folder and with the home folder as its working folder, so neither a
// `git.exe` in the workspace (Windows looks in the working folder first) nor a relative PATH
// entry can be what runs; in an untrusted workspace git is not run at all: the OS user name.
// No VS Code here: the service passes in what it knows.
import { execFile } from 'node:child_process';
import { promises as fs, constants as fsc } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface AuthorSources {
  /** `replicationLens.annotations.author` (a user setting). */
  configured?: string;
  /** Whether the workspace is trusted; when not, no program is run. */
  trusted: boolean;
  /** Absolute paths of the workspace folders: no git under them is run. */
  workspaceFolders: string[];
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The working folder for git (default: the home folder). */
  home?: string;
}

const within = (dir: string, p: string) => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The first git on PATH that is an absolute, executable file outside every workspace folder. */
export async function findGit(pathVar: string, excluded: string[], platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const names = platform === 'win32' ? ['git.exe'] : ['git'];
  const sep = platform === 'win32' ? ';' : ':';
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const fences = await Promise.all(excluded.map(real));
  for (const entry of pathVar.split(sep)) {
    const dir = entry.replace(/^"(.*)"$/, '$1');
    // A relative entry ('', '.', 'bin') means "wherever we are": the workspace, perhaps.
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const n of names) {
      const candidate = path.join(dir, n);
      const st = await fs.stat(candidate).catch(() => null);
      if (!st?.isFile()) continue;
      if (
        platform !== 'win32' &&
        !(await fs.access(candidate, fsc.X_OK).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const where = await real(candidate);
      if (fences.some((f) => within(f, where) || within(f, candidate))) continue;
      return where;
    }
  }
  return null;
}

function osUser(): string {
  try {
    return os.userInfo().username || 'anonymous';
  } catch {
    return 'anonymous';
  }
}

/** The annotator's name (see the file's header for where it comes from). Never throws. */
export async function authorName(src: AuthorSources): Promise<string> {
  const configured = src.configured?.trim();
  if (configured) return configured;
  if (!src.trusted) return osUser();
  const env = src.env ?? process.env;
  const git = await findGit(env.PATH ?? env.Path ?? '', src.workspaceFolders, src.platform).catch(() => null);
  if (!git) return osUser();
  // The home folder as the working folder, unless it is itself in a workspace folder.
  const home = src.home ?? os.homedir();
  const cwd = src.workspaceFolders.some((f) => within(f, home)) ? path.parse(home).root : home;
  const name = await new Promise<string>((resolve) => {
    try {
      execFile(git, ['config', '--global', 'user.name'], { cwd, env: { ...env, GIT_CONFIG_NOSYSTEM: '1' }, timeout: 2000, windowsHide: true }, (err, stdout) =>
        resolve(err ? '' : String(stdout ?? '').trim()),
      );
    } catch {
      resolve('');
    }
  });
  return name || osUser();
}
