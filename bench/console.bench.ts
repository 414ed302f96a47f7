/**
 * The SQL console's benchmark (issue 22): what opening the console and running its examples cost on
 * synthetic libraries. Opening = exporting the library (the database worker's exportSqlite), opening
 * the copy and adding the views for people (the console worker). Each example and a full count of
 * `figures` are timed through runQuery, as the console worker runs them. Medians (minimum) of runs.
 *
 *   npx tsx bench/console.bench.ts [--runs 5] [--sizes 100,1000]
 */
import initSqlJs from 'sql.js';
import { EXAMPLES } from '../src/lib/console/examples';
import { prepareConsole, runQuery } from '../src/lib/console/run';
import { LibraryDb } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import { corpus, renderDocument } from '../src/lib/synth';
import { auditPending } from '../src/lib/worker/audits';
import { addImported } from '../src/lib/worker/imports';

const arg = (name: string, def: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const runs = Number(arg('--runs', '5'));
const sizes = arg('--sizes', '100,1000').split(',').map(Number);
const YEARS = 5;

function time(fn: () => void): string {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(runs / 2)].toFixed(0)} (${times[0].toFixed(0)}) ms`;
}

const SQL = await initSqlJs();
console.log(`median (minimum) of ${runs} runs; Node ${process.version}, sql.js in-process; load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
for (const n of sizes) {
  const lib = LibraryDb.create(SQL);
  for (const doc of corpus({ units: n / YEARS, years: YEARS, seed: 1 })) {
    const r = renderDocument(doc);
    const bytes = new TextEncoder().encode(r.text);
    const read = await importFile(bytes, r.fileName);
    if (read.ok) addImported(lib, read, r.fileName, bytes);
  }
  auditPending(lib);
  const bytes = lib.export();
  console.log(`\n${n} documents, library file ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  console.log(`  open the console (export, copy, views): ${time(() => {
    const copy = new SQL.Database(lib.export());
    prepareConsole(copy);
    copy.close();
  })}`);
  const copy = new SQL.Database(bytes);
  prepareConsole(copy);
  for (const q of [...EXAMPLES.map((e) => ({ title: e.title, sql: e.sql })), { title: 'SELECT * FROM figures（全部计数）', sql: 'SELECT * FROM figures' }]) {
    let total = 0;
    const t = time(() => {
      const out = runQuery(copy, q.sql, 1000);
      if (!out.ok) throw new Error(out.error);
      total = out.result.total;
    });
    console.log(`  ${q.title}: ${t}, ${total} rows`);
  }
  copy.close();
  lib.close();
}
