import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { corpusBytes, mismatches, shanghaiGold } from './corpus';
import { CORPORA, compareFigures, type GoldFigure } from '../../../../scripts/gold';

const imports = new Map<string, ReturnType<typeof importFile>>();
/** Each PDF is read once and shared by its tests. */
function imported(file: string) {
  if (!imports.has(file)) imports.set(file, importFile(corpusBytes(file), file, { openPdf: openPdfNode }));
  return imports.get(file)!;
}

// The six real 上海市普陀区 PDFs, read with pdf.js's Node build, figure by figure against the gold.
describe.each(shanghaiGold())('$file', (gold) => {
  it('gives every gold figure exactly, with the document\'s identity', { timeout: 60_000 }, async () => {
    const result = await imported(gold.file);
    if (!result.ok) throw new Error(result.error);
    expect(result.kind).toBe('pdf');
    expect(result.docs).toHaveLength(1);
    const [doc] = result.docs;
    expect(doc.docId).toBe(gold.doc_id);
    expect(doc.meta).toEqual({ unitCode: gold.unit_code, unitName: gold.unit_name, scope: gold.scope, stage: gold.stage, year: gold.year });
    expect(mismatches(gold.figures, doc.figures), `${gold.file}: gold figures not read exactly`).toEqual([]);
  });

  it('gives nothing extra or misplaced in the tables the gold records completely (the coded ones)', { timeout: 60_000 }, async () => {
    const result = await imported(gold.file);
    if (!result.ok) throw new Error(result.error);
    const shanghai = CORPORA.find((c) => c.name === 'shanghai')!;
    const { extra } = compareFigures({ ...gold, figures: gold.figures as GoldFigure[] }, result.docs[0].figures, shanghai);
    expect(extra).toEqual([]);
  });

  it('gives every figure its page and the box of its cell', { timeout: 60_000 }, async () => {
    const result = await imported(gold.file);
    if (!result.ok) throw new Error(result.error);
    const [doc] = result.docs;
    const unplaced = doc.figures.filter((f) => f.table !== 'facts' && (!f.source.page || !f.source.box));
    expect(unplaced.map((f) => `${f.table}|${f.rowCode}|${f.column}`)).toEqual([]);
    for (const f of doc.figures) {
      const [x0, y0, x1, y1] = f.source.box ?? [0, 0, 1, 1];
      expect(x1 > x0 && y1 > y0, `${f.table}|${f.rowCode}|${f.column} box`).toBe(true);
    }
    // The line a figure cites holds the printed amount: the rebuilt text is one cell per line.
    const lines = result.text!.split('\n');
    const total = doc.figures.find((f) => f.table === 'income' && f.rowCode === 'total' && f.column === 'total')!;
    expect(lines[total.source.line - 1].replace(/[\t,]/g, '')).toMatch(/^\d+\.\d+$/);
  });

  it('rebuilds text that the text importer reads to the same figures', { timeout: 60_000 }, async () => {
    const result = await imported(gold.file);
    if (!result.ok) throw new Error(result.error);
    const again = readDisclosureText(result.text!, gold.file);
    if (!again.ok) throw new Error(again.error);
    expect(mismatches(gold.figures, again.docs[0].figures)).toEqual([]);
  });
});

describe('the 决算 三公 table (预算数 | 决算数 across)', () => {
  it('reads its printed 预算数 as initial_budget, the joined 公务接待费 column placed by the sums', { timeout: 60_000 }, async () => {
    const final = shanghaiGold().find((g) => g.stage === 'final')!;
    const result = await imported(final.file);
    if (!result.ok) throw new Error(result.error);
    const tp = result.docs[0].figures.filter((f) => f.table === 'three_public').map((f) => `${f.rowCode}|${f.column}|${f.amount}`);
    // The page prints 预算数 0.95 under 合计 and under 公务接待费; every 决算数 cell is blank.
    expect(tp.sort()).toEqual(['reception|initial_budget|950000', 'total|initial_budget|950000']);
    expect(result.docs[0].warnings.filter((w) => w.table === 'three_public')).toEqual([]);
  });
});
