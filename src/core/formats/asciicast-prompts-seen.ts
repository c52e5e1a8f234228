// What the prompts a recording showed tell once it has been read: which line above a short
// prompt belongs to it (two-line prompts), and the exit status a prompt shows for the command
// before it.
import { promptShape, promptStatus } from './asciicast-prompt';
import type { Running } from './asciicast-session';

/** A prompt the shell showed, and what it tells about the command before it. */
export interface PromptSeen {
  text: string;
  shape: string;
  /** The command it ended, if one ran. */
  closed: Running | null;
  first: boolean;
  /** The two lines finished just before it (a two-line prompt's first line is the last). */
  pre: string | undefined;
  prePrev: string | undefined;
  /** Output before the prompt on its own line was added to `closed`'s output. */
  lead: boolean;
}

/**
 * Two-line prompts (kali's `┌──(user㉿host)-[dir]`, starship's info line above `❯`): the line
 * above a short prompt is part of it when it is there at every prompt and is drawn alike each
 * time (same shape, or after a blank line, or the box-drawing pair). It is then not output.
 */
export function dropPromptInfoLines(prompts: PromptSeen[]): void {
  const byShape = new Map<string, PromptSeen[]>();
  for (const p of prompts) {
    if (!p.closed && !p.first) continue;
    if (/w/.test(p.shape) || p.shape.length > 6) continue;
    const list = byShape.get(p.shape) ?? [];
    list.push(p);
    byShape.set(p.shape, list);
  }
  for (const [shape, list] of byShape) {
    if (!list.every((p) => p.pre?.trim())) continue;
    const box = /^[└╰┗]/u.test(shape) && list.every((p) => /^[┌╭┏]/u.test(p.pre!));
    const shapes = new Set(list.map((p) => promptShape(p.pre!)));
    const alike = list.length >= 2 && shapes.size === 1 && /[^\sw]/.test([...shapes][0]);
    const afterBlank = list.length >= 2 && list.every((p) => p.prePrev !== undefined && !p.prePrev.trim());
    if (!box && !alike && !afterBlank) continue;
    for (const p of list) {
      const lines = p.closed?.lines;
      if (!lines?.length) continue;
      lines.pop();
      if (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    }
  }
}

/** Prompts that show the last exit status (`[1] user@host:~$ `) give each command its own. */
export function statusFromPrompts(prompts: PromptSeen[]): void {
  const byShape = new Map<string, { p: PromptSeen; status: number | null }[]>();
  for (const p of prompts) {
    const list = byShape.get(p.shape) ?? [];
    list.push({ p, status: promptStatus(p.text) });
    byShape.set(p.shape, list);
  }
  for (const list of byShape.values()) {
    if (list.length < 2 || list.some((x) => x.status === null) || !list.some((x) => x.status === 0)) continue;
    for (const { p, status } of list) if (p.closed && p.closed.cmd.exitCode === null) p.closed.cmd.exitCode = status;
  }
}
