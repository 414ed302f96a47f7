/**
 * The SQL console on the command line: the same read-only engine and the same views for people as
 * the app's 「SQL 查询」 (src/lib/console), over a library exported from the app or over disclosure
 * files converted on the fly.
 *
 *   npm run sql -- LIBRARY.sqlite "SELECT …"            a library file (「下载资料库（SQLite）」)
 *   npm run sql -- FILE... "SELECT …"                   text, PDF or FORMAT CSV files, read and audited first
 *   options: --format   write FORMAT CSV (the query must keep the figures view's columns)
 *            --schema   print the views for people and their columns, then exit
 *
 * Output: the rows as CSV (UTF-8, no BOM, cells safe from spreadsheet formulas); 「共 N 行」 on stderr.
 * Exit status: 0 done; 1 the query was refused or failed; 2 a file could not be read or the arguments are wrong.
 * Nothing is ever written to the library file: it is read into memory and queried there with query_only.
 */
import Papa from 'papaparse';
import initSqlJs from 'sql.js';
import { basename } from 'node:path';
import { processIo, readInputFile, runIfMain, type Io } from './cli';
import { PEOPLE_VIEWS } from '../src/lib/console/peopleSchema';
import { resultToFormatCsv } from '../src/lib/console/resultCsv';
import { prepareConsole, runQuery } from '../src/lib/console/run';
import { LibraryDb, SnapshotError } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { neutralizeCell } from '../src/lib/model/formatCsv';
import { auditPending } from '../src/lib/worker/audits';
import { addImported } from '../src/lib/worker/imports';

const USAGE = '用法：npm run sql -- 资料库.sqlite "SELECT …"  或  npm run sql -- 文件... "SELECT …"  [--format] [--schema]';
const SQLITE_MAGIC = 'SQLite format 3\0';

function schemaText(): string {
  return PEOPLE_VIEWS.map((v) => `${v.name}（${v.title}）：${v.about}\n${v.columns.map((c) => `  ${c.name.padEnd(18)} ${c.zh}`).join('\n')}\n`).join('\n');
}

const isSqlite = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--schema')) {
    io.stdout(schemaText());
    return 0;
  }
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--format');
  const positional = argv.filter((a) => !a.startsWith('--'));
  if (unknown.length || positional.length < 2) {
    io.stderr(`${unknown.length ? `未知选项：${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const query = positional[positional.length - 1];
  const files = positional.slice(0, -1);
  const SQL = await initSqlJs();
  let lib: LibraryDb | null = null;
  let unreadable = false;
  try {
    for (const file of files) {
      const name = basename(file);
      const bytes = await readInputFile(file, io);
      if (!bytes) {
        unreadable = true;
        continue;
      }
      if (isSqlite(bytes)) {
        if (files.length > 1) {
          io.stderr(`${name}: 资料库文件（.sqlite）只能单独查询，不能与其他文件一起给出。\n`);
          return 2;
        }
        try {
          lib = LibraryDb.open(SQL, bytes);
        } catch (e) {
          io.stderr(`${name}: ${e instanceof SnapshotError ? e.message : String(e)}\n`);
          return 2;
        }
        continue;
      }
      lib ??= LibraryDb.create(SQL);
      const read = await importFile(bytes, name, { openPdf: openPdfNode });
      if (!read.ok) {
        io.stderr(`${read.error}\n`);
        unreadable = true;
        continue;
      }
      const added = addImported(lib, read, name, bytes);
      if (added.status !== 'added') io.stderr(`${name}: ${added.message}\n`);
    }
    if (!lib) {
      io.stderr('没有可查询的文件。\n');
      return 2;
    }
    // Findings are part of the people's schema: the files are audited as the app audits them on import.
    auditPending(lib);
    prepareConsole(lib.db);
    const out = runQuery(lib.db, query, Number.MAX_SAFE_INTEGER);
    if (!out.ok) {
      io.stderr(`${out.error}\n`);
      return 1;
    }
    if (argv.includes('--format')) {
      const csv = resultToFormatCsv(out.result);
      if (!csv.ok) {
        io.stderr(`${csv.error}\n`);
        return 1;
      }
      io.stdout(csv.csv);
    } else {
      const data = out.result.rows.map((r) => r.map((v) => neutralizeCell(v === null ? '' : String(v))));
      io.stdout(`${Papa.unparse({ fields: out.result.columns.map(neutralizeCell), data }, { newline: '\n' })}\n`);
    }
    io.stderr(`共 ${out.result.total} 行\n`);
    return unreadable ? 2 : 0;
  } finally {
    lib?.db.close();
  }
}

runIfMain(import.meta.url, main, 2);
