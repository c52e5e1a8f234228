// `replication-lens report PATH... -o report.html`: one self-contained static HTML page with
// the runs table, the statistics per model, charts (inline SVG), the chains of replication
// and each run's timeline. No script, no network: safe to share.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderReport } from '../../core/corpus/report/html';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { groupByFlag, loadCorpus } from './stats';

const HELP = `usage: replication-lens report PATH... -o FILE.html [--by model|format] [--title TEXT]

Writes one static HTML page (no script, no network access, a Content-Security-Policy that
forbids both) with the runs found under the PATHs: the runs table, statistics per model,
charts, chains of replication and every run's timeline. '-o -' writes to standard output.

Exit status: 0 all files read, 1 some file could not be read (the report is still written,
listing them), 2 usage error.`;

export const reportCommand: CliCommand = {
  summary: 'one static HTML report of many runs (tables, charts, timelines)',
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['-o', '--output', '--by', '--title'], []);
    const out = flags.get('-o') ?? flags.get('--output');
    if (!positional.length) throw new UsageError('give at least one PATH (a folder or a file)');
    if (typeof out !== 'string' || !out) throw new UsageError('say where to write the report: -o report.html');
    const by = groupByFlag(flags.get('--by'));
    const { corpus, scan } = await loadCorpus(positional, by);
    const title = flags.get('--title');
    const html = renderReport(corpus, scan.runs, {
      title: typeof title === 'string' ? title : undefined,
      source: positional.join(', '),
      generatedAt: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
    });
    if (out === '-') process.stdout.write(html);
    else {
      try {
        writeFileSync(out, html);
      } catch (e) {
        process.stderr.write(`replication-lens report: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
      process.stderr.write(`replication-lens report: ${corpus.rows.length} run(s) from ${scan.claimed} file(s) -> ${path.resolve(out)}\n`);
    }
    for (const e of corpus.errors) process.stderr.write(`replication-lens report: ${e.file}: ${e.message}\n`);
    return corpus.errors.length ? 1 : 0;
  },
};
