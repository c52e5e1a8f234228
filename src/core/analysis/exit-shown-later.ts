// Exit statuses a run shows after the fact (TAXONOMY v2: an obstacle is the command's own
// failure, and its exit code is a sign). A terminal recording keeps no exit codes, but the shell
// tells them later: `echo $?` prints the status of the command before it, and bash's job report
// (`[1]+  Killed    llama-server -m m.gguf --port 8001`, printed by `wait` or at the next
// prompt) gives a background job's. The obstacle goes to the command that ran, not to the one
// that printed its status: `llama-server ...` then `echo $?` showing 137 is the launch's
// out-of-memory.
import type { ObstacleKind } from '../model';
import { OBSTACLE_KINDS, emptyEntities } from '../model';
import type { CommandAnalysis } from './command';
import { findObstacles } from './obstacles';

/** How much of each end of an output is read for job reports. */
const REPORT_WINDOW = 4096;
/** How far back a job report's command is looked for. */
const LOOK_BACK = 500;
/** A line that only prints the last status: `echo $?`, `echo "exit=$?"`, `printf '%d\n' $?`. */
const PRINTS_STATUS = /^\s*(echo|printf)\s+(?:'[^'$]*'\s+)?["']?[^"'$;&|]*\$\?[^;&|]*$/;
/** `cmd; echo $?` / `cmd && echo $?`: the status printed last is the line's own commands'. */
const ENDS_PRINTING_STATUS = /[;&|]\s*(echo|printf)\s+[^;&|]*\$\?[^;&|]*$/;
const WAIT = /^\s*wait\b[^;&|]*$/;
const WAIT_THEN_STATUS = /(^|[;&|]\s*)wait\b[^;&|]*[;&|]+\s*(echo|printf)\s+[^;&|]*\$\?[^;&|]*$/;
/** bash's report of a job that ended: `[2]-  Exit 127   ./serve.sh`, `[1]+  Killed   vllm serve ...`. */
const JOB_REPORT = /^\[\d+\][+-]?\s+(Killed|Exit (\d+))\s+(.+?)\s*(?:\(wd: [^)]*\))?$/gm;

export function attributeExitShownLater(flat: CommandAnalysis[]): void {
  let launched = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i].command;
    launched ||= c.categories.includes('process-launch');
    const output = c.output;
    if (!output) continue;
    // `wait` passes a job's status on: the job report below names the job it belongs to.
    const printsStatus = c.text.includes('$?');
    if (printsStatus && i > 0 && PRINTS_STATUS.test(c.text)) {
      const code = onlyStatus(output);
      const before = flat[i - 1].command;
      if (code !== null && before.exitCode === null && !WAIT.test(before.text)) addExitObstacles(flat[i - 1], code, `${c.text.trim().slice(0, 40)} printed ${code}`);
    } else if (printsStatus && c.exitCode === null && ENDS_PRINTING_STATUS.test(c.text) && !WAIT_THEN_STATUS.test(c.text)) {
      const code = onlyStatus(output.slice(output.trimEnd().lastIndexOf('\n') + 1));
      if (code !== null) addExitObstacles(flat[i], code, `the line printed its status ${code}`);
    }
    // bash prints job reports before a prompt: at the end of an output or the start of the next.
    const ends = output.length > 2 * REPORT_WINDOW ? `${output.slice(0, REPORT_WINDOW)}\n${output.slice(-REPORT_WINDOW)}` : output;
    if (launched && ends.includes('[') && (ends.includes('Killed') || ends.includes('Exit '))) {
      for (const m of ends.matchAll(JOB_REPORT)) {
        const owner = jobOwner(flat, i, m[3]);
        if (owner) addExitObstacles(owner, m[2] ? Number(m[2]) : 137, `job report: ${m[0].trim().slice(0, 120)}`);
      }
    }
  }
}

/** The one status number an output shows (`137`, `exit=137`, `llama-server exited with 137`). */
function onlyStatus(text: string): number | null {
  const nums = text.trim().match(/(?<![\w.])\d{1,3}(?![\w.])/g);
  if (!nums || nums.length !== 1) return null;
  const n = Number(nums[0]);
  return n <= 255 ? n : null;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The latest command up to `at` that ran the reported job's command line in the background. */
function jobOwner(flat: CommandAnalysis[], at: number, reported: string): CommandAnalysis | null {
  const job = norm(reported).replace(/\s*&$/, '');
  if (job.length < 2) return null;
  for (let j = at, n = 0; j >= 0 && n < LOOK_BACK; j--, n++) {
    const c = flat[j].command;
    if (!c.categories.includes('process-launch')) continue;
    const text = norm(c.text);
    if (text.includes(job)) return flat[j];
  }
  return null;
}

/** Adds the obstacles the exit code alone shows (137: out-of-memory, 127: command-not-found, 124: timeout). */
function addExitObstacles(a: CommandAnalysis, code: number, evidence: string): void {
  const c = a.command;
  const fresh = findObstacles('', code)
    .map((h) => h.kind)
    .filter((k) => !c.obstacles.includes(k));
  if (!fresh.length) return;
  // Lists may be shared by commands of one text: replace, never push.
  const kinds = new Set<ObstacleKind>([...c.obstacles, ...fresh]);
  c.obstacles = OBSTACLE_KINDS.filter((k) => kinds.has(k));
  c.findings = [
    ...c.findings,
    ...fresh.map((kind) => ({
      category: `obstacle:${kind}` as const,
      evidence: `exit code ${code} (${evidence})`.slice(0, 200),
      rule: `obstacle-${kind}-exit-shown-later`,
      span: [0, 0] as [number, number],
      spanIn: 'output' as const,
      entities: emptyEntities(),
    })),
  ];
}
