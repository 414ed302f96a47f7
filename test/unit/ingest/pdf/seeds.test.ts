import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { gold, seedFiles, seedText } from '../seeds';
import { mismatches } from './corpus';
import { printPdfs, seedHtml } from './print';

// The seeds' national layout as PDFs: their rows printed as HTML tables by Chromium, read back with
// pdf.js, compared with the same gold as the text. Needs CJK fonts for Chromium (Debian:
// fonts-noto-cjk); without them its PDFs carry no readable Chinese text.
const results = new Map<string, FileImport>();

beforeAll(async () => {
  const pdfs = await printPdfs(seedFiles.map((f) => seedHtml(seedText(f))));
  for (const [i, file] of seedFiles.entries()) {
    results.set(file, await importFile(pdfs[i], file.replace(/\.txt$/, '.pdf'), { openPdf: openPdfNode }));
  }
}, 180_000);

function read(file: string) {
  const result = results.get(file)!;
  if (!result.ok) throw new Error(`${result.error}（Chromium 打印中文需要字体：apt-get install fonts-noto-cjk）`);
  return result;
}

describe.each(seedFiles)('%s printed to PDF', (file) => {
  const expected = gold.documents.filter((d) => d.file === file);

  it('reads one document per gold document, with its identity', () => {
    const result = read(file);
    expect(result.kind).toBe('pdf');
    expect(result.docs.map((d) => d.meta)).toEqual(expected.map((g) => ({ unitCode: g.unit_code, unitName: g.unit_name, scope: g.scope, stage: g.stage, year: g.year })));
  });

  it('gives every gold figure exactly, and every table figure its page and box', () => {
    const result = read(file);
    expected.forEach((g, i) => {
      const doc = result.docs[i];
      expect(mismatches(g.figures, doc?.figures ?? []), `${file} document ${i + 1}`).toEqual([]);
      expect(doc.figures.filter((f) => f.table !== 'facts' && !(f.source.page && f.source.box))).toEqual([]);
    });
  });
});
