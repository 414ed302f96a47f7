import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { startOcrNode } from '../../../../src/lib/ingest/ocr/node';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { shanghaiGold } from '../pdf/corpus';

/**
 * A scanned disclosure: pages that are pictures (made from a Shanghai PDF of the corpus by
 * scripts/scan-pdfs.ts: grey JPEGs at 200 dpi, quality 60, committed), read by OCR (real tesseract.js,
 * its models from node_modules) and compared with the gold. Before OCR the file was refused as a scan.
 * czj-2025-p9-10.pdf: its 收支总表 and the first page of its 收入总表 (in 元: the 收入总表's 「元」 is lost to
 * OCR and borrowed from the 收支总表's); czj-2025-p9-skew.pdf: the 收支总表 laid 0.6° askew;
 * czj-2025-p9-side.pdf: the 收支总表 scanned sideways (--skew 90); czj-2025-p9-stamped.pdf: the 收支总表
 * with its page number stamped over the scan as text (--stamp).
 */
const dir = path.join(import.meta.dirname, 'scans');
const gold = shanghaiGold().find((g) => g.file === 'putuo-czj-2025-department.pdf')!;
const goldOf = (table: string) => new Map(gold.figures.filter((f) => f[0] === table).map(([, row, column, amount]) => [`${row}|${column}`, Math.round(Number(amount) * 1e6)]));

async function readScan(name: string): Promise<StoredDocument> {
  const read = await importFile(new Uint8Array(readFileSync(path.join(dir, name))), name, { openPdf: openPdfNode, ocr: startOcrNode });
  if (!read.ok) throw new Error(read.error);
  expect(read.docs).toHaveLength(1);
  return read.docs[0];
}

/** Each figure of `table` read: right (the gold's amount), wrong, or not in the gold. */
function compare(doc: StoredDocument, table: string): { right: number; wrong: string[] } {
  const want = goldOf(table);
  const wrong: string[] = [];
  let right = 0;
  for (const f of doc.figures.filter((x) => x.table === table)) {
    const key = `${f.rowCode}|${f.column}`;
    if (want.get(key) === f.amount) right++;
    else wrong.push(`${key} ${f.amount} want ${want.get(key)}`);
  }
  return { right, wrong };
}

describe('a scanned PDF read by OCR', () => {
  it('reads the 收支总表 and the 收入总表 page exactly, says the pages were recognised, and the borrowed unit', async () => {
    const doc = await readScan('czj-2025-p9-10.pdf');
    expect([doc.meta.unitName, doc.meta.year]).toEqual([gold.unit_name, gold.year]);
    // Every figure of the 收支总表.
    expect(compare(doc, 'summary')).toEqual({ right: goldOf('summary').size, wrong: [] });
    // The 收入总表's first page: twelve rows of 合计 and 财政拨款收入; its other rows are on page 11, not scanned here.
    expect(compare(doc, 'income')).toEqual({ right: 24, wrong: [] });
    const messages = doc.warnings.map((w) => w.message);
    expect(messages).toContain('第 1–2 页是扫描页，其文字和数字由文字识别（OCR）读出，可能有认错的字或数字：请与原件核对，审核发现的不符也可能来自识别');
    expect(messages.some((m) => /^「2025 ?年部门收入预算总表」印有「单位：」但没有读出是什么单位，按本文件其他表写明的单位，按「元」读取/.test(m))).toBe(true);
  }, 300_000);

  it('reads a page scanned askew: rows stay rows, and nothing is read wrong', async () => {
    const doc = await readScan('czj-2025-p9-skew.pdf');
    const { right, wrong } = compare(doc, 'summary');
    expect(wrong).toEqual([]);
    // The 、 of 「一、」 and 「二、」 is lost askew (「二社会保障和就业支出」): the 类 is known after its numeral.
    expect(right).toBe(goldOf('summary').size);
  }, 300_000);

  it('reads a page scanned sideways: turned before it is read, every figure as the gold has it', async () => {
    // The 收支总表's landscape page fed into the scanner turned a quarter: an image on a portrait page,
    // its lines running down it. Tesseract reads it as columns of vertical text until it is turned.
    const doc = await readScan('czj-2025-p9-side.pdf');
    expect([doc.meta.unitName, doc.meta.year]).toEqual([gold.unit_name, gold.year]);
    expect(compare(doc, 'summary')).toEqual({ right: goldOf('summary').size, wrong: [] });
  }, 300_000);

  it('reads a scan with its page number stamped on it as text: a picture of the page is a scan, whatever a few words over it say', async () => {
    // czj-2025-p9-stamped.pdf: the 收支总表 scanned (200 dpi, quality 60), 「- 9 -」 written over it in
    // Helvetica (scan-pdfs.ts --stamp). Read as a page of text before, it was 「不像是…公开文件」.
    const doc = await readScan('czj-2025-p9-stamped.pdf');
    expect([doc.meta.unitName, doc.meta.year]).toEqual([gold.unit_name, gold.year]);
    expect(compare(doc, 'summary')).toEqual({ right: goldOf('summary').size, wrong: [] });
    expect(doc.warnings.map((w) => w.message)).toContain('第 1 页是扫描页，其文字和数字由文字识别（OCR）读出，可能有认错的字或数字：请与原件核对，审核发现的不符也可能来自识别');
    // Without OCR it is a scan too: refused as one, not read as a page of three characters.
    const read = await importFile(new Uint8Array(readFileSync(path.join(dir, 'czj-2025-p9-stamped.pdf'))), '扫描.pdf', { openPdf: openPdfNode });
    expect(read).toEqual({ ok: false, error: '「扫描.pdf」此PDF为扫描件，没有文字层，无法读取（此处没有文字识别）。' });
  }, 300_000);

  it('without OCR, a scan is refused with its name, as before', async () => {
    const read = await importFile(new Uint8Array(readFileSync(path.join(dir, 'czj-2025-p9-skew.pdf'))), '扫描.pdf', { openPdf: openPdfNode });
    expect(read).toEqual({ ok: false, error: '「扫描.pdf」此PDF为扫描件，没有文字层，无法读取（此处没有文字识别）。' });
  });
});
