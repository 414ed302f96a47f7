import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { peersQuery } from '../../../src/lib/compare/peers';
import { yoyQuery } from '../../../src/lib/compare/yoy';
import { wan, sqlJs } from './libraries';
import { SHARED } from '../../support/shared';

/** The comparisons on the real seed library, checked against the hand-checked gold figures. */
const shared = SHARED;
type GoldDoc = { file: string; unit_code: string; year: number; figures: [string, string, string, string][] };
const gold: GoldDoc[] = JSON.parse(readFileSync(path.join(shared, 'gold/seeds.json'), 'utf8')).documents;
const goldFig = (code: string, table: string, rowCode: string, column: string) =>
  wan(gold.find((d) => d.unit_code === code)!.figures.find((f) => f[0] === table && f[1] === rowCode && f[2] === column)![3]);

let lib: LibraryDb;
beforeAll(async () => {
  lib = LibraryDb.create(await sqlJs());
  for (const name of readdirSync(path.join(shared, 'seeds')).sort()) {
    const read = await importFile(new Uint8Array(readFileSync(path.join(shared, 'seeds', name))), name);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'sample', read.contentHash, read.text);
  }
});
afterAll(() => lib.close());

describe('comparisons on the seed library', () => {
  it('同比 for 信访局 shows 2024 against 2023 from its narrative', () => {
    const r = yoyQuery(lib.compare, 'code:543')!;
    expect(r.columns.map((c) => [c.year, c.inferred])).toEqual([[2023, true], [2024, false]]);
    const total = r.rows.find((x) => x.key === 'm:expense_total')!;
    const stated = goldFig('543', 'summary', 'expense.grand_total', 'amount');
    const change = goldFig('543', 'facts', 'change_vs_prior', 'amount');
    expect(total.cells.map((c) => c.value?.amount)).toEqual([stated - change, stated]);
    expect(total.cells[1].change).toBe(change);
    expect(total.cells[1].value!.source).toMatchObject({ table: 'summary', rowCode: 'expense.grand_total' });
  });

  it('横比 of the 2023 部门 documents: 202, 455 and 203, totals as gold', () => {
    const r = peersQuery(lib.compare, { year: null, stage: 'budget', scope: 'department', selection: { kind: 'all' } });
    expect(r.year).toBe(2023);
    expect(r.columns.map((c) => c.unitCode)).toEqual(['202', '203', '455']);
    const total = r.rows.find((x) => x.key === 'm:expense_total')!;
    expect(total.cells.map((c) => c!.value.amount)).toEqual(['202', '203', '455'].map((u) => goldFig(u, 'summary', 'expense.grand_total', 'amount')));
    const personnel = r.rows.find((x) => x.key === 'm:personnel')!;
    expect(personnel.cells.map((c) => c!.value.amount)).toEqual(['202', '203', '455'].map((u) => goldFig(u, 'basic_expense', 'total', 'personnel')));
    const cls = r.rows.find((x) => x.key === 'f:210')!;
    expect(cls.cells[1]!.value.amount).toBe(goldFig('203', 'summary', 'expense.210', 'amount'));
  });
});
