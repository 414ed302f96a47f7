/**
 * The scaling curve of issue 17: CPU per imported file (the worker's path: importFile →
 * addImported → auditPending, and the document list the page then asks for) at library sizes 0, 1,000 and 5,000. Flat is the goal: a file's cost
 * should not grow with the library it joins.
 *
 *   npx tsx bench/scale.bench.ts [--sizes 0,1000,5000] [--files 7] [--seed 1] [--cache DIR]
 *
 * Each library is built by adding the synthetic files and auditing once (not timed); --cache keeps
 * the built libraries as SQLite files in DIR and reopens them on the next run (they depend only on
 * the seed and the size, and on the schema, which LibraryDb.open migrates).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { LibraryDb } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import { auditPending } from '../src/lib/worker/audits';
import { syntheticFiles } from './support/corpus';
import { arg, fmt, machine } from './support/measure';
import { perFileCpu } from './support/perFile';
import { report, Table } from './support/report';

const sizes = arg('--sizes', '0,1000,5000').split(',').map(Number);
const perSize = Number(arg('--files', '9'));
const seed = Number(arg('--seed', '1'));
const cache = arg('--cache', '');
const machineLine = machine();
console.log(`machine: ${machineLine}`);

const SQL = await initSqlJs();
const files = syntheticFiles(Math.max(...sizes) + perSize, seed);
const table = new Table('CPU per imported file by library size (ms, median; each file imported then removed)', ['library', 'read (importFile)', 'store (addImported)', 'audit (auditPending)', 'list (changes + patch)', 'total CPU']);

async function build(n: number): Promise<LibraryDb> {
  const path = cache && `${cache}/scale-seed${seed}-${n}.sqlite`;
  if (path && existsSync(path)) return LibraryDb.open(SQL, readFileSync(path));
  const lib = LibraryDb.create(SQL);
  for (let at = 0; at < n; at += 100) {
    const reads: Extract<Awaited<ReturnType<typeof importFile>>, { ok: true }>[] = [];
    for (const f of files.slice(at, Math.min(n, at + 100))) {
      const r = await importFile(f.bytes, f.name);
      if (!r.ok) throw new Error(r.error);
      reads.push(r);
    }
    lib.transaction(() => { for (const r of reads) lib.addDocuments(r.docs, r.kind, r.contentHash, r.text); });
  }
  auditPending(lib);
  if (path) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(path, lib.export());
  }
  return lib;
}

// The JIT warmed up first, on files that are in none of the libraries: the first few hundred
// parses of a process run several times slower, which a cold first row would show as the library's size.
const warm = LibraryDb.create(SQL);
await perFileCpu(warm, syntheticFiles(Math.max(...sizes) + perSize + 60, seed).slice(-60));
warm.close();

for (const n of sizes) {
  const t = performance.now();
  const lib = await build(n);
  console.log(`library of ${n} ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // One untimed file first: this library's first audit looks through it in full (auditPending).
  await perFileCpu(lib, files.slice(n, n + 1));
  const c = await perFileCpu(lib, files.slice(n, n + perSize));
  table.add(n.toLocaleString('en-US'), fmt.ms(c.read), fmt.ms(c.store), fmt.ms(c.audit), fmt.ms(c.list), fmt.ms(c.total));
  lib.close();
}
console.log(`\n${report(`npx tsx bench/scale.bench.ts --sizes ${sizes.join(',')}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, machineLine, [table], [])}`);
