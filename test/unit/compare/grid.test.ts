import { describe, expect, it } from 'vitest';
import { gridToExcelCsv, peersGrid } from '../../../src/lib/compare/grid';
import type { PeersResult } from '../../../src/lib/compare/peers';

const ref = (name: string) => ({ docId: name, unitKey: `name:${name}`, unitCode: '', unitName: name, scope: 'unit' as const, stage: 'budget' as const, year: 2023 });

describe('view grids for Excel', () => {
  it('lays out 横比 as on screen, numbers plain, text protected, with a BOM', () => {
    const result: PeersResult = {
      year: 2023, columns: [ref('=甲'), ref('乙')], mappings: [], years: [2023], departments: [],
      rows: [
        { key: 'm:expense_total', label: '支出总计', group: 'metric', depth: 0, parent: null, hasChildren: false,
          cells: [{ value: { amount: -1_234_567_890 }, share: null, rank: 2, outlier: null }, { value: { amount: 5_000_000 }, share: null, rank: 1, outlier: null }] },
        { key: 'f:201', label: '一般公共服务支出', code: '201', group: 'function', depth: 1, parent: null, hasChildren: false,
          cells: [null, { value: { amount: 2_500_000 }, share: 0.5, rank: 1, outlier: null }] },
      ],
    };
    const grid = peersGrid(result);
    expect(grid[1]).toEqual(['项目', '编码', '=甲（万元）', '=甲 占比%', '=甲 名次', '乙（万元）', '乙 占比%', '乙 名次']);
    expect(grid[2].slice(2)).toEqual(['-1234.56789', '', '2', '5.00', '', '1']);
    expect(grid[3]).toEqual(['　一般公共服务支出', '201', '', '', '', '2.50', '50.0', '1']);
    const csv = gridToExcelCsv(grid);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(",'=甲（万元）,");
    expect(csv).toContain(',-1234.56789,');
  });
});
