/**
 * 执行 and 变化最大 (issue 19) on synthetic libraries: N documents, half 部门预算 read through the
 * importer (so their narratives, where reasons are looked up, are real), half their paired 决算
 * (src/lib/synth/final.ts, stored as their figures). Times include structuredClone of the result,
 * which is what postMessage costs the worker. Goals: ranking of the whole library in one year
 * ≤ 200 ms at 5,000 documents; the execution view of one unit-year ≤ 50 ms.
 *
 *   npx tsx bench/story.bench.ts [--runs 7] [--sizes 1000,5000] [--record]
 */
import initSqlJs from 'sql.js';
import { executionQuery } from '../src/lib/compare/execution';
import { executionPeersQuery } from '../src/lib/compare/executionPeers';
import { rankingQuery } from '../src/lib/compare/ranking';
import { loadUnits } from '../src/lib/compare/units';
import { LibraryDb } from '../src/lib/db/library';
import { readDisclosureText } from '../src/lib/ingest';
import type { Figure, StoredDocument } from '../src/lib/model/document';
import type { TableKey } from '../src/lib/model/keys';
import { budgetsWithFinals, finalFigures, renderDocument } from '../src/lib/synth';
import { arg, cpuMs, fmt, machine, timeMs } from './support/measure';
import { record, report, Table } from './support/report';

const runs = Number(arg('--runs', '7'));
const sizes = arg('--sizes', '1000,5000').split(',').map(Number);
const YEARS = 5;

const SQL = await initSqlJs();
const table = new Table('执行 and 变化最大 (src/lib/compare; ms, median, result structuredClone\'d)', ['documents', 'figures', 'ranking, whole library, one year: wall (CPU)', 'ranking, one unit', 'execution, one unit-year: wall (CPU)', '横比 of execution, one year', 'goals (wall is what a user waits on a quiet machine; CPU also counts V8\'s parallel GC threads)']);
console.log(`median of ${runs} runs after a warm-up, ms — ${machine()}`);
for (const n of sizes) {
  const lib = LibraryDb.create(SQL);
  let year = 0;
  let unitCode = '';
  const pairs = [...budgetsWithFinals({ units: n / 2 / YEARS, years: YEARS, seed: 19 })];
  for (const [i, { budget, final }] of pairs.entries()) {
    const r = renderDocument(budget);
    const read = readDisclosureText(r.text, r.fileName);
    if (!read.ok) throw new Error(read.error);
    const figures: Figure[] = finalFigures(final).map((f, k) => ({ table: f.table as TableKey, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, source: { line: k + 1 } }));
    const fin: StoredDocument = { docId: `final${i}`, fileName: `final${i}.txt`, meta: { ...read.docs[0].meta, stage: 'final' }, figures, tables: [], projects: [], warnings: [] };
    lib.addDocuments([...read.docs.map((d) => ({ ...d, docId: `budget${i}`, fileName: r.fileName })), fin], 'text', `h${i}`);
    // The latest year (every unit has the year before it) of a unit in the middle of the library.
    if (final.year >= year && (!unitCode || i <= pairs.length / 2)) {
      year = final.year;
      unitCode = final.unitCode;
    }
  }
  const figures = Number(lib.db.exec('SELECT count(*) FROM figure')[0].values[0][0]);
  const unit = loadUnits(lib.compare).groups.find((g) => g.code === unitCode)!;
  const clone = (fn: () => unknown) => () => structuredClone(fn());
  const whole = timeMs(clone(() => rankingQuery(lib.compare, { year })), runs);
  // The machine is shared: CPU time (this process) is what other work moves least.
  const wholeCpu = cpuMs(clone(() => rankingQuery(lib.compare, { year })), runs);
  const execCpu = cpuMs(clone(() => executionQuery(lib.compare, unit.key, year)), runs);
  const one = timeMs(clone(() => rankingQuery(lib.compare, { year, unitKey: unit.key })), runs);
  const exec = timeMs(clone(() => executionQuery(lib.compare, unit.key, year)), runs);
  const peers = timeMs(clone(() => executionPeersQuery(lib.compare, year)), runs);
  table.add(n, figures, `${fmt.ms(whole)} (${fmt.ms(wholeCpu)})`, fmt.ms(one), `${fmt.ms(exec)} (${fmt.ms(execCpu)})`, fmt.ms(peers), `ranking ≤ 200 ms: wall ${whole <= 200 ? 'yes' : '**no**'}, CPU ${wholeCpu <= 200 ? 'yes' : '**no**'}; execution ≤ 50 ms: ${execCpu <= 50 ? 'yes' : '**no**'}`);
  lib.close();
}
if (process.argv.includes('--record')) record(report('执行 and 变化最大', machine(), [table], []));
