// The annotator's name (issue 15): nothing from the workspace is run for it. A `git` planted in
// the workspace and put first on PATH never runs; the repository's own `user.name` is not used;
// in an untrusted workspace no program runs at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import * as path from 'node:path';
import { authorName, findGit } from '../../src/extension/annotations/author';
import { tempDirs } from './temp-dirs';

const dir = tempDirs('rl-author-');

/** An executable named git in `folder` that leaves `marker` behind if it ever runs. */
function plant(folder: string, marker: string, name = 'Planted'): void {
  mkdirSync(folder, { recursive: true });
  const p = path.join(folder, 'git');
  writeFileSync(p, `#!/bin/sh\necho ran > '${marker}'\necho ${name}\n`);
  chmodSync(p, 0o755);
}

const realGit = (() => {
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
})();
const posix = process.platform !== 'win32';

test(
  'trusted: the global user.name, by a git outside the workspace; a planted git and the repo config are ignored',
  { skip: (!posix || !realGit) && 'needs POSIX and git' },
  async () => {
    const ws = dir();
    const home = dir();
    execFileSync('git', ['init', '-q', ws]);
    execFileSync('git', ['config', 'user.name', 'Repo Name'], { cwd: ws });
    writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Global Name\n');
    const marker = path.join(dir(), 'planted-ran');
    plant(path.join(ws, 'bin'), marker);
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), PATH: `${path.join(ws, 'bin')}:.:bin:${realGit}` };
    const name = await authorName({ trusted: true, workspaceFolders: [ws], env, home });
    assert.equal(name, 'Global Name');
    assert.equal(existsSync(marker), false, 'the git planted in the workspace ran');
  },
);

test('untrusted: no program runs, not even a git outside the workspace; the OS user name', { skip: !posix && 'needs POSIX' }, async () => {
  const ws = dir();
  const marker = path.join(dir(), 'ran');
  const outside = path.join(dir(), 'bin');
  plant(outside, marker, 'Outside');
  const name = await authorName({ trusted: false, workspaceFolders: [ws], env: { PATH: outside } });
  assert.equal(name, userInfo().username);
  assert.equal(existsSync(marker), false);
  // The same git runs once the workspace is trusted (it is outside the workspace).
  assert.equal(await authorName({ trusted: true, workspaceFolders: [ws], env: { PATH: outside }, home: dir() }), 'Outside');
  assert.equal(existsSync(marker), true);
});

test('the setting wins, and nothing runs', async () => {
  assert.equal(await authorName({ configured: '  Ada  ', trusted: true, workspaceFolders: [], env: { PATH: '/nonexistent' } }), 'Ada');
});

test('findGit skips relative PATH entries and any folder inside the workspace, links included', { skip: !posix && 'needs POSIX' }, async () => {
  const ws = dir();
  const m = path.join(dir(), 'm');
  plant(path.join(ws, 'tools'), m);
  const outside = dir();
  const { symlinkSync } = await import('node:fs');
  // A folder outside that is a link into the workspace.
  symlinkSync(path.join(ws, 'tools'), path.join(outside, 'link'));
  assert.equal(await findGit(`.:tools::${path.join(ws, 'tools')}:${path.join(outside, 'link')}`, [ws], 'linux'), null);
});
