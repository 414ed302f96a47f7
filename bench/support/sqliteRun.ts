import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { ArchiveUnit } from '../../src/lib/archive/archive';
import type { ArchiveCatalog } from '../../src/lib/archive/format';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/browser/support/browser';
import { RangeHost } from '../../test/browser/support/rangeHost';
import { median } from './measure';
import { Table } from './report';
import { buildSqliteCandidate, sqliteSite } from './sqliteCandidate';

/** Where sql.js-httpvfs is installed for the comparison (it is not a dependency of the app): `npm i --no-save sql.js-httpvfs@0.8.12` or BL_HTTPVFS. */
function httpvfsDist(): string {
  return process.env.BL_HTTPVFS ?? path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'sql.js-httpvfs', 'dist');
}

type Query = [string, (string | number)[]];

/** The SQLite candidate: same views' rows, read by sql.js-httpvfs in Chromium over the same range host. */
export async function measureSqlite(archiveDir: string, catalog: ArchiveCatalog, yoyUnits: ArchiveUnit[], cities: { province: string; city: string; year: number }[], latency: number, runs: number): Promise<Table> {
  const work = mkdtempSync(path.join(tmpdir(), 'bl-sqlite-'));
  const dbFile = path.join(work, 'archive.sqlite3');
  const t = new Table(`SQLite candidate: sql.js-httpvfs 0.8.12 in Chromium, same rows, ${latency} ms per request, median of ${runs}`, ['view', 'ms (queries)', 'ms (start worker)', 'bytes of the database', 'requests']);
  const started = performance.now();
  await buildSqliteCandidate(archiveDir, catalog, dbFile);
  const site = path.join(work, 'site');
  sqliteSite(site, dbFile, httpvfsDist());
  t.add(`(database file ${(statSync(dbFile).size / 1e6).toFixed(1)} MB, built in ${((performance.now() - started) / 1000).toFixed(0)} s)`, '', '', '', '');
  const host = new RangeHost(site, { latencyMs: latency });
  await host.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const cases: [string, Query[]][] = [
      ...yoyUnits.map((u): [string, Query[]] => [`同比 ${u.name}`, [
        ['SELECT * FROM documents WHERE province = ? AND city = ? AND unit_key = ?', [u.province, u.city, u.key]],
        ['SELECT * FROM yoy JOIN keys USING (key_id) WHERE province = ? AND city = ? AND unit_key = ?', [u.province, u.city, u.key]],
      ]]),
      ...cities.map((c): [string, Query[]] => [`横比 ${c.city} ${c.year}`, [
        ['SELECT * FROM documents WHERE province = ? AND city = ?', [c.province, c.city]],
        ['SELECT * FROM peers JOIN keys USING (key_id) WHERE province = ? AND city = ? AND year = ?', [c.province, c.city, c.year]],
      ]]),
    ];
    for (const [name, queries] of cases) {
      const q: number[] = [];
      const s: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let r = 0; r < runs; r++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${host.url}index.html`);
        host.resetCounters();
        const out = await page.evaluate((qs) => (window as unknown as { runQueries: (q: unknown) => Promise<{ startMs: number; queryMs: number; rows: number }> }).runQueries(qs), queries);
        if (!out.rows) throw new Error(`${name}: no rows`);
        q.push(out.queryMs);
        s.push(out.startMs);
        bytes = host.bytesByPath.get('/archive.sqlite3') ?? 0;
        requests = host.log.filter((l) => l.includes('/archive.sqlite3')).length;
        await context.close();
      }
      t.add(name, median(q).toFixed(0), median(s).toFixed(0), `${(bytes / 1024).toFixed(0)} KB`, requests);
    }
  } finally {
    await browser.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return t;
}
