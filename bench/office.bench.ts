/**
 * Office import speed in Node: an .xlsx of about 2 MB (synthetic disclosures, src/lib/synth, one
 * table per sheet, amounts as number cells), and a .docx of the same text, read through importFile
 * as the app's worker reads them; the baseline is the same disclosures read as text
 * (readDisclosureText), in the same invocation, so a loaded machine shifts both sides. Then a ZIP
 * of 100 synthetic texts against the same files one by one, and a Shanghai disclosure as an OFD
 * against its PDF. The load average is printed beside every figure (the machine is shared).
 *
 *   npx tsx bench/office.bench.ts [--runs 5] [--mb 2]
 *
 * Not a test: speed goals live here, never in npm test.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { readBundle } from '../src/lib/ingest/bundle';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import type { PdfPageText } from '../src/lib/ingest/pdf/types';
import { corpusDir } from '../test/support/shared';
import { ofdOf } from '../test/unit/ingest/ofd/write';
import { importFile } from '../src/lib/ingest/file';
import { readDisclosureText } from '../src/lib/ingest/index';
import { writeXlsx, type XSheet } from '../src/lib/ingest/office/write';
import { docxOf, rowsOf, sheetsOf } from '../test/unit/ingest/office/fixtures';
import { syntheticFiles } from './support/corpus';
import { arg, fmt, machine, median, peakRssMiB } from './support/measure';

const runs = Number(arg('--runs', '5'));
const targetMb = Number(arg('--mb', '2'));
const load = () => os.loadavg()[0].toFixed(2);
console.log(`machine: ${machine()}`);

// Disclosures until the workbook reaches the target size (measured on a first one, scaled).
const dec = new TextDecoder();
const pool = syntheticFiles(400, 1).map((f) => dec.decode(f.bytes));
const sheetsFor = (texts: readonly string[]) => texts.flatMap((t, i) => sheetsOf(rowsOf(t), { perTable: true, noise: true }).map((s): XSheet => ({ ...s, name: `${i + 1}-${s.name}` })));
const one = writeXlsx(sheetsFor(pool.slice(0, 10))).length / 10;
const count = Math.min(pool.length, Math.ceil((targetMb * 1e6) / one));
const texts = pool.slice(0, count);
const xlsx = writeXlsx(sheetsFor(texts));
const text = texts.join('\n\n');
const docx = docxOf(text);
console.log(`${count} synthetic disclosures: .xlsx ${fmt.mb(xlsx.length)} (${texts.reduce((n, t) => n + sheetsOf(rowsOf(t), { perTable: true, noise: false }).length, 0)} sheets), .docx ${fmt.mb(docx.length)}, text ${fmt.mb(new TextEncoder().encode(text).length)}`);

async function time(label: string, bytesLength: number, fn: () => Promise<number>): Promise<void> {
  const figures = await fn();
  const ms: number[] = [];
  const loads: string[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
    loads.push(load());
  }
  const m = median(ms);
  console.log(`${label.padEnd(34)} ${fmt.ms(m).padStart(7)} ms (median of ${runs})  ${((bytesLength / 1e6) / (m / 1000)).toFixed(1).padStart(6)} MB/s  ${figures} figures  load average ${loads.join(' ')}`);
}

await time('.xlsx through importFile', xlsx.length, async () => {
  const r = await importFile(xlsx, 'bench.xlsx');
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
});
await time('.docx through importFile', docx.length, async () => {
  const r = await importFile(docx, 'bench.docx');
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
});
await time('baseline: the text, readDisclosureText', text.length, async () => {
  const r = readDisclosureText(text, 'bench.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
});

// A ZIP of disclosures (ingest/bundle.ts) against the same files one by one, and an OFD
// (ingest/ofd.ts) against the PDF whose pages it was written from (test/unit/ingest/ofd/write.ts).
const files = syntheticFiles(100, 2);
const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])));
const figuresOf = async (list: readonly { name: string; bytes: Uint8Array }[]) => {
  let n = 0;
  for (const f of list) {
    const r = await importFile(f.bytes, f.name);
    if (!r.ok) throw new Error(r.error);
    n += r.docs.reduce((k, d) => k + d.figures.length, 0);
  }
  return n;
};
await time('100 texts in one ZIP (bundle.ts)', zip.length, async () => {
  const read = readBundle(zip, 'bench.zip');
  if (!read.ok) throw new Error(read.error);
  return figuresOf(read.members.map((m) => ({ name: m.path, bytes: m.bytes })));
});
await time('baseline: the 100 texts as files', files.reduce((n, f) => n + f.bytes.length, 0), () => figuresOf(files));
const PDF = 'putuo-czj-2025-department.pdf';
const pdf = new Uint8Array(readFileSync(path.join(corpusDir, 'shanghai', PDF)));
const opened = await openPdfNode(pdf);
if (!opened.ok) throw new Error(opened.reason);
const pages: PdfPageText[] = [];
for (let n = 1; n <= opened.source.pageCount; n++) pages.push(await opened.source.page(n));
await opened.source.close();
const ofd = ofdOf(pages);
await time(`${PDF} as OFD (ofd.ts)`, ofd.length, async () => {
  const r = await importFile(ofd, 'bench.ofd');
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
});
await time(`baseline: ${PDF} (pdf.js)`, pdf.length, async () => {
  const r = await importFile(pdf, PDF, { openPdf: openPdfNode });
  if (!r.ok) throw new Error(r.error);
  return r.docs.reduce((n, d) => n + d.figures.length, 0);
});
console.log(`peak RSS ${peakRssMiB().toFixed(0)} MiB`);
