/**
 * Writes the PDFs of test/unit/ingest/pdf/workbook/: synthetic layout variants' tables kept in a
 * workbook (src/lib/synth/layout/workbook.ts: a sheet per table, ruled, fitted widths) and printed to
 * PDF by LibreOffice Calc, as a finance office prints its spreadsheet: heads and 栏次 numbers at the
 * left of their cells, amounts at the right. Not run by CI (the PDFs are committed; CI has no
 * LibreOffice); run it again only to change them:
 *
 *   npx tsx scripts/libreoffice-workbook-pdfs.ts [part of a file's name: only those] [--out DIR] [--all [--dash] [--wrap] [--cut]]
 *
 * `--all` prints every variant (into --out, to measure a family outside the committed few), `--dash`
 * then in the accounting format, zeros as dashes, `--wrap` with long names wrapped in narrow columns,
 * `--cut` on A4 at full size, wide tables in bands of columns.
 * Needs Debian's libreoffice-calc-nogui (`soffice`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeXlsx } from '../src/lib/ingest/office/write';
import { LAYOUT_VARIANTS } from '../src/lib/synth/layout/list';
import { variantWorkbook } from '../src/lib/synth/layout/workbook';
import { WORKBOOK_VARIANTS } from '../test/unit/ingest/pdf/workbookVariants';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = path.resolve(at >= 0 ? args[at + 1] : 'test/unit/ingest/pdf/workbook');
const only = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const zeros = args.includes('--dash') ? 'dash' : 'blank';
const labels = args.includes('--wrap') ? 'wrap' : 'fit';
const paper = args.includes('--cut') ? 'cut' : 'fit';
const plans = args.includes('--all') ? LAYOUT_VARIANTS.map((v) => ({ id: v.id, file: `synth-${v.id}.pdf`, options: { zeros, labels, paper } as const })) : WORKBOOK_VARIANTS;
const work = mkdtempSync(path.join(tmpdir(), 'libreoffice-workbook-'));
mkdirSync(out, { recursive: true });
try {
  for (const { id, file, options } of plans) {
    if (only && !file.includes(only)) continue;
    const variant = LAYOUT_VARIANTS.find((v) => v.id === id);
    if (!variant) throw new Error(`no variant ${id}`);
    const xlsx = path.join(work, file.replace(/\.pdf$/, '.xlsx'));
    writeFileSync(xlsx, writeXlsx(variantWorkbook(variant, options).sheets));
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', work, xlsx], {
      stdio: 'inherit', env: { ...process.env, HOME: work },
    });
    copyFileSync(xlsx.replace(/\.xlsx$/, '.pdf'), path.join(out, file));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
