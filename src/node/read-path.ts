// Reading a trajectory from a path on disk, where a run can span several files: an OpenHands
// V1 conversation folder (events/event-*.json), or a Claude Code session with its
// SESSION/subagents/*.jsonl. Everything else is one file, sniffed by content.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FormatId, ReadResult } from '../core/model';
import { readFile, sourceFile, FormatError } from '../core/formats';
import { readOpenHandsV1Folder, V1_EVENT_FILE } from '../core/formats/openhands-v1';
import { readClaudeCodeSession } from '../core/formats/claude-code';

export function readPath(path: string, format?: FormatId): ReadResult {
  if (statSync(path).isDirectory()) {
    const dir = existsSync(join(path, 'events')) && statSync(join(path, 'events')).isDirectory() ? join(path, 'events') : path;
    const names = readdirSync(dir).filter((n) => V1_EVENT_FILE.test(n));
    if (!names.length) {
      throw new FormatError('unknown', `${path} is a folder without OpenHands event files (events/event-NNNNN-UUID.json); give the trajectory files inside it`);
    }
    const files = names.map((n) => ({ name: join(dir, n), bytes: readFileSync(join(dir, n)) }));
    const state = join(dirname(dir) === path ? path : dir, 'base_state.json');
    if (existsSync(state)) files.push({ name: state, bytes: readFileSync(state) });
    return readOpenHandsV1Folder(files);
  }
  const bytes = readFileSync(path);
  const result = readFile(sourceFile(path, bytes), format);
  if (result.format === 'claude-code') {
    const subDir = join(dirname(path), basename(path, '.jsonl'), 'subagents');
    if (existsSync(subDir) && statSync(subDir).isDirectory()) {
      const subs = readdirSync(subDir).filter((n) => n.endsWith('.jsonl')).sort();
      if (subs.length) {
        return readClaudeCodeSession([{ name: path, bytes }, ...subs.map((n) => ({ name: join(subDir, n), bytes: readFileSync(join(subDir, n)) }))]);
      }
    }
  }
  return result;
}
