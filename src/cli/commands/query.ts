// `replication-lens query "SELECT ..." PATH... | --from DIR`: SQL (DuckDB) over the study
// tables of core/study/schema.ts, read from logs (analysed now) or from a Parquet export.
import { existsSync, readFileSync } from 'node:fs';
import { EXAMPLE_QUERIES } from '../../core/study/examples';
import { toCsv, toJson, toTextTable } from '../../core/study/format';
import { STUDY_SCHEMA_ID, TABLES } from '../../core/study/schema';
import { loadStudy } from '../../node/study/load';
import { openStudy, runQuery } from '../../node/study/query';
import { parseArgs, UsageError, type CliCommand } from '../command';
import { serveQueries } from './query-serve';

const HELP = `usage: replication-lens query "SQL" PATH... [--format table|csv|json]
       replication-lens query "SQL" --from DIR
       replication-lens query --example NAME PATH... | --from DIR
       replication-lens query --tables | --examples

Runs SQL (DuckDB's dialect) over the study tables: runs, milestones, steps, commands, findings,
obstacles, entities, processes, copies, port_events, checks, annotations (schema ${STUDY_SCHEMA_ID},
\`--tables\` lists every column). PATH... are logs or folders, read and analysed now; --from
reads a folder written by \`replication-lens export --format parquet -o DIR\`. Steps and commands
are numbered from 1. The query cannot read or write other files or reach the network.

  --format F      table (default), csv or json
  --from DIR      query an export instead of logs
  --file F        read the SQL from file F (- for standard input)
  --example NAME  run a named example query (--examples lists them)
  --tables        print the schema and exit
  --examples      print the example queries and exit
  --timing        print how long reading and the query took (standard error)
  --serve         read PATH... once, then answer one JSON query per line of standard input
                  (the editor's query box)

Exit status: 0 done, 1 a log could not be read or the query failed, 2 usage error.`;

function schemaText(): string {
  const out: string[] = [`schema ${STUDY_SCHEMA_ID}`, ''];
  for (const t of TABLES) {
    out.push(`${t.name}: ${t.doc}`);
    for (const c of t.columns) out.push(`  ${c.name.padEnd(22)} ${c.type.padEnd(10)} ${c.doc}`.trimEnd());
    out.push('');
  }
  return out.join('\n');
}

export const queryCommand: CliCommand = {
  summary: 'SQL (DuckDB) over the runs, steps, commands, findings... of a study',
  help: HELP,
  async run(args) {
    const { positional, flags } = parseArgs(args, ['--format', '--from', '--file', '--example'], ['--tables', '--examples', '--timing', '--serve']);
    if (flags.has('--serve')) {
      if (!positional.length) throw new UsageError('--serve needs PATH...');
      return serveQueries(positional);
    }
    if (flags.has('--tables')) {
      process.stdout.write(schemaText());
      return 0;
    }
    if (flags.has('--examples')) {
      for (const e of EXAMPLE_QUERIES) process.stdout.write(`-- ${e.name}: ${e.title}\n${e.sql.trim()}\n\n`);
      return 0;
    }
    const format = flags.get('--format') ?? 'table';
    if (format !== 'table' && format !== 'csv' && format !== 'json') throw new UsageError('--format must be table, csv or json');
    let sql: string | undefined;
    const file = flags.get('--file');
    const example = flags.get('--example');
    if (typeof file === 'string') {
      if (file !== '-' && !existsSync(file)) throw new UsageError(`--file ${file}: no such file`);
      sql = readFileSync(file === '-' ? 0 : file, 'utf8');
    } else if (typeof example === 'string') {
      const e = EXAMPLE_QUERIES.find((x) => x.name === example);
      if (!e) throw new UsageError(`no example named ${example} (known: ${EXAMPLE_QUERIES.map((x) => x.name).join(', ')})`);
      sql = e.sql;
    } else {
      sql = positional.shift();
    }
    if (!sql?.trim()) throw new UsageError('give the SQL (or --file, --example, --tables)');
    const from = flags.get('--from');
    if (typeof from === 'string' && positional.length) throw new UsageError('give either PATH... or --from DIR, not both');
    if (typeof from !== 'string' && !positional.length) throw new UsageError('give at least one PATH, or --from DIR');

    const t0 = performance.now();
    let readErrors = 0;
    let db;
    try {
      if (typeof from === 'string') {
        db = await openStudy({ dir: from });
      } else {
        const study = await loadStudy(positional);
        for (const e of study.errors) process.stderr.write(`replication-lens query: ${e.file}: ${e.message}\n`);
        readErrors = study.errors.length;
        db = await openStudy({ tables: study.tables });
      }
    } catch (e) {
      process.stderr.write(`replication-lens query: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const t1 = performance.now();
    try {
      const r = await runQuery(db, sql);
      process.stdout.write(format === 'csv' ? toCsv(r) : format === 'json' ? toJson(r) : toTextTable(r));
      if (flags.has('--timing')) process.stderr.write(`read ${(t1 - t0).toFixed(0)} ms, query ${r.ms.toFixed(0)} ms\n`);
    } catch (e) {
      process.stderr.write(`replication-lens query: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      db.close();
    }
    return readErrors ? 1 : 0;
  },
};
