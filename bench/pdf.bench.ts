/**
 * PDF import in Node: pages per second and peak memory for each Shanghai training PDF.
 *
 *   npx tsx bench/pdf.bench.ts [--runs 5]
 *
 * Each PDF is read `runs` times (after one warm-up run of the whole set, so the JIT and pdf.js's
 * font code are warm as they are in a long-lived app) with the same importFile the CLI uses; the
 * median wall time gives pages/s. Peak memory is the largest RSS and heap seen, sampled every 5 ms
 * while that file is read; `--expose-gc` (node --expose-gc) makes the per-file baseline cleaner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../src/lib/ingest/file';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { sharedDir } from '../scripts/paths';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const dir = path.join(sharedDir, 'corpus/shanghai');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const gc = (globalThis as { gc?: () => void }).gc;

async function readOnce(bytes: Uint8Array, file: string): Promise<number> {
  const r = await importFile(bytes, file, { openPdf: openPdfNode });
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
}

const data = files.map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
for (const { file, bytes } of data) await readOnce(bytes, file);

console.log(`Node ${process.version}, ${RUNS} runs per file (median)\n`);
console.log('| file | pages | figures | median ms | pages/s | peak RSS MB | peak heap MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
let allPages = 0;
let allMs = 0;
for (const { file, bytes } of data) {
  gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const times: number[] = [];
  let figures = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    figures = await readOnce(bytes, file);
    times.push(performance.now() - t0);
    sample();
  }
  clearInterval(timer);
  const pages = (await openPdfNode(bytes).then((o) => (o.ok ? o.source.pageCount : 0)));
  const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  allPages += pages;
  allMs += ms;
  console.log(`| ${file} | ${pages} | ${figures} | ${ms.toFixed(0)} | ${((pages * 1000) / ms).toFixed(1)} | ${mb(peakRss)} | ${mb(peakHeap)} |`);
}
console.log(`\nall: ${allPages} pages in ${allMs.toFixed(0)} ms = ${((allPages * 1000) / allMs).toFixed(1)} pages/s`);
