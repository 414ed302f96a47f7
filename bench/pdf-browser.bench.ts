/**
 * PDF import in Chromium: each Shanghai training PDF imported through the app's file input, as a
 * user would. Per file: median wall time from choosing the file to the result shown, pages/s, the
 * longest main-thread task during the import (PerformanceObserver 'longtask'; none means no task
 * over 50 ms), and the peak resident memory of Chromium's renderer (the page, the database worker
 * and pdf.js's worker share it), sampled every 20 ms from /proc. Never run by the tests.
 *
 *   npx vite build && npx tsx bench/pdf-browser.bench.ts [--runs 5]
 *
 * The first import of a session loads pdf.js (about 1.6 MB from the cache); a warm-up import of the
 * first file comes before the timed runs, and it is reported on its own line. Each run removes the
 * document again, so every timed run is a full import (read, insert, audit, save).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/support/browser';
import { requireDist } from '../test/browser/support/build';
import { StaticHost } from '../test/browser/support/server';
import { importFile } from '../src/lib/ingest/file';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { machine } from './support/measure';
import { sharedDir } from '../scripts/paths';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const dir = path.join(sharedDir, 'corpus/shanghai');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

declare global {
  interface Window {
    __pdfLongTasks: { start: number; duration: number }[];
  }
}

/** Resident memory (MiB) of every renderer process under the browser process `root`. */
function rendererRssMiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch { /* the process ended */ }
  }
  let kib = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--type=renderer')) {
          kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'))?.[1] ?? 0);
        }
      } catch { /* the process ended */ }
      walk(c);
    }
  };
  walk(root);
  return kib / 1024;
}

async function importOnce(page: Page, file: string, unitName: string, year: number, rootPid: number) {
  const since = await page.evaluate(() => performance.now());
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rendererRssMiB(rootPid))), 20);
  const t0 = performance.now();
  await page.getByTestId('file-input').setInputFiles(path.join(dir, file));
  await page.getByTestId('import-results').filter({ hasText: `${file}：已导入` }).waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  clearInterval(timer);
  const longest = await page.evaluate((t) => Math.max(0, ...window.__pdfLongTasks.filter((e) => e.start >= t).map((e) => e.duration)), since);
  // Remove it again (and wait for the library to show it gone), so the next run imports it anew.
  page.once('dialog', (d) => void d.accept());
  const before = await page.getByTestId('library-table').locator('tbody > tr[data-doc-id]').count();
  await page.getByRole('button', { name: `删除 ${unitName} ${year}` }).first().click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="library-table"] tbody > tr[data-doc-id]').length === n, before - 1);
  return { ms, longest, peak };
}

const host = new StaticHost(requireDist());
await host.start();
const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const browser = await chromium.connect(server.wsEndpoint());
const rootPid = server.process().pid!;
const page = await browser.newPage();
await page.addInitScript(() => {
  window.__pdfLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__pdfLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(host.url);
await page.locator('main[data-ready="true"]').waitFor();

console.log(`${machine()}\nChromium ${browser.version()}, ${RUNS} runs per file (median)\n`);
console.log('| file | pages | figures | median ms | pages/s | longest main-thread task ms | peak renderer RSS MiB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
let allPages = 0;
let allMs = 0;
let warm = false;
for (const file of files) {
  const read = await importFile(new Uint8Array(readFileSync(path.join(dir, file))), file, { openPdf: openPdfNode });
  if (!read.ok) throw new Error(read.error);
  const { unitName, year } = read.docs[0].meta;
  const opened = await openPdfNode(new Uint8Array(readFileSync(path.join(dir, file))));
  const pages = opened.ok ? opened.source.pageCount : 0;
  if (opened.ok) await opened.source.close();
  if (!warm) {
    const first = await importOnce(page, file, unitName, year, rootPid);
    console.log(`| ${file} (first PDF of the session: loads pdf.js) | ${pages} | | ${first.ms.toFixed(0)} | | ${first.longest.toFixed(0)} | ${first.peak.toFixed(0)} |`);
    warm = true;
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await importOnce(page, file, unitName, year, rootPid));
  const ms = median(runs.map((r) => r.ms));
  allPages += pages;
  allMs += ms;
  const figures = read.docs.reduce((n, d) => n + d.figures.length, 0);
  console.log(`| ${file} | ${pages} | ${figures} | ${ms.toFixed(0)} | ${((pages * 1000) / ms).toFixed(1)} | ${Math.max(...runs.map((r) => r.longest)).toFixed(0)} | ${Math.max(...runs.map((r) => r.peak)).toFixed(0)} |`);
}
console.log(`\nAll files: ${allPages} pages in ${allMs.toFixed(0)} ms, ${((allPages * 1000) / allMs).toFixed(1)} pages/s; longest task is the worst of all runs.`);
await browser.close();
await server.close();
await host.stop();
