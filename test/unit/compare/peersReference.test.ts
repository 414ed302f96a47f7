import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { economicClasses, functionClasses } from '../../../src/lib/compare/classes';
import { mappingsFor } from '../../../src/lib/compare/codeMapping';
import { loadFigures } from '../../../src/lib/compare/figures';
import { readMetrics } from '../../../src/lib/compare/metrics';
import { peerColumns } from '../../../src/lib/compare/peerCells';
import { peersFrame, peersQuery, type PeerRow, type PeersRequest, type PeersResult } from '../../../src/lib/compare/peers';
import { peersPage } from '../../../src/lib/compare/peersPage';
import { outlierReason } from '../../../src/lib/compare/stats';
import { classRows, metricRows } from '../../../src/lib/compare/tree';
import type { CompareSource } from '../../../src/lib/compare/source';
import { refreshCompared } from '../../../src/lib/db/compared';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { displayWan } from '../../../src/lib/model/amount';
import type { Figure, StoredDocument } from '../../../src/lib/model/document';
import type { Scope, Stage, TableKey } from '../../../src/lib/model/keys';
import { budgetsWithFinals, finalFigures, renderDocument } from '../../../src/lib/synth';
import { goldDir, seedsDir } from '../../support/shared';
import { doc, sqlJs, type DocSpec, type Fig } from './libraries';

/**
 * 横比 against the straightforward reading of each column's document on its own (loadFigures →
 * readMetrics, functionClasses, economicClasses, as 同比 reads them), with ranks, medians and
 * outliers counted out naively: for every kind of request, and for pages in every order. The
 * library mixes the seeds, the Jiangsu and Shanghai gold documents, synthetic 预算 and 决算 (renamed
 * units, missing years), a 部门 and a 单位 document of one unit, a code moved by an edition, and
 * documents reading their figures from the fall-back sources.
 */

let lib: LibraryDb;

function stored(id: string, meta: StoredDocument['meta'], figs: readonly { table: string; rowCode: string; rowName: string; column: string; amount: number }[]): StoredDocument {
  const figures: Figure[] = figs.map((f, i) => ({ table: f.table as TableKey, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, source: { line: i + 1 } }));
  return { docId: id, fileName: `${id}.txt`, meta, figures, tables: [], projects: [], warnings: [] };
}

type GoldDoc = { doc_id?: string; file: string; unit_code: string; unit_name: string; scope: Scope; stage: Stage; year: number; figures: Fig[] };

// Hand-made: the edition change (2010308 → 20140 from 2024), a document with only the 一般公共预算
// table, one with only the 收支总表's 类, 公务用车 from its two parts, metrics only in the narrative.
const handMade: DocSpec[] = [
  { id: 'm23', code: '901', name: '信访测试局', year: 2023, figures: [
    ['summary', 'expense.grand_total', 'amount', '500'], ['expense', '201', 'total', '300'], ['expense', '20103', 'total', '200'],
    ['expense', '2010308', 'total', '120'], ['expense', '20140', 'total', '7'], ['expense', '208', 'total', '200'],
    ['three_public', 'vehicle_purchase', 'total', '3'], ['three_public', 'vehicle_operation', 'total', '4'], ['three_public', 'total', 'total', '9']] },
  { id: 'm24', code: '901', name: '信访测试局', year: 2024, figures: [
    ['summary', 'expense.grand_total', 'amount', '520'], ['expense', '201', 'total', '320'], ['expense', '20140', 'total', '130'],
    ['expense', '208', 'total', '200'], ['basic_expense', '301', 'total', '90'], ['basic_expense', '30101', 'total', '50']] },
  { id: 'g23', code: '902', name: '一般预算测试局', year: 2023, figures: [
    ['summary', 'expense.grand_total', 'amount', '80'], ['general_expense', '205', 'total', '80'], ['general_expense', '20502', 'total', '80'],
    ['general_expense', '2010308', 'total', '5'], ['facts', 'basic', 'amount', '30'], ['facts', 'project', 'amount', '50']] },
  { id: 's23', code: '903', name: '总表测试局', year: 2023, figures: [
    ['facts', 'expense_total', 'amount', '60'], ['facts', 'income_total', 'amount', '60'], ['summary', 'expense.201', 'amount', '40'],
    ['summary', 'expense.213', 'amount', '20'], ['facts', 'three_public_total', 'amount', '2'], ['facts', 'three_public_reception', 'amount', '2']] },
  // No code: joins the coded unit of the same name (903). A 支出总计 of 0: no shares.
  { id: 's24', name: '总表测试局', year: 2024, figures: [['summary', 'expense.grand_total', 'amount', '0'], ['summary', 'expense.201', 'amount', '3']] },
];

beforeAll(async () => {
  lib = LibraryDb.create(await sqlJs());
  let at = 0;
  const add = (d: StoredDocument, text?: string) => lib.addDocuments([d], 'text', `h${at}-${d.docId}`, text, new Date(Date.UTC(2025, 0, 1, 0, at++)));
  for (const name of readdirSync(seedsDir).sort()) {
    const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, name))), name);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'sample', read.contentHash, read.text, new Date(Date.UTC(2025, 0, 1, 0, at++)));
  }
  for (const file of ['jiangsu-training.json', 'shanghai-training.json']) {
    const docs: GoldDoc[] = JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')).documents;
    docs.forEach((g, i) => add(doc({ id: g.doc_id ?? `${file}-${i}`, code: g.unit_code, name: g.unit_name, year: g.year, scope: g.scope, stage: g.stage, figures: g.figures })));
  }
  const enc = new TextEncoder();
  for (const { budget, final } of budgetsWithFinals({ units: 14, years: 3, seed: 5, firstYear: 2022 })) {
    const r = renderDocument(budget);
    const read = await importFile(enc.encode(r.text), r.fileName);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'text', read.contentHash, read.text, new Date(Date.UTC(2025, 0, 1, 0, at++)));
    // 决算 for some units only: the others are omitted from a 决算 横比, with the reason.
    if (budget.unitIndex % 3) add(stored(`f-${budget.unitCode}-${budget.year}`, { unitCode: final.unitCode, unitName: final.unitName, scope: 'department', stage: 'final', year: final.year }, finalFigures(final)));
    // A 单位 document beside the 部门 one of the first unit.
    if (budget.unitIndex === 0) add(stored(`u-${budget.year}`, { unitCode: budget.unitCode, unitName: `${budget.unitName}本级`, scope: 'unit', stage: 'budget', year: budget.year }, r.figures.map((f) => ({ ...f, rowName: f.rowCode, amount: Math.round(f.amount * 0.6) }))));
  }
  handMade.forEach((s) => add(doc(s)));
});
afterAll(() => lib.close());

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const wanText = (v: number) => `${displayWan(Math.round(v))} 万元`;

/** The 横比 of these columns, each document read on its own, statistics counted out. */
function reference(src: CompareSource, got: PeersResult): Pick<PeersResult, 'rows' | 'mappings'> {
  const mappings = mappingsFor(got.columns.map((c) => c.year));
  const read = got.columns.map((c) => {
    const f = loadFigures(src, [c.docId], 5).get(c.docId)!;
    return { metrics: readMetrics(f), fn: functionClasses(f, c.year, mappings, 5), econ: economicClasses(f) };
  });
  const built = [...metricRows(read.map((r) => r.metrics)), ...classRows('function', read.map((r) => r.fn)), ...classRows('economic', read.map((r) => r.econ))];
  const totals = read.map((r) => r.metrics.get('expense_total')?.amount);
  const rows = built.map(({ values, ...head }): PeerRow => {
    const isTotal = head.key === 'm:income_total' || head.key === 'm:expense_total';
    const shares = values.map((v, i) => (v && !isTotal && totals[i] ? v.amount / totals[i]! : null));
    const basis = isTotal ? values.map((v) => v?.amount ?? null) : shares;
    const pool = basis.filter((b) => b !== null);
    const amounts = values.filter((v) => v !== null).map((v) => v.amount);
    return {
      ...head,
      cells: values.map((value, i) => value && {
        value,
        share: shares[i],
        rank: amounts.length < 2 ? null : 1 + amounts.filter((a) => a > value.amount).length,
        outlier: basis[i] === null ? null : outlierReason(basis[i]!, pool, isTotal ? head.label : '占支出总计', isTotal ? wanText : pct),
      }),
    };
  });
  return { rows, mappings: mappings.filter((m) => rows.some((r) => r.code === m.to && r.cells.some((c) => c?.value.mapped))) };
}

const requests = (): PeersRequest[] => {
  const out: PeersRequest[] = [];
  const selections: PeersRequest['selection'][] = [
    { kind: 'all' }, { kind: 'department', code: '901' }, { kind: 'department', code: '103' },
    { kind: 'units', keys: ['code:901', 'code:903', 'code:543', 'code:103000', 'code:103001', 'name:无此单位'] },
  ];
  for (const year of [2022, 2023, 2024, 'latest', null] as const)
    for (const stage of ['budget', 'final'] as const)
      for (const scope of ['all', 'department', 'unit'] as const)
        for (const selection of selections) out.push({ year, stage, scope, selection });
  return out;
};

describe('横比 against each document read on its own', () => {
  it('has every cell, share, rank, outlier and mapping of the straightforward reading, whole and page by page', () => {
    let cells = 0;
    let mapped = 0;
    let outliers = 0;
    const kinds = new Set<string>();
    for (const req of requests()) {
      const whole = peersQuery(lib.compare, req);
      const want = reference(lib.compare, whole);
      expect(whole.rows, JSON.stringify(req)).toEqual(want.rows);
      expect(whole.mappings).toEqual(want.mappings);
      cells += whole.rows.reduce((s, r) => s + r.cells.filter((c) => c).length, 0);
      mapped += whole.mappings.length;
      for (const c of whole.columns) kinds.add(`${c.stage} ${c.scope}`);
      if (whole.omitted.length) kinds.add('omitted');
      outliers += whole.rows.reduce((s, r) => s + r.cells.filter((c) => c?.outlier).length, 0);
      // The worker's path: the frame kept, each page's cells read for its columns only.
      const frame = peersFrame(lib.compare, req);
      expect(peerColumns(lib.compare, frame, null)).toEqual(whole);
      const orders = [null, 'm:expense_total', 'm:reserve', 'f:201', 'e:301', 'm:no_such_row'];
      for (const order of orders) {
        for (const from of [0, 4, 999]) {
          const page = { from, size: 4, order };
          expect(peerColumns(lib.compare, frame, page), `${JSON.stringify(req)} ${JSON.stringify(page)}`).toEqual(peersPage(whole, page));
        }
      }
    }
    // The library exercises what it is meant to: many cells, the edition mapping, outliers.
    expect(cells).toBeGreaterThan(10_000);
    expect([...kinds].sort()).toEqual(['budget department', 'budget unit', 'final department', 'omitted']);
    expect(mapped).toBeGreaterThan(0);
    expect(outliers).toBeGreaterThan(100);
  });

  it('reads a document again after its figures are rewritten, or it is removed and imported again', () => {
    const req: PeersRequest = { year: 2023, stage: 'budget', scope: 'department', selection: { kind: 'all' } };
    const before = peersQuery(lib.compare, req);
    const target = before.columns.find((c) => c.docId === 'm23')!;
    expect(target).toBeDefined();
    // Rewritten in place (a narrative or profile joining a document), through the figure table.
    lib.db.run(`UPDATE figure SET amount = amount * 3 WHERE doc_id = 'm23' AND table_key = 'expense'`);
    refreshCompared(lib.db, ['m23']);
    const after = peersQuery(lib.compare, req);
    expect(after.rows).toEqual(reference(lib.compare, after).rows);
    const f201 = (r: PeersResult) => r.rows.find((x) => x.key === 'f:201')!.cells[r.columns.indexOf(r.columns.find((c) => c.docId === 'm23')!)]!.value.amount;
    expect(f201(after)).toBe(3 * f201(before));
    // Removed and imported again under the same id, with other figures.
    const [d] = loadStoredDocuments(lib.db, ['m24']);
    lib.removeDocument('m24');
    lib.addDocuments([{ ...d, figures: d.figures.map((f) => ({ ...f, amount: f.amount + 100 })) }], 'text', 'again-m24');
    const latest: PeersRequest = { ...req, year: 2024 };
    const again = peersQuery(lib.compare, latest);
    expect(again.rows).toEqual(reference(lib.compare, again).rows);
    expect(again.rows.find((x) => x.key === 'm:expense_total')!.cells[again.columns.findIndex((c) => c.docId === 'm24')]!.value.amount)
      .toBe(d.figures.find((f) => f.rowCode === 'expense.grand_total')!.amount + 100);
  });
});
