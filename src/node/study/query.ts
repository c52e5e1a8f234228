// Runs a researcher's SQL over a study. The database is shut off from the file system, the
// network and extension installs before the query runs (only an export's own folder stays
// readable), and the setting is locked: a query saved in a shared workspace can read the study,
// never write a file or fetch anything.
import type { StudyTables } from '../../core/study/schema';
import type { QueryResult, QueryValue } from '../../core/study/format';
import { literal, loadTables, openDb, type StudyDb } from './db';
import { openExport } from './export';

export type StudySource = { tables: StudyTables } | { dir: string };

export async function openStudy(src: StudySource): Promise<StudyDb> {
  if ('dir' in src) {
    const db = await openExport(src.dir);
    await lockDown(db, [src.dir]);
    return db;
  }
  const db = await openDb();
  try {
    await loadTables(db, src.tables);
    await lockDown(db, []);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

async function lockDown(db: StudyDb, readable: string[]): Promise<void> {
  if (readable.length) {
    const path = await import('node:path');
    await db.conn.run(`SET allowed_directories = [${readable.map((d) => literal(path.resolve(d))).join(', ')}]`);
  }
  await db.conn.run('SET enable_external_access = false');
  await db.conn.run('SET lock_configuration = true');
}

/** Plain JSON for a DuckDB value: BIGINTs as numbers (as text past 2^53), times as ISO strings. */
export function plainValue(v: unknown): QueryValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (Array.isArray(v)) return v.map(plainValue);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  return String(v);
}

/** Runs one statement (or several: the last one's result is returned). `limit` caps the rows kept. */
export async function runQuery(db: StudyDb, sql: string, limit = Infinity): Promise<QueryResult> {
  const t = performance.now();
  const reader = await db.conn.runAndReadAll(sql);
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((x) => x.toString());
  const all = reader.getRowsJS();
  const rows = all.slice(0, Math.min(all.length, limit)).map((r) => r.map(plainValue));
  return { columns, types, rows, total: all.length, ms: performance.now() - t };
}
