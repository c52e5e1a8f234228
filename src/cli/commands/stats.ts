// `replication-lens stats PATH... [--json|--csv]`: statistics per model over every run found
// under the paths (the numbers the corpus view and the report show).
import {
  buildCorpus,
  statsCsv,
  rowsCsv,
  percent,
  TABLE2_GROUP_IDS,
  MILESTONES,
  MILESTONE_LABELS,
  type Corpus,
  type GroupBy,
  type GroupStats,
  type LineageNode,
} from '../../core/corpus';
import { programsOfCommand } from '../../core/corpus/rows';
import { CATEGORIES, OBSTACLE_KINDS } from '../../core/model';
import { corpusAnnotations } from '../../node/corpus-annotations';
import { scanCorpus, type ScanResult } from '../../node/corpus-scan';
import { parseArgs, UsageError, type CliCommand } from '../command';

const HELP = `usage: replication-lens stats PATH... [--json | --csv] [--by model|format] [--rows]

Reads every trajectory file found under the PATHs (folders are walked; files are recognised
by content) and prints statistics per model: runs, verdicts and success rate (replicated
runs out of the runs that attempted), steps per run (min/median/max), commands grouped as in
the Fudan paper's Table 2, commands per taxonomy category, obstacles met and overcome, the
milestone funnel, and chains of replication. Annotation stores beside the logs
(LOG.annotations.jsonl) give each run's annotation progress, and a label
verdict:replicated|failed|not-attempted on any step overrides the run's verdict.

  --json         one JSON document (schema replication-lens/corpus-stats@1)
  --csv          one CSV line per group, then the total (with --rows: one line per run)
  --by KEY       group by model (default) or by format
  --rows         also list every run (JSON: a "rows" array; CSV: the runs table instead)

Exit status: 0 all files read, 1 some file could not be read, 2 usage error.`;

/** Scans and builds the corpus as stats and report both need it. */
export async function loadCorpus(paths: string[], by: GroupBy): Promise<{ corpus: Corpus; scan: ScanResult }> {
  const scan = await scanCorpus(paths);
  const annotations = await corpusAnnotations(scan.base, scan.runs);
  const corpus = buildCorpus(scan.runs, { groupBy: by, errors: scan.errors, programs: programsOfCommand(), annotations });
  return { corpus, scan };
}

export function groupByFlag(v: string | true | undefined): GroupBy {
  if (v === undefined) return 'model';
  if (v === 'model' || v === 'format') return v;
  throw new UsageError(`--by takes 'model' or 'format', not '${String(v)}'`);
}

export const statsCommand: CliCommand = {
  summary: 'statistics per model over many runs (Table 2 commands, categories, funnel)',
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['--by'], ['--json', '--csv', '--rows']);
    if (!positional.length) throw new UsageError('give at least one PATH (a folder or a file)');
    if (flags.has('--json') && flags.has('--csv')) throw new UsageError('--json and --csv exclude each other');
    const by = groupByFlag(flags.get('--by'));
    const { corpus, scan } = await loadCorpus(positional, by);
    const out = process.stdout;
    if (flags.has('--json')) {
      out.write(
        JSON.stringify(
          {
            ...corpus.stats,
            scan: { base: scan.base, files: scan.files, claimed: scan.claimed, unclaimed: scan.unclaimed, ms: Math.round(scan.ms) },
            lineage: corpus.lineage,
            errors: corpus.errors,
            ...(flags.has('--rows') ? { rows: corpus.rows } : {}),
          },
          null,
          2,
        ) + '\n',
      );
    } else if (flags.has('--csv')) {
      out.write(flags.has('--rows') ? rowsCsv(corpus.rows) : statsCsv(corpus.stats));
    } else {
      out.write(textReport(corpus, scan, flags.has('--rows')));
    }
    for (const e of corpus.errors) process.stderr.write(`replication-lens stats: ${e.file}: ${e.message}\n`);
    return corpus.errors.length ? 1 : 0;
  },
};

// ---- plain-text tables -------------------------------------------------------------------

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function clip(s: string, n = 32): string {
  const one = s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function lineageText(nodes: LineageNode[], depth = 0): string {
  return nodes
    .map((n) => {
      const what = [n.instructed ? 'instructed to replicate' : '', n.answered ? 'answered' : ''].filter(Boolean).join(', ');
      const run = n.run ? ` [${clip(n.run.file, 60)}#${clip(n.run.runId, 24)}]` : '';
      return `${'  '.repeat(depth)}- generation ${n.generation}: ${n.label}${run}${what ? ` (${what})` : ''}\n` + lineageText(n.children, depth + 1);
    })
    .join('');
}

function textReport(corpus: Corpus, scan: ScanResult, withRows: boolean): string {
  const { stats } = corpus;
  const all: GroupStats[] = [...stats.groups, stats.total];
  // Long names clipped alike (two tasks with the same opening) are told apart by a number.
  const clipped = new Map<GroupStats, string>();
  const uses = new Map<string, number>();
  for (const g of all) {
    const c = clip(g.group);
    const n = (uses.get(c) ?? 0) + 1;
    uses.set(c, n);
    clipped.set(g, n > 1 ? `${clip(g.group, 28)} #${n}` : c);
  }
  const name = (g: GroupStats) => clipped.get(g)!;
  let s = `${stats.total.runs} runs in ${scan.claimed} files (${scan.files} looked at, ${Math.round(scan.ms)} ms), by ${stats.groupBy}\n\n`;
  s += table(
    [stats.groupBy, 'runs', 'replicated', 'failed', 'not-attempted', 'unknown', 'success', 'steps min/med/max', 'commands'],
    all.map((g) => [
      name(g),
      g.runs,
      g.verdicts.replicated,
      g.verdicts.failed,
      g.verdicts['not-attempted'],
      g.verdicts.unknown,
      percent(g.successRate),
      `${g.steps.min}/${g.steps.median}/${g.steps.max}`,
      g.commands.total,
    ]),
  );
  s += 'success = replicated / attempted (replicated + failed); unknown runs (no commands, or cut off after a launch) are outside it.\n';
  const subs = corpus.rows.filter((r) => r.sessionMain).length;
  if (subs)
    s += `A Claude Code session counts once, as its main run judged with its sub-agents: ${subs} sub-agent run(s) (read with their session, or from their own file) listed but not counted.\n`;
  if (stats.groups.some((g) => g.key.by === 'folder' || g.key.by === 'task'))
    s += 'Runs whose log names no model are grouped by their folder, or by their task for files at the top (--json: groups[].key).\n';
  s += '\nCommands as in Table 2 (simple commands by program)\n';
  s += table(
    [stats.groupBy, ...TABLE2_GROUP_IDS, 'other', 'most used other'],
    all.map((g) => [
      name(g),
      ...TABLE2_GROUP_IDS.map((t) => g.table2[t]),
      g.otherPrograms,
      g.topOther
        .slice(0, 3)
        .map(([p, n]) => `${clip(p, 16)} ${n}`)
        .join(', '),
    ]),
  );
  s += '\nCommands per category\n';
  s += table(
    [stats.groupBy, ...CATEGORIES],
    all.map((g) => [name(g), ...CATEGORIES.map((c) => g.categories[c])]),
  );
  s += '\nObstacles met / overcome\n';
  const kinds = OBSTACLE_KINDS.filter((k) => stats.total.obstacles.byKind[k]);
  s += table(
    [stats.groupBy, 'all', ...kinds],
    all.map((g) => [name(g), `${g.obstacles.met}/${g.obstacles.overcome}`, ...kinds.map((k) => `${g.obstacles.byKind[k]?.met ?? 0}/${g.obstacles.byKind[k]?.overcome ?? 0}`)]),
  );
  s += '\nMilestones (runs that reached each one and every one before it)\n';
  s += table(
    [stats.groupBy, ...MILESTONES.map((m) => MILESTONE_LABELS[m])],
    all.map((g) => [name(g), ...MILESTONES.map((m) => g.funnel[m])]),
  );
  if (corpus.lineage.length) s += `\nChains of replication\n${lineageText(corpus.lineage)}`;
  if (withRows) {
    s += '\nRuns\n';
    s += table(
      ['file', 'run', 'model', 'steps', 'commands', 'critical', 'obstacles', 'verdict'],
      corpus.rows.map((r) => [
        clip(r.file, 48),
        clip(r.runId, 20),
        clip(r.model ?? '—', 28),
        r.steps,
        r.commands,
        r.critical,
        `${r.obstacles.met}/${r.obstacles.overcome}`,
        r.verdict,
      ]),
    );
  }
  if (corpus.errors.length) s += `\n${corpus.errors.length} file(s) could not be read (see stderr)\n`;
  return s;
}
