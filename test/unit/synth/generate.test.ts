import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { importFile } from '../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../src/lib/model/document';
import { corpus, documents, renderDocument, type ExpectedFigure, type Layout } from '../../../src/lib/synth';

const key = (f: Pick<ExpectedFigure, 'table' | 'rowCode' | 'column' | 'amount'>) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;

async function readBack(text: string, fileName: string): Promise<StoredDocument[]> {
  const read = await importFile(new TextEncoder().encode(text), fileName);
  if (!read.ok) throw new Error(read.error);
  return read.docs;
}

describe('synthetic disclosures', () => {
  for (const layout of ['tab', 'cells'] as Layout[]) {
    it(`reads back every generated figure exactly (${layout} layout)`, async () => {
      for (const doc of documents(6, 11, layout)) {
        const r = renderDocument(doc);
        const docs = await readBack(r.text, r.fileName);
        expect(docs).toHaveLength(1);
        const [got] = docs;
        expect(got.meta).toEqual({ unitCode: doc.unitCode, unitName: doc.unitName, scope: 'department', stage: 'budget', year: doc.year });
        expect(got.figures.map(key).sort()).toEqual(r.figures.map(key).sort());
        expect(got.warnings).toEqual([]);
        expect(got.tables.map((t) => `${t.table}:${t.status}`)).toEqual([
          'summary:present', 'income:present', 'expense:present', 'fiscal_summary:present', 'general_expense:present',
          'basic_expense:present', 'fund_expense:empty', 'soe_expense:empty', `three_public:${r.figures.some((f) => f.table === 'three_public') ? 'present' : 'empty'}`,
        ]);
        expect(got.projects.map((p) => p.name)).toHaveLength(doc.projects.length);
      }
    }, 60_000);
  }

  it('prints both layouts with the same figures, one line per row or one line per cell', () => {
    const [doc] = documents(1, 5);
    const tab = renderDocument(doc, 'tab');
    const cells = renderDocument(doc, 'cells');
    expect(tab.figures).toEqual(cells.figures);
    expect(tab.text).toMatch(/^栏次\t1\t2\t3\t4$/m);
    expect(cells.text).toMatch(/^\t栏次\n\t1\n\t2\n\t3\n\t4\n\n/m);
    expect(tab.fileName).not.toEqual(cells.fileName);
  });

  it('adds up by construction: 合计 = 基本 + 项目, 类 = Σ款, 款 = Σ项, 合计 = Σ类, 人员 + 公用', () => {
    for (const doc of documents(20, 3)) {
      const figs = renderDocument(doc).figures;
      const v = (table: string, row: string, col: string) => figs.find((f) => f.table === table && f.rowCode === row && f.column === col)?.amount ?? 0;
      for (const table of ['expense', 'general_expense']) {
        const codes = [...new Set(figs.filter((f) => f.table === table).map((f) => f.rowCode))];
        for (const code of codes) expect(v(table, code, 'total')).toBe(v(table, code, 'basic') + v(table, code, 'project'));
        const children = (parent: string) => codes.filter((c) => /^\d+$/.test(c) && (parent === 'total' ? c.length === 3 : c.length === parent.length + 2 && c.startsWith(parent)));
        for (const parent of codes.filter((c) => c === 'total' || c.length < 7)) {
          expect(children(parent).length).toBeGreaterThan(0);
          for (const col of ['total', 'basic', 'project']) {
            expect(children(parent).reduce((s, c) => s + v(table, c, col), 0)).toBe(v(table, parent, col));
          }
        }
      }
      expect(v('basic_expense', 'total', 'total')).toBe(v('general_expense', 'total', 'basic'));
      expect(v('basic_expense', 'total', 'personnel') + v('basic_expense', 'total', 'public')).toBe(v('basic_expense', 'total', 'total'));
      expect(v('summary', 'income.grand_total', 'amount')).toBe(v('summary', 'expense.grand_total', 'amount'));
      expect(v('summary', 'income.current_total', 'amount') + v('summary', 'income.carryover', 'amount')).toBe(v('summary', 'income.grand_total', 'amount'));
      expect(v('facts', 'basic_change', 'amount') + v('facts', 'project_change', 'amount')).toBe(v('facts', 'change_vs_prior', 'amount'));
      for (const f of figs) expect(Number.isSafeInteger(f.amount) && f.amount % 10_000 === 0).toBe(true);
    }
  });

  it('passes the audit (勾稽) with no finding, across years of the same units', async () => {
    const library: StoredDocument[] = [];
    for (const doc of corpus({ units: 12, years: 4, seed: 2024 })) {
      const r = renderDocument(doc);
      library.push(...(await readBack(r.text, r.fileName)));
    }
    const audits = auditDocuments(library);
    expect(audits.flatMap((a) => a.findings.map((f) => `${a.docId} ${f.check} ${f.severity}: ${f.message}`))).toEqual([]);
    // The 比上年 check ran wherever last year's document is loaded (not for first years or after a gap).
    const crossRan = audits.filter((a) => a.checks.find((c) => c.check === 'cross_document')!.status === 'ran').length;
    expect(crossRan).toBeGreaterThanOrEqual(library.length - 12 - 2);
    // The synthetic narratives state no per-item paragraphs, percentages or 绩效 totals, and the
    // documents print no 政府采购预算表: those checks have nothing to run on, and say so.
    const nothingToCheck = new Set(['cross_document', 'narrative_item', 'narrative_percent', 'performance', 'procurement']);
    for (const a of audits) for (const c of a.checks) if (!nothingToCheck.has(c.check)) expect(`${c.check}:${c.status}`).toBe(`${c.check}:ran`);
  }, 60_000);

  it('is deterministic from its seed number and clearly synthetic', () => {
    const a = [...corpus({ units: 30, years: 5, seed: 9 })];
    const b = [...corpus({ units: 30, years: 5, seed: 9 })];
    const c = [...corpus({ units: 30, years: 5, seed: 10 })];
    expect(a.map((d) => renderDocument(d).text)).toEqual(b.map((d) => renderDocument(d).text));
    expect(a.map((d) => renderDocument(d).text)).not.toEqual(c.map((d) => renderDocument(d).text));
    for (const d of a) {
      expect(d.unitName).toMatch(/^合成测试第\d{4}号单位(（更名）)?$/);
      expect(renderDocument(d).text).toContain('合成数据生成器');
    }
    // A few units are renamed part-way (same code) and a few miss a year.
    expect(a.filter((d) => d.unitName.endsWith('（更名）')).length).toBeGreaterThan(0);
    expect(a.length).toBeLessThan(30 * 5);
    const renamed = a.find((d) => d.unitName.endsWith('（更名）'))!;
    expect(new Set(a.filter((d) => d.unitCode === renamed.unitCode).map((d) => d.unitName)).size).toBe(2);
    expect(new Set(a.map((d) => d.layout))).toEqual(new Set(['tab', 'cells']));
  });
});
