// TAXONOMY v2: "the obstacle of a background process shows on the command that launched it,
// when its output is read". A command that only shows text (readers.ts) carries no obstacle
// for what it showed; when what it showed is the log of something the run started (a file a
// launch writes to, a unit it restarted, a config naming that log), the signs go to that
// launch or restart: `nohup python api.py > logs/api.log 2>&1 &` then `tail logs/api.log`
// showing `ModuleNotFoundError` is the launch's obstacle.
import type { ObstacleKind } from '../model';
import { OBSTACLE_KINDS, emptyEntities } from '../model';
import type { CommandAnalysis } from './command';
import { attributeExitShownLater } from './exit-shown-later';

/** How far back an owner is looked for: runs have tens of thousands of commands. */
const LOOK_BACK = 500;
/** `> FILE`, `>> FILE`, `tee [-a] FILE`: the files a command line writes. */
const WRITES = /(?:>>?|\btee(?:\s+-a)?)\s*['"]?([^\s'";&|<>()]+)/g;

interface Starter {
  at: number;
  a: CommandAnalysis;
}

export function attributeShownObstacles(perStep: CommandAnalysis[][]): void {
  const flat: CommandAnalysis[] = [];
  // Indexed: once per command, before the JIT has optimised it (a for-of allocates per element).
  for (let i = 0; i < perStep.length; i++) for (let j = 0; j < perStep[i].length; j++) flat.push(perStep[i][j]);
  attributeExitShownLater(flat);
  if (!flat.some((a) => a.shows)) return;
  const starters: Starter[] = [];
  const writers: { at: number; text: string; files: string[] }[] = [];
  for (let i = 0; i < flat.length; i++) {
    const a = flat[i];
    const shows = a.shows;
    if (shows) {
      const owner = ownerOf(shows.info.files.map(baseName).concat(shows.info.sources), starters, writers);
      if (owner) for (const h of shows.hits) addObstacle(owner.a, h.kind, `${flat[i].command.text.slice(0, 80)} showed: ${h.evidence}`);
    }
    const cats = a.command.categories;
    if (cats.includes('process-launch') || cats.includes('restart') || a.command.longRunning) starters.push({ at: i, a });
    const text = a.command.text;
    if (text.includes('>') || text.includes('tee')) {
      const files = [...text.matchAll(WRITES)].map((m) => baseName(m[1])).filter((f) => f && !/^&?\d*$/.test(f) && f !== 'null');
      if (files.length) writers.push({ at: i, text, files });
    }
  }
}

/** The latest starter whose command names one of the keys, or a file whose writer names one. */
function ownerOf(keys: string[], starters: Starter[], writers: { at: number; text: string; files: string[] }[]): Starter | null {
  keys = keys.filter((k) => k.length >= 2);
  if (!keys.length) return null;
  // Files written by commands that name a key (a config holding `stderr_logfile=.../agent.err.log`).
  const configs: string[] = [];
  for (let j = writers.length - 1, n = 0; j >= 0 && n < LOOK_BACK; j--, n++) {
    if (keys.some((k) => names(writers[j].text, k))) configs.push(...writers[j].files);
  }
  const all = keys.concat(configs.filter((c) => !keys.includes(c)));
  for (let j = starters.length - 1, n = 0; j >= 0 && n < LOOK_BACK; j--, n++) {
    const text = starters[j].a.command.text;
    if (all.some((k) => names(text, k))) return starters[j];
  }
  return null;
}

/** A path's last part, by either separator (`logs/api.log`, `D:\x\llama.log`). */
const baseName = (p: string) =>
  p
    .replace(/[\\/]+$/, '')
    .split(/[\\/]/)
    .pop() ?? '';

/** `text` names `key` as a whole word or file name (not inside a longer name). */
function names(text: string, key: string): boolean {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const before = text[i - 1];
    const after = text[i + key.length];
    if ((before === undefined || !/[\w.-]/.test(before)) && (after === undefined || !/[\w-]/.test(after) || (after === '.' && !/\w/.test(text[i + key.length + 1] ?? ''))))
      return true;
  }
  return false;
}

function addObstacle(a: CommandAnalysis, kind: ObstacleKind, evidence: string): void {
  const c = a.command;
  if (c.obstacles.includes(kind)) return;
  // Lists may be shared by commands of one text: replace, never push.
  const kinds = new Set<ObstacleKind>([...c.obstacles, kind]);
  c.obstacles = OBSTACLE_KINDS.filter((k) => kinds.has(k));
  c.findings = [
    ...c.findings,
    { category: `obstacle:${kind}`, evidence: evidence.slice(0, 200), rule: `obstacle-${kind}-shown-later`, span: [0, 0], spanIn: 'output', entities: emptyEntities() },
  ];
}
