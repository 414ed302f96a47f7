import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';
import { peersQuery, type PeersRequest } from '../../../src/lib/compare/peers';
import { columnOrder, pageStart, peersPage } from '../../../src/lib/compare/peersPage';
import { library, type DocSpec } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));
const base: PeersRequest = { year: 2023, stage: 'budget', scope: 'department', selection: { kind: 'all' } };

// Seven units; unit 105 lacks 项目支出, so it sorts last by that row.
const units: DocSpec[] = ['30', '70', '10', '50', '0', '60', '20'].map((total, i) => ({
  id: `d${i}`, code: `10${i}`, name: `单位10${i}`, year: 2023,
  figures: [['summary', 'expense.grand_total', 'amount', String(100 + Number(total))], ...(i === 4 ? [] : [['expense', 'total', 'project', total]] as DocSpec['figures'])],
}));

describe('a page of a 横比', () => {
  it('is the whole answer\'s columns in the chosen order, sliced, with cells, ranks and outliers of all of them', async () => {
    const l = await library(units);
    open.push(l);
    const all = peersQuery(l.compare, base);
    expect(all.columns).toHaveLength(7);
    for (const order of [null, 'm:project']) {
      const idx = columnOrder(all, order);
      for (const from of [0, 3, 6]) {
        const p = peersPage(all, { from, size: 3, order });
        const start = pageStart(from, 7, 3);
        const want = idx.slice(start, start + 3);
        expect(p.page).toEqual({ from: start, total: 7, docIds: all.columns.map((c) => c.docId) });
        expect(p.columns).toEqual(want.map((i) => all.columns[i]));
        for (const [r, row] of p.rows.entries()) expect(row.cells).toEqual(want.map((i) => all.rows[r].cells[i]));
      }
    }
    // By 项目支出, largest first; the unit without the row last.
    const byProject = peersPage(all, { from: 0, size: 7, order: 'm:project' });
    expect(byProject.columns.map((c) => c.unitCode)).toEqual(['101', '105', '103', '100', '106', '102', '104']);
    // Ranks are among all seven, not the page: the largest is 第 1 名 on its page.
    const top = peersPage(all, { from: 0, size: 3, order: 'm:project' });
    expect(top.rows.find((r) => r.key === 'm:project')!.cells.map((c) => c!.rank)).toEqual([1, 2, 3]);
    const next = peersPage(all, { from: 3, size: 3, order: 'm:project' });
    expect(next.rows.find((r) => r.key === 'm:project')!.cells.map((c) => c!.rank)).toEqual([4, 5, 6]);
  });

  it('starts at a page boundary and shows the last page for a start past the end', () => {
    expect(pageStart(0, 47, 40)).toBe(0);
    expect(pageStart(40, 47, 40)).toBe(40);
    expect(pageStart(45, 47, 40)).toBe(40);
    expect(pageStart(400, 47, 40)).toBe(40);
    expect(pageStart(80, 80, 40)).toBe(40);
    expect(pageStart(5, 0, 40)).toBe(0);
  });
});
