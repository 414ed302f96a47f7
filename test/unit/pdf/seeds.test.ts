import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { gold, seedFiles, seedText } from '../ingest/seeds';
import { mismatches } from './corpus';
import { printPdfs, seedHtml } from './print';

// The seeds' national layout as PDFs: their rows printed as HTML tables by Chromium, read back with
// pdf.js, compared with the same gold as the text. Needs CJK fonts for Chromium (Debian:
// fonts-noto-cjk); without them its PDFs carry no readable Chinese text.
//
// Every seed must come back as the same documents. Every gold figure comes back exactly for the
// seeds in EXACT; not yet for the other two (see the report of issue 7):
//  - 000: the 固定资产 table's total (「3、单价在 20 万元以上的设备」 is split at its spaces into
//    pieces that span the 数量 column, so the header words fall into the wrong columns);
//  - 004: the 收入总表's 上年结转 column (its header word stands over 小计, two columns to the left,
//    because the seed's merged header cells are printed one per column).
const EXACT = ['001_0e01da1d0149c9a7.txt', '002_64e98bfc144ba4c8.txt', '003_3753cf426c7ec0a0.txt'];
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

  it('places every table figure on its page, in a box', () => {
    for (const doc of read(file).docs) {
      const unplaced = doc.figures.filter((f) => f.table !== 'facts' && !(f.source.page && f.source.box));
      expect(unplaced).toEqual([]);
    }
  });
});

describe.each(EXACT)('%s printed to PDF, every gold figure', (file) => {
  it('comes back exactly', () => {
    const result = read(file);
    gold.documents.filter((d) => d.file === file).forEach((g, i) => {
      expect(mismatches(g.figures, result.docs[i]?.figures ?? []), `${file} document ${i + 1}`).toEqual([]);
    });
  });
});
