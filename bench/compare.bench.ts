/**
 * Comparison benchmark: the 同比 and 横比 queries on synthetic libraries of 100, 1,000 and 5,000
 * documents (copies of the seed documents with varied figures, 5 years per unit, 10 units per
 * department). Times include structuredClone of the result, which is what postMessage costs the
 * worker. The unit list is cached until the library changes (units.ts); its uncached cost is shown
 * in its own column, and is paid once after each change. Prints medians; never run by the tests.
 *
 *   npx tsx bench/compare.bench.ts [--runs 9] [--sizes 100,1000,5000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { readAllDocuments } from '../src/lib/db/compareDocuments';
import { LibraryDb } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import type { StoredDocument } from '../src/lib/model/document';
import { loadUnits } from '../src/lib/compare/units';
import { yoyQuery } from '../src/lib/compare/yoy';
import { peersQuery } from '../src/lib/compare/peers';
import { seedsDir as sharedSeeds } from '../scripts/paths';

const arg = (name: string, def: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const runs = Number(arg('--runs', '9'));
const sizes = arg('--sizes', '100,1000,5000').split(',').map(Number);
const YEARS = [2020, 2021, 2022, 2023, 2024];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const seedsDir = sharedSeeds;
const seeds: StoredDocument[] = [];
for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, name))), name);
  if (!read.ok) throw new Error(read.error);
  seeds.push(...read.docs);
}

const codeOf = (u: number) => `${100 + Math.floor(u / 10)}${String(u % 10).padStart(3, '0')}`;

/** Document i: unit i / 5, year i % 5, the seed's figures scaled by a factor between 0.9 and 1.1. */
function synthetic(i: number): StoredDocument {
  const u = Math.floor(i / YEARS.length);
  const base = seeds[u % seeds.length];
  const factor = 0.9 + ((i * 7919) % 200) / 1000;
  const code = codeOf(u);
  return {
    ...base,
    docId: `syn${i}`,
    fileName: `syn${i}.txt`,
    meta: { ...base.meta, unitCode: code, unitName: `单位${code}`, year: YEARS[i % YEARS.length], scope: 'department', stage: 'budget' },
    figures: base.figures.map((f) => ({ ...f, amount: Math.round(f.amount * factor) })),
  };
}

/** Median and minimum: on a shared machine the minimum shows the cost without others' load. */
function time(fn: () => unknown): string {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    structuredClone(fn());
    times.push(performance.now() - t0);
  }
  return `${median(times).toFixed(1)} (${Math.min(...times).toFixed(1)})`.padStart(13);
}

const SQL = await initSqlJs();
console.log(`median (minimum) of ${runs} runs, ms (Node ${process.version}, sql.js in-process; includes structuredClone of the result)`);
console.log('docs  | figures  | units (uncached) | 同比 one unit | 横比 department | 横比 latest department | 横比 all units of a year');
for (const n of sizes) {
  const lib = LibraryDb.create(SQL);
  for (let i = 0; i < n; i += 200) {
    lib.addDocuments(Array.from({ length: Math.min(200, n - i) }, (_, j) => synthetic(i + j)), 'text', `syn-batch-${i}`);
  }
  const figures = Number(lib.db.exec('SELECT count(*) FROM figure')[0].values[0][0]);
  // The unit measured is a copy of the largest seed document (seed 004's 部门 part, the fifth
  // document read), in the middle of the library, so every size measures the same work.
  const nUnits = n / YEARS.length;
  let u = Math.floor(nUnits / 2);
  while (u > 0 && u % seeds.length !== 4) u--;
  const unit = loadUnits(lib.compare).byKey.get(`code:${codeOf(u)}`)!;
  const dep = unit.code.slice(0, 3);
  const cols = [
    // Uncached: the documents read from SQL as well (db/compareDocuments.ts keeps them per connection).
    time(() => loadUnits({ ...lib.compare, documents: () => readAllDocuments(lib.db) }, { fresh: true }).groups),
    time(() => yoyQuery(lib.compare, unit.key)),
    time(() => peersQuery(lib.compare, { year: 2023, stage: 'budget', scope: 'department', selection: { kind: 'department', code: dep } })),
    time(() => peersQuery(lib.compare, { year: 'latest', stage: 'budget', scope: 'department', selection: { kind: 'department', code: dep } })),
    time(() => peersQuery(lib.compare, { year: 2023, stage: 'budget', scope: 'department', selection: { kind: 'all' } })),
  ];
  console.log(`${String(n).padEnd(5)} | ${String(figures).padEnd(8)} | ${cols.join(' | ')}`);
  lib.close();
}
