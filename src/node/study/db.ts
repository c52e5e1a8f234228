// DuckDB holding a study: the tables of core/study/schema.ts, filled by appenders, or views
// over an exported Parquet folder. DuckDB is loaded on first use only (a native library of
// some 70 MB), so the CLI's other commands neither pay for it nor need it installed.
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance, DuckDBListType } from '@duckdb/node-api';
import { TABLES, type Cell, type ColumnType, type StudyTables, type TableDef } from '../../core/study/schema';

type DuckApi = typeof import('@duckdb/node-api');
let api: DuckApi | undefined;

/** The DuckDB module, with a clear error when it is not installed beside this program. */
export async function duckdb(): Promise<DuckApi> {
  if (api) return api;
  try {
    // require, not import(): a bundle's import() is resolved as ESM, which ignores NODE_PATH (how the editor points at DuckDB).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    api = require('@duckdb/node-api') as DuckApi;
    return api;
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(
      `DuckDB (@duckdb/node-api) is not available here: ${why}. Install it beside replication-lens ` +
        '(`npm install @duckdb/node-api`) or use a platform build that ships it (README "SQL over a study").',
    );
  }
}

export interface StudyDb {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

export async function openDb(): Promise<StudyDb> {
  const { DuckDBInstance } = await duckdb();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    instance,
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an identifier for SQL. */
export const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;
/** Quotes a string literal for SQL. */
export const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export function createTableSql(t: TableDef): string {
  return `CREATE TABLE ${ident(t.name)} (${t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;
}

/** Appends one cell by its column's type; a value of the wrong type is an error naming the table and column. */
function appendCell(a: DuckDBAppender, type: ColumnType, v: Cell, list: DuckDBListType, where: () => string): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (type) {
    case 'VARCHAR':
      return a.appendVarchar(String(v));
    case 'INTEGER':
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return a.appendInteger(v);
      break;
    case 'BIGINT':
      if (typeof v === 'number' && Number.isSafeInteger(v)) return a.appendBigInt(BigInt(v));
      break;
    case 'DOUBLE':
      if (typeof v === 'number') return a.appendDouble(v);
      break;
    case 'BOOLEAN':
      if (typeof v === 'boolean') return a.appendBoolean(v);
      break;
    case 'VARCHAR[]':
      if (Array.isArray(v)) return a.appendList(v.map(String), list);
      break;
  }
  throw new Error(`study table ${where()}: ${JSON.stringify(v)} is not a ${type}`);
}

/** Creates every table and fills it with `tables`' rows. */
export async function loadTables(db: StudyDb, tables: StudyTables): Promise<void> {
  const { LIST, VARCHAR } = await duckdb();
  const list = LIST(VARCHAR);
  for (const t of TABLES) {
    await db.conn.run(createTableSql(t));
    const rows = tables[t.name];
    if (!rows.length) continue;
    const a = await db.conn.createAppender(t.name);
    const types = t.columns.map((c) => c.type);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.length !== types.length) throw new Error(`study table ${t.name}: row ${r + 1} has ${row.length} cells, the schema ${types.length}`);
      for (let i = 0; i < types.length; i++) appendCell(a, types[i], row[i], list, () => `${t.name}.${t.columns[i].name} (row ${r + 1})`);
      a.endRow();
    }
    a.closeSync();
  }
}

/** Views named like the tables over an exported folder (`DIR/TABLE/**.parquet`, hive-partitioned). */
export async function attachParquet(db: StudyDb, dir: string, present: (table: string) => boolean): Promise<void> {
  for (const t of TABLES) {
    if (present(t.name)) {
      const glob = `${dir.replaceAll('\\', '/')}/${t.name}/**/*.parquet`;
      // The partition column comes back last and typed by guess: put the schema's order and types back.
      const cols = t.columns.map((c) => `${ident(c.name)}::${c.type} AS ${ident(c.name)}`).join(', ');
      await db.conn.run(
        `CREATE VIEW ${ident(t.name)} AS SELECT ${cols} FROM read_parquet(${literal(glob)}, ` + `hive_partitioning = true, hive_types = {'model': VARCHAR}, union_by_name = true)`,
      );
    } else {
      // A table with no rows was written as no file: an empty table of the same shape.
      await db.conn.run(createTableSql(t));
    }
  }
}
