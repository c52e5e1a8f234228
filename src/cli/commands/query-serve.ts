// `query --serve PATH...`: the corpus view's query box talks to this child process. The study
// is read once; then each JSON line on standard input is a query, each line out its answer
// (src/protocol/corpus.ts QueryServeRequest / QueryServeAnswer). Ends when standard input does.
import { createInterface } from 'node:readline';
import type { QueryServeAnswer, QueryServeRequest } from '../../protocol/corpus';
import { loadStudy } from '../../node/study/load';
import { openStudy, runQuery } from '../../node/study/query';

/** Rows sent back per query unless the request asks otherwise: a table a person reads, not a data set. */
const DEFAULT_LIMIT = 2000;

function send(a: QueryServeAnswer): void {
  process.stdout.write(JSON.stringify(a) + '\n');
}

export async function serveQueries(paths: string[]): Promise<number> {
  const t0 = performance.now();
  let study, db;
  try {
    study = await loadStudy(paths);
    db = await openStudy({ tables: study.tables });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  send({ type: 'ready', runs: study.runs.length, ms: performance.now() - t0, errors: study.errors });
  // One query at a time, in order: DuckDB's connection is not shared between concurrent runs.
  let chain = Promise.resolve();
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    chain = chain.then(async () => {
      let req: QueryServeRequest;
      try {
        req = JSON.parse(line) as QueryServeRequest;
        if (typeof req?.id !== 'number' || typeof req.sql !== 'string') throw new Error('a request is {"id": number, "sql": string}');
      } catch (e) {
        send({ type: 'error', id: -1, message: `bad request: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      try {
        send({ type: 'result', id: req.id, result: await runQuery(db, req.sql, req.limit ?? DEFAULT_LIMIT) });
      } catch (e) {
        send({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
  });
  await new Promise<void>((ok) => rl.on('close', ok));
  await chain;
  db.close();
  return 0;
}
