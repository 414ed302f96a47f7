/**
 * npm run bench:archive -- --archive DIR [--latency 50] [--runs 3] [--sqlite] [--record]
 * npm run bench:archive -- --docs 10000 [--seed 1] [--finals] …   (builds the archive first, into a temp folder;
 *   --finals gives each unit-year its 决算 too, half the documents, for the 执行 view)
 *
 * Issue 21's goals, cold, over a CDN-like range host with added latency per request: 同比 of one
 * unit over its years, 横比 of a city's departments for one year, the change ranking of a province
 * for one year, 执行 (预算 vs 决算) of one unit-year where the archive holds 决算, one document brought into the library; opening the archive (catalog + search
 * index); bytes and requests per view; archive size by kind of file; the engine's code size (gzip,
 * from dist/). With --sqlite, the same views read from the same rows in an indexed SQLite file by
 * sql.js-httpvfs in Chromium (the engine not chosen), for the comparison in src/lib/archive/README.md.
 * Times are medians of --runs; each run opens the archive afresh, so nothing is cached.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import { buildArchive } from '../scripts/archive/build';
import { Archive, type ArchiveUnit } from '../src/lib/archive/archive';
import type { ArchiveCatalog } from '../src/lib/archive/format';
import { nationalCorpus } from '../src/lib/synth/national';
import { RangeHost } from '../test/browser/support/rangeHost';
import { arg, machine, median, peakRssMiB } from './support/measure';
import { record, report, Table } from './support/report';
import { measureSqlite } from './support/sqliteRun';

const latency = Number(arg('--latency', '50'));
const runs = Number(arg('--runs', '3'));
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
/** The 1-minute load average, printed beside each time: the machine is shared (2 cores). */
const load = () => loadavg()[0].toFixed(2);

async function archiveDir(): Promise<{ dir: string; temp: boolean; buildNote: string | null }> {
  const given = arg('--archive', '');
  if (given) return { dir: given, temp: false, buildNote: null };
  const docs = Number(arg('--docs', '10000'));
  const dir = mkdtempSync(path.join(tmpdir(), `bl-archive-${docs}-`));
  const t = performance.now();
  const c = process.cpuUsage();
  await buildArchive(nationalCorpus({ documents: docs, seed: Number(arg('--seed', '1')), finals: process.argv.includes('--finals') }), { outDir: dir, id: 'bench', title: 'bench' });
  const u = process.cpuUsage(c);
  return { dir, temp: true, buildNote: `build of ${docs} documents: ${((performance.now() - t) / 1000).toFixed(0)} s wall, ${((u.user + u.system) / 1e6).toFixed(0)} s CPU, peak RSS ${peakRssMiB().toFixed(0)} MiB (whole process, before any view), load average at the end ${load()}` };
}

function sizes(catalog: ArchiveCatalog): Table {
  const t = new Table('Archive size by file kind', ['files', 'count', 'MB', 'bytes per document', 'largest footer KB']);
  const kinds = new Map<string, { n: number; bytes: number; footer: number }>();
  for (const f of catalog.files) {
    const k = f.path.split(/[/.]/)[0];
    const e = kinds.get(k) ?? { n: 0, bytes: 0, footer: 0 };
    e.n++;
    e.bytes += f.bytes;
    e.footer = Math.max(e.footer, f.footer);
    kinds.set(k, e);
  }
  let total = 0;
  for (const [k, e] of kinds) {
    total += e.bytes;
    t.add(k, e.n, (e.bytes / 1e6).toFixed(1), (e.bytes / catalog.documents).toFixed(0), (e.footer / 1024).toFixed(1));
  }
  t.add('all', catalog.files.length, (total / 1e6).toFixed(1), (total / catalog.documents).toFixed(0), '');
  return t;
}

/** gzip sizes of the archive's chunks in dist/ (the worker with hyparquet and sql.js's glue; the view). */
function codeSize(): Table {
  const t = new Table('Code loaded on first use of an archive (dist/, gzip -9)', ['chunk', 'raw KB', 'gzip KB']);
  const assets = path.resolve(import.meta.dirname, '..', 'dist', 'assets');
  if (!existsSync(assets)) {
    t.add('dist/ missing: run `npx vite build` first', '', '');
    return t;
  }
  for (const f of readdirSync(assets).filter((f) => /^(archiveWorker|Archive)[-.\w]*\.js$/.test(f))) {
    const b = readFileSync(path.join(assets, f));
    t.add(f, (b.length / 1024).toFixed(1), (gzipSync(b, { level: 9 }).length / 1024).toFixed(1));
  }
  return t;
}

interface Case {
  name: string;
  goal: string;
  run: (a: Archive) => Promise<unknown>;
}

async function main(): Promise<void> {
  const { dir, temp, buildNote } = await archiveDir();
  const catalog = JSON.parse(readFileSync(path.join(dir, 'archive.json'), 'utf8')) as ArchiveCatalog;
  const host = new RangeHost(dir, { latencyMs: latency });
  await host.start();
  const SQL = await initSqlJs();
  const tables: Table[] = [sizes(catalog), codeSize()];
  try {
    const t0 = performance.now();
    const first = await Archive.open(host.url, SQL);
    const t1 = performance.now();
    host.resetCounters();
    const units = await first.units();
    const t2 = performance.now();
    const open = new Table(`Opening (catalog + search index of ${units.length} units), ${latency} ms per request`, ['what', 'ms', 'bytes', 'requests', 'load (1 min)']);
    open.add('archive.json', (t1 - t0).toFixed(0), kb(readFileSync(path.join(dir, 'archive.json')).length), 1, load());
    open.add('units.parquet (whole, first search)', (t2 - t1).toFixed(0), kb(host.bytes), host.requests, load());
    tables.push(open);

    const last = catalog.years[catalog.years.length - 1];
    const longest = Math.max(...units.map((u) => u.years.length));
    const yoyUnits = units.filter((u) => u.years.length === longest).filter((_, i, a) => i % Math.max(1, Math.floor(a.length / 5)) === 0).slice(0, 5);
    const cities = catalog.provinces.flatMap((p) => p.cities.map((c) => ({ p, c }))).filter(({ c }) => c.peers[String(last)]).sort((a, b) => b.c.units - a.c.units).slice(0, 3);
    const provinces = [...catalog.provinces].sort((a, b) => b.documents - a.documents).slice(0, 3);
    const docUnit = units[Math.floor(units.length / 2)];
    // 执行 where the archive holds 决算: the last year with both stages of a few units.
    const execUnits: { u: ArchiveUnit; year: number }[] = [];
    if (catalog.stages.includes('final')) {
      for (const u of yoyUnits.slice(0, 3)) {
        const years = await first.executionYears(u);
        if (years.length) execUnits.push({ u, year: years[years.length - 1] });
      }
    }
    const cases: Case[] = [
      ...yoyUnits.map((u): Case => ({ name: `同比 ${u.name}（${u.years.length} 年）`, goal: '≤ 1.5 s, ≤ 1 MB', run: (a) => a.yoy(u) })),
      ...cities.map(({ p, c }): Case => ({ name: `横比 ${p.name}${c.name} ${last}（${c.units} 个部门）`, goal: '≤ 2 s, ≤ 3 MB', run: (a) => a.peers(p.key, c.name, last) })),
      ...provinces.map((p): Case => ({ name: `变动排名 ${p.name} ${last}（${p.metrics[String(last)]?.[1] ?? 0} 份）`, goal: '≤ 5 s', run: (a) => a.ranking(p.key, last) })),
      ...execUnits.map(({ u, year }): Case => ({ name: `执行 ${u.name} ${year}（预算 + 决算）`, goal: '≤ 1 MB', run: (a) => a.execution(u, year) })),
      { name: `导入一份文档（${docUnit.name}）`, goal: '—', run: (a) => a.document(docUnit.province, docUnit.docRow) },
    ];
    const views = new Table(`Views, cold (fresh archive each run, footers included), ${latency} ms per request, median of ${runs}`, ['view', 'ms', 'bytes', 'requests', 'goal', 'load (1 min)']);
    for (const c of cases) {
      const ms: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let r = 0; r < runs; r++) {
        const a = await Archive.open(host.url, SQL);
        host.resetCounters();
        const t = performance.now();
        await c.run(a);
        ms.push(performance.now() - t);
        bytes = host.bytes;
        requests = host.requests;
      }
      views.add(c.name, median(ms).toFixed(0), kb(bytes), requests, c.goal, load());
    }
    tables.push(views);

    if (process.argv.includes('--sqlite')) tables.push(await measureSqlite(dir, catalog, yoyUnits as ArchiveUnit[], cities.map(({ p, c }) => ({ province: p.key, city: c.name, year: last })), latency, runs));
  } finally {
    await host.stop();
    if (temp) rmSync(dir, { recursive: true, force: true });
  }
  const text = report(`Archive (${catalog.documents} documents, ${catalog.units} units, ${catalog.figures} figures)`, machine(), tables,
    [`range host: ${latency} ms added per request, HTTP/1.1 keep-alive on 127.0.0.1; times in Node (hyparquet + sql.js view database + the library's queries)`, ...(buildNote ? [buildNote] : [])]);
  console.log(`\n${text}`);
  if (process.argv.includes('--record')) record(text);
}

await main();
