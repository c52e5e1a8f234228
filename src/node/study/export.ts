// `export --format parquet`: one folder per table, Hive-partitioned by model
// (`DIR/commands/model=Qwen2.5-72B/data_0.parquet`), which DuckDB, pandas (pyarrow), Polars and
// Spark read as a data set as is; `DIR/study.json` names the schema version and every column.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { STUDY_SCHEMA_ID, STUDY_SCHEMA_VERSION, TABLES, type StudyTables } from '../../core/study/schema';
import { attachParquet, ident, literal, loadTables, openDb, type StudyDb } from './db';

export const MANIFEST = 'study.json';

export interface StudyManifest {
  schema: string;
  version: number;
  created: string;
  partitionedBy: string[];
  tables: { name: string; doc: string; rows: number; columns: { name: string; type: string; doc: string }[] }[];
}

function manifest(tables: StudyTables): StudyManifest {
  return {
    schema: STUDY_SCHEMA_ID,
    version: STUDY_SCHEMA_VERSION,
    created: new Date().toISOString(),
    partitionedBy: ['model'],
    tables: TABLES.map((t) => ({ name: t.name, doc: t.doc, rows: tables[t.name].length, columns: t.columns })),
  };
}

/**
 * Writes the tables to `dir`. The folder must be new, empty, or an earlier export (it has a
 * study.json): anything else is refused rather than overwritten. Written beside it first and
 * swapped in, so a failure leaves the earlier export whole.
 */
export async function exportParquet(tables: StudyTables, dir: string): Promise<StudyManifest> {
  const out = path.resolve(dir);
  if (existsSync(out) && readdirSync(out).length && !existsSync(path.join(out, MANIFEST))) {
    throw new Error(`${dir} is not empty and holds no earlier export (${MANIFEST}); choose a new folder`);
  }
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const db = await openDb();
  try {
    await loadTables(db, tables);
    for (const t of TABLES) {
      if (!tables[t.name].length) continue;
      const to = path.join(tmp, t.name).replaceAll('\\', '/');
      await db.conn.run(`COPY ${ident(t.name)} TO ${literal(to)} (FORMAT parquet, PARTITION_BY (model), COMPRESSION zstd)`);
    }
    const m = manifest(tables);
    writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(m, null, 2) + '\n');
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    return m;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    db.close();
  }
}

/** Reads an export's manifest, checking it is a study export of a version this program reads. */
export function readManifest(dir: string): StudyManifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) throw new Error(`${dir}: no ${MANIFEST} (not a folder written by \`replication-lens export --format parquet\`)`);
  let m: StudyManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as StudyManifest;
  } catch (e) {
    throw new Error(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof m?.schema !== 'string' || !m.schema.startsWith('replication-lens/study@')) throw new Error(`${file}: not a study manifest`);
  if (m.version > STUDY_SCHEMA_VERSION) throw new Error(`${file}: schema version ${m.version} is newer than this program reads (${STUDY_SCHEMA_VERSION}); update replication-lens`);
  return m;
}

/** A database whose tables are views over the export in `dir`. */
export async function openExport(dir: string): Promise<StudyDb> {
  const m = readManifest(dir);
  const db = await openDb();
  try {
    await attachParquet(db, path.resolve(dir), (name) => (m.tables.find((t) => t.name === name)?.rows ?? 0) > 0);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
