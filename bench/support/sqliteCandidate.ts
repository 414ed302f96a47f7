/**
 * The SQLite candidate of the engine choice (issue 21), measured on the same archive: the view rows
 * of a built Parquet archive copied into one indexed SQLite file (integer ids, a dictionary of figure
 * keys, rows clustered by the views' keys in WITHOUT ROWID tables, page_size 4096 then VACUUM, as
 * sql.js-httpvfs advises), then read page by page over HTTP by sql.js-httpvfs in Chromium against the
 * same range host. Benchmark-only: the app does not use it.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import initSqlJs from 'sql.js';
import type { ArchiveCatalog } from '../../src/lib/archive/format';
import { documentsPath, peersPath, yoyPath } from '../../src/lib/archive/format';

async function read(dir: string, rel: string): Promise<Record<string, unknown>[]> {
  const file = await asyncBufferFromFile(path.join(dir, rel));
  return parquetReadObjects({ file });
}

export async function buildSqliteCandidate(archiveDir: string, catalog: ArchiveCatalog, out: string): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(`PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE;
    CREATE TABLE keys (key_id INTEGER PRIMARY KEY, table_key TEXT, row_code TEXT, row_name TEXT, column_key TEXT);
    CREATE TABLE documents (province TEXT, city TEXT, unit_key TEXT, year INT, doc_no INT, doc_id TEXT, unit_code TEXT, unit_name TEXT, scope TEXT, stage TEXT,
      PRIMARY KEY (province, city, unit_key, year, doc_no)) WITHOUT ROWID;
    CREATE TABLE yoy (province TEXT, city TEXT, unit_key TEXT, year INT, doc_no INT, seq INT, key_id INT, amount INT, line INT,
      PRIMARY KEY (province, city, unit_key, year, doc_no, seq)) WITHOUT ROWID;
    CREATE TABLE peers (province TEXT, city TEXT, year INT, unit_key TEXT, doc_no INT, seq INT, key_id INT, amount INT, line INT,
      PRIMARY KEY (province, city, year, unit_key, doc_no, seq)) WITHOUT ROWID;`);
  const keys = new Map<string, number>();
  const keyId = (r: Record<string, unknown>) => {
    const k = `${r.table_key}|${r.row_code}|${r.row_name}|${r.column_key}`;
    let id = keys.get(k);
    if (id === undefined) {
      keys.set(k, (id = keys.size + 1));
      db.run('INSERT INTO keys VALUES (?, ?, ?, ?, ?)', [id, r.table_key as string, r.row_code as string, r.row_name as string, r.column_key as string]);
    }
    return id;
  };
  db.exec('BEGIN');
  for (const p of catalog.provinces) {
    const docs = await read(archiveDir, documentsPath(p.key));
    const no = new Map<string, { n: number; d: Record<string, unknown> }>();
    const ins = db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    docs.forEach((d, i) => {
      no.set(String(d.doc_id), { n: i, d });
      ins.run([p.key, d.city as string, d.unit_key as string, d.year as number, i, d.doc_id as string, d.unit_code as string, d.unit_name as string, d.scope as string, d.stage as string]);
    });
    ins.free();
    for (const [rel, table] of [[yoyPath(p.key), 'yoy'], [peersPath(p.key), 'peers']] as const) {
      const stmt = db.prepare(table === 'yoy' ? 'INSERT INTO yoy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)' : 'INSERT INTO peers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of await read(archiveDir, rel)) {
        const { n, d } = no.get(String(r.doc_id))!;
        const amount = Math.round(Number(r.amount) * 1e6);
        stmt.run(table === 'yoy'
          ? [p.key, d.city as string, d.unit_key as string, d.year as number, n, r.seq as number, keyId(r), amount, r.line as number]
          : [p.key, d.city as string, d.year as number, d.unit_key as string, n, r.seq as number, keyId(r), amount, r.line as number]);
      }
      stmt.free();
    }
  }
  db.exec('COMMIT; VACUUM;');
  writeFileSync(out, db.export());
  db.close();
}

/** A folder the range host serves: sql.js-httpvfs's bundle, worker and wasm, a page, and the database. */
export function sqliteSite(dir: string, dbFile: string, httpvfsDist: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ['index.js', 'sqlite.worker.js', 'sql-wasm.wasm']) cpSync(path.join(httpvfsDist, f), path.join(dir, f));
  cpSync(dbFile, path.join(dir, 'archive.sqlite3'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><script src="index.js"></script>
<script>
window.runQueries = async (queries) => {
  const t0 = performance.now();
  const worker = await createDbWorker([{ from: 'inline', config: { serverMode: 'full', requestChunkSize: 4096, url: 'archive.sqlite3' } }],
    new URL('sqlite.worker.js', location.href).href, new URL('sql-wasm.wasm', location.href).href);
  const t1 = performance.now();
  let rows = 0;
  for (const [q, params] of queries) rows += (await worker.db.query(q, params)).length;
  const t2 = performance.now();
  return { startMs: t1 - t0, queryMs: t2 - t1, rows, bytesRead: await worker.worker.bytesRead };
};
</script>`);
}
