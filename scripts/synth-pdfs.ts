/**
 * Writes the layout-robustness variants (src/lib/synth/layout) as PDFs, with the figures each prints
 * as a FORMAT CSV, so a developer can open them and run `npm run convert` on them.
 *
 *   npm run synth:pdfs -- OUTDIR [--only ID,ID] [--check]
 *
 * OUTDIR/synth-<id>.pdf (or synth-<id>-text.pdf + synth-<id>-tables.pdf), OUTDIR/synth-<id>.expected.csv.
 * --check also reads each variant back through the importer and prints how many figures came back.
 * Needs Debian's Chromium (/usr/bin/chromium, CHROMIUM_PATH), qpdf and fonts-noto-cjk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importFile } from '../src/lib/ingest/file';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { rowsToCsv } from '../src/lib/model/formatCsv';
import { LAYOUT_VARIANTS } from '../src/lib/synth/layout/list';
import { expectedRows, readBackReport, type ReadDocument } from '../src/lib/synth/layout/readBack';
import { renderVariant } from '../src/lib/synth/layout/variants';
import { processIo, runIfMain, type Io } from './cli';
import { printPlan, withPrinter } from './print-pdf';

const USAGE = '用法：npm run synth:pdfs -- 输出目录 [--only 变体,变体] [--check]';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let out: string | null = null;
  let only: string[] | null = null;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (argv[i] === '--check') check = true;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      io.stdout(`${USAGE}\n变体：\n${LAYOUT_VARIANTS.map((v) => `  ${v.id}  ${v.about}`).join('\n')}\n`);
      return 0;
    } else if (!out) out = argv[i];
    else {
      io.stderr(`多余的参数「${argv[i]}」\n${USAGE}\n`);
      return 2;
    }
  }
  if (!out) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const unknown = (only ?? []).filter((id) => !LAYOUT_VARIANTS.some((v) => v.id === id));
  if (unknown.length) {
    io.stderr(`没有这些变体：${unknown.join('、')}（--help 列出全部）\n`);
    return 2;
  }
  const variants = LAYOUT_VARIANTS.filter((v) => !only || only.includes(v.id));
  await mkdir(out, { recursive: true });
  await withPrinter(async (printer) => {
    for (const v of variants) {
      const rendered = renderVariant(v);
      const docs: ReadDocument[] = [];
      const errors: string[] = [];
      for (const plan of rendered.files) {
        const bytes = await printPlan(printer, plan);
        await writeFile(path.join(out, plan.name), bytes);
        if (!check) continue;
        const read = await importFile(bytes, plan.name, { openPdf: openPdfNode });
        if (read.ok) docs.push(...read.docs);
        else errors.push(read.error);
      }
      await writeFile(path.join(out, `synth-${v.id}.expected.csv`), rowsToCsv(expectedRows(rendered)), 'utf8');
      const files = rendered.files.map((f) => f.name).join(' + ');
      if (!check) io.stdout(`${v.id}\t${files}\t${rendered.figures.length} 个数字\n`);
      else {
        const r = readBackReport(rendered, docs, errors);
        io.stdout(`${v.id}\t${r.summary}\t读出 ${r.documents.length} 个文档\n`);
      }
    }
  });
  return 0;
}

runIfMain(import.meta.url, main, 1);
