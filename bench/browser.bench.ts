/**
 * Browser benchmark (npm run bench:browser): first visit and offline reload of the built app in
 * Debian's Chromium, and the transfer size of a first visit split into app code, the sql.js wasm
 * and the sample data. Prints medians of several runs; never run by the tests.
 *
 *   npm run build && npx tsx bench/browser.bench.ts [--runs 5]
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { Profile, waitForLibrary, waitForServiceWorker } from '../test/browser/support/browser';
import { requireDist } from '../test/browser/support/build';
import { StaticHost } from '../test/browser/support/server';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = requireDist();
const host = new StaticHost(dist);
await host.start();

const firstVisit: number[] = [];
const offlineReload: number[] = [];
let requested: string[] = [];
for (let i = 0; i < runs; i++) {
  const profile = new Profile();
  const context = await profile.open();
  const page = context.pages()[0] ?? (await context.newPage());
  host.requests = [];
  await page.goto(host.url);
  await waitForLibrary(page, 6);
  firstVisit.push(await page.evaluate(() => performance.now()));
  requested = [...host.requests];
  await waitForServiceWorker(page);
  await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await waitForLibrary(page, 6);
  offlineReload.push(await page.evaluate(() => performance.now()));
  await profile.dispose();
}
await host.stop();

const sizes = { app: 0, wasm: 0, data: 0 };
for (const p of new Set(requested)) {
  const rel = p === '/' ? 'index.html' : p.slice(1);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dist, rel));
  } catch {
    continue;
  }
  const gz = gzipSync(bytes).length;
  if (rel.endsWith('.wasm')) sizes.wasm += gz;
  else if (rel.startsWith('data/')) sizes.data += gz;
  else sizes.app += gz;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${process.platform}`);
console.log(`runs: ${runs} (medians)`);
console.log('| measure | value | goal |');
console.log('| --- | --- | --- |');
console.log(`| first visit, app code (gzip) | ${kb(sizes.app)} | ≤ 150 KB |`);
console.log(`| first visit, sql.js wasm (gzip) | ${kb(sizes.wasm)} | |`);
console.log(`| first visit, sample data (gzip) | ${kb(sizes.data)} | |`);
console.log(`| navigation → sample data on screen, first visit | ${median(firstVisit).toFixed(0)} ms | |`);
console.log(`| navigation → data on screen, offline reload | ${median(offlineReload).toFixed(0)} ms | ≤ 1000 ms |`);
