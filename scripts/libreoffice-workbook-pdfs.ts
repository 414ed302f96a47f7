/**
 * Writes the PDFs of test/unit/ingest/pdf/workbook/: synthetic layout variants' tables kept in a
 * workbook (src/lib/synth/layout/workbook.ts: a sheet per table, ruled, fitted widths) and printed to
 * PDF by LibreOffice Calc, as a finance office prints its spreadsheet: heads and 栏次 numbers at the
 * left of their cells, amounts at the right. Not run by CI (the PDFs are committed; CI has no
 * LibreOffice); run it again only to change them:
 *
 *   npx tsx scripts/libreoffice-workbook-pdfs.ts [a variant's id or part of it: only those] [--out DIR] [--all]
 *
 * `--all` prints every variant (into --out, to measure a family outside the committed few).
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
const ids: readonly string[] = args.includes('--all') ? LAYOUT_VARIANTS.map((v) => v.id) : WORKBOOK_VARIANTS;
const work = mkdtempSync(path.join(tmpdir(), 'libreoffice-workbook-'));
mkdirSync(out, { recursive: true });
try {
  for (const id of ids) {
    if (only && !id.includes(only)) continue;
    const variant = LAYOUT_VARIANTS.find((v) => v.id === id);
    if (!variant) throw new Error(`no variant ${id}`);
    const xlsx = path.join(work, `synth-${id}.xlsx`);
    writeFileSync(xlsx, writeXlsx(variantWorkbook(variant).sheets));
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', work, xlsx], {
      stdio: 'inherit', env: { ...process.env, HOME: work },
    });
    copyFileSync(xlsx.replace(/\.xlsx$/, '.pdf'), path.join(out, `synth-${id}.pdf`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
