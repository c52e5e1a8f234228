// The world model (world.ts) walks the parse of launches, copies, `cd`, file writes and Windows
// service definitions. The
// analysis (command.ts) has just parsed every distinct text once, so it keeps the parses of those
// texts for the world instead of the world parsing each of them a second time.
import type { Category } from '../model';
import { parseShell } from '../shell/parser';
import type { ShellParse } from '../shell/types';
import { SERVICE_WORDS } from './world-services';

/** As many parses as the analysis keeps readings (command.ts READING_LIMIT). */
const LIMIT = 20_000;
const kept = new Map<string, ShellParse>();

/** Whether the world model reads this command's parse. */
export function worldNeedsParse(text: string, cats: readonly Category[]): boolean {
  if (cats.includes('process-launch') || cats.includes('file-copy') || cats.includes('remote-transfer')) return true;
  let writes = writesOrMoves.get(text);
  if (writes === undefined) {
    // Asked per command by the analysis and again by the world: answered once per text.
    writes =
      text.includes('<<') ||
      (/\b(echo|printf|tee)\b/.test(text) && text.includes('>')) ||
      /(^|[\s;&|(])(cd|pushd)\s/.test(text) ||
      SERVICE_WORDS.test(text) ||
      // A workload's manifest written to a file, to be applied renamed (world-launch.ts CLONED_WORKLOAD).
      (text.includes('>') && MANIFEST_SAVED.test(text)) ||
      // A network share mounted (world-mounts.ts).
      /\b(?:u?mount(?:\.\w+)?|sshfs|fusermount)\s/.test(text) ||
      // A repository pushed or cloned, a remote named, weights added (world-git.ts).
      (text.includes('git') && GIT_MOVE.test(text));
    if (writesOrMoves.size >= LIMIT) writesOrMoves.clear();
    writesOrMoves.set(text, writes);
  }
  return writes;
}

/** A repository pushed or cloned, a remote named, weights added to one (`git add` of anything else moves nothing). */
const GIT_MOVE =
  /\bgit\b[^\n;&|]*?\s(?:push|clone|remote\s+add|lfs\s+track)\s|\bgit\s+add\b[^\n;&|]*(?:\.(?:safetensors|gguf|bin|pt|pth|ckpt|onnx|llamafile)\b|\b(?:weights|models?|checkpoints?)\b)/;
const MANIFEST_SAVED = /\b(?:kubectl|oc)\b[^\n]*?\bget\b[^\n]*?-o\s*(?:yaml|json)\b[^\n]*>/;

/** Per text: does it write a file (heredoc, echo/printf/tee into one), change directory, mount a share, push or clone a repository, or define or start a Windows service (world-services.ts)? */
const writesOrMoves = new Map<string, boolean>();

export function keepParse(text: string, parse: ShellParse): void {
  if (kept.size >= LIMIT) kept.clear();
  kept.set(text, parse);
}

/** The parse the analysis kept for this text, else a fresh (cached) one. */
export function sharedParse(text: string): ShellParse {
  return kept.get(text) ?? parseShell(text);
}

export function forgetParses(): void {
  kept.clear();
  writesOrMoves.clear();
}
