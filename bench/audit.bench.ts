/**
 * Audit benchmark: the ten checks on all seeds audited together, and on a library of 1,000
 * documents (copies of the seeds, each copy a distinct unit so departments keep only their own
 * units), in memory and through the database as the worker does it. Prints medians; not a test.
 *
 *   npx tsx bench/audit.bench.ts [--runs 7]
 */
import initSqlJs from 'sql.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditDocuments } from '../src/lib/audit/audit';
import { LibraryDb } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import type { StoredDocument } from '../src/lib/model/document';
import { seedsDir } from '../scripts/paths';
import { auditPending, storedAudits } from '../src/lib/worker/audits';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => void, n = runs): number {
  fn(); // warm-up: the first runs measure the JIT, not the checks
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const seeds: StoredDocument[] = [];
const files: { name: string; bytes: Uint8Array }[] = [];
for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  const bytes = new Uint8Array(readFileSync(path.join(seedsDir, name)));
  files.push({ name, bytes });
  const read = await importFile(bytes, name);
  if (!read.ok) throw new Error(read.error);
  seeds.push(...read.docs);
}

/** n documents: copy k of a seed gets doc id `${id}~k` and unit code `9k${code}` (203 → 9k203, 203001 → 9k203001). */
function library(n: number): StoredDocument[] {
  return Array.from({ length: n }, (_, i) => {
    const s = seeds[i % seeds.length];
    const k = Math.floor(i / seeds.length);
    return { ...s, docId: `${s.docId}~${k}`, meta: { ...s.meta, unitCode: `9${k}${s.meta.unitCode}`, unitName: `${s.meta.unitName}#${k}` } };
  });
}

const findings = auditDocuments(seeds).reduce((n, a) => n + a.findings.length, 0);
console.log(`seeds: ${seeds.length} documents, ${findings} findings`);
console.log(`  audit all seeds together: ${time(() => auditDocuments(seeds)).toFixed(1)} ms (median of ${runs})`);

const big = library(1000);
console.log(`library: ${big.length} documents, ${big.reduce((n, d) => n + d.figures.length, 0)} figures`);
console.log(`  audit all together (pure): ${time(() => auditDocuments(big), Math.min(runs, 5)).toFixed(0)} ms`);

const SQL = await initSqlJs();
const db = LibraryDb.create(SQL);
for (const d of big) db.addDocuments([d], 'text', d.docId);
let t = performance.now();
const audited = auditPending(db).length;
console.log(`  database: first audit of every document (load, audit, store): ${(performance.now() - t).toFixed(0)} ms for ${audited} documents`);
const extra = (await importFile(files[4].bytes, files[4].name)) as Extract<Awaited<ReturnType<typeof importFile>>, { ok: true }>;
const arrivals: number[] = [];
for (let i = 0; i < runs; i++) {
  const copies = extra.docs.map((d) => ({ ...d, docId: `${d.docId}+${i}`, meta: { ...d.meta, unitCode: `8${i}${d.meta.unitCode}` } }));
  db.addDocuments(copies, 'text', `bench-${i}`);
  t = performance.now();
  auditPending(db);
  arrivals.push(performance.now() - t);
}
console.log(`  database: audit on import of a file (department + unit, seed 004) into the 1,000: ${median(arrivals).toFixed(1)} ms`);
t = performance.now();
storedAudits(db, null, false);
console.log(`  database: library summary (checks of every document): ${(performance.now() - t).toFixed(0)} ms`);
db.close();
