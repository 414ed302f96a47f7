/**
 * Writes the files of test/unit/ingest/office/libreoffice/: synthetic layout variants (src/lib/synth/layout)
 * saved by LibreOffice from their web pages as a Word document (Writer, .docx and Word 97's .doc) and as
 * a workbook (Calc's HTML import, .xlsx). Two producers a county's office uses: a page saved into Word (tables as Word
 * tables, blank paragraphs between), and a page opened in a spreadsheet (each table's title and its unit
 * line in one cell, header cells spread over many columns). Not run by CI (the files are committed; CI
 * has no LibreOffice); run it again only to change them:
 *
 *   npx tsx scripts/libreoffice-office.ts [a format (doc), a variant's id or part of it, or id.format: only those]
 *
 * Needs Debian's libreoffice-writer-nogui and libreoffice-calc-nogui (`soffice`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LAYOUT_VARIANTS } from '../src/lib/synth/layout/list';
import { renderVariant } from '../src/lib/synth/layout/variants';
import { LIBREOFFICE_OFFICE_FILES } from '../test/unit/ingest/office/libreofficeFiles';

const FILTERS = {
  docx: ['--convert-to', 'docx:MS Word 2007 XML'],
  doc: ['--convert-to', 'doc:MS Word 97'],
  xlsx: ['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML'],
};

const out = path.resolve('test/unit/ingest/office/libreoffice');
const work = mkdtempSync(path.join(tmpdir(), 'libreoffice-office-'));
mkdirSync(out, { recursive: true });
try {
  for (const { id, format } of LIBREOFFICE_OFFICE_FILES) {
    if (process.argv[2] && `${id}.${format}` !== process.argv[2] && !id.includes(process.argv[2]) && format !== process.argv[2]) continue;
    const variant = LAYOUT_VARIANTS.find((v) => v.id === id);
    if (!variant) throw new Error(`no variant ${id}`);
    const files = renderVariant(variant).files;
    // One page each: a variant of several parts (a cover, the tables, the narrative) would be several files.
    if (files.length !== 1 || files[0].parts.length !== 1) throw new Error(`${id} is not one page`);
    const html = path.join(work, `synth-${id}.html`);
    writeFileSync(html, files[0].parts[0].html);
    execFileSync('soffice', ['--headless', '--norestore', ...FILTERS[format], '--outdir', work, html], { stdio: 'inherit', env: { ...process.env, HOME: work } });
    const made = html.replace(/\.html$/, `.${format}`);
    // A .doc is mostly blank sectors: kept gzipped (the test unzips it).
    if (format === 'doc') writeFileSync(path.join(out, `synth-${id}.doc.gz`), gzipSync(readFileSync(made), { level: 9 }));
    else copyFileSync(made, path.join(out, `synth-${id}.${format}`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
