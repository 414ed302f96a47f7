import { describe, expect, it } from 'vitest';
import { formatPct } from '../../../src/lib/compare/change';
import { gridToExcelCsv, peersGrid, yoyGrid } from '../../../src/lib/compare/grid';
import type { PeersResult } from '../../../src/lib/compare/peers';
import type { YoyResult } from '../../../src/lib/compare/yoy';
import { change } from '../../../src/lib/compare/change';

const ref = (name: string) => ({ docId: name, key: `name:${name}`, unitKey: `name:${name}`, unitCode: '', unitName: name, scope: 'unit' as const, stage: 'budget' as const, year: 2023 });

describe('view grids for Excel', () => {
  it('lays out 横比 as on screen, numbers plain, text protected, with a BOM and the sources', () => {
    const result: PeersResult = {
      year: 2023, stage: 'budget', columns: [ref('=甲'), ref('乙')], omitted: [], mappings: [], years: [2023], departments: [],
      rows: [
        { key: 'm:expense_total', label: '支出总计', group: 'metric', depth: 0, parent: null, hasChildren: false,
          cells: [{ value: { amount: -1_234_567_890 }, share: null, rank: 2, outlier: null }, { value: { amount: 5_000_000 }, share: null, rank: 1, outlier: null }] },
        { key: 'f:201', label: '一般公共服务支出', code: '201', group: 'function', depth: 1, parent: null, hasChildren: false,
          cells: [null, { value: { amount: 2_500_000 }, share: 0.5, rank: null, outlier: null }] },
      ],
    };
    const grid = peersGrid(result);
    expect(grid[1]).toEqual(['项目', '编码', '=甲 2023（万元）', '=甲 占支出总计（%）', '=甲 名次', '乙 2023（万元）', '乙 占支出总计（%）', '乙 名次']);
    expect(grid[2].slice(2)).toEqual(['-1234.56789', '', '2', '5.00', '', '1']);
    expect(grid[3]).toEqual(['　一般公共服务支出', '201', '', '', '', '2.50', '50.0', '']);
    expect(grid.at(-1)).toEqual(['来源：=甲 2023年单位预算；乙 2023年单位预算']);
    const csv = gridToExcelCsv(grid);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(",'=甲 2023（万元）,");
    expect(csv).toContain(',-1234.56789,');
  });

  // Issue #16: the page said +9.4% and the CSV 942.7 (the percentage multiplied by 100 twice).
  it('writes 同比 percentages as the page shows them', () => {
    const pairs: [number, number][] = [[1_000_000_000, 1_094_270_000], [100_000_000, 209_123_000], [50_000_000, 30_000_000], [7_000_000, 7_000_000]];
    const result: YoyResult = {
      unit: { key: 'name:甲', code: '', name: '甲', names: ['甲'], members: [], years: [2023, 2024], scopes: ['department'], editions: ['2023 budget department', '2024 budget department'], docCount: 2 },
      stage: 'budget', mappings: [],
      columns: [2023, 2024].map((year) => ({ year, doc: { ...ref('甲'), year }, inferred: false, docCount: 1 })),
      rows: pairs.map(([a, b], i) => ({
        key: `m:${i}`, label: `行${i}`, group: 'metric', depth: 0, parent: null, hasChildren: false,
        cells: [{ value: { amount: a }, change: null, pct: null, status: null }, { value: { amount: b }, ...change(a, b), status: null }],
      })),
    };
    const grid = yoyGrid(result);
    expect(grid[1].slice(5)).toEqual(['2024（万元）', '2024 较上一列增减（万元）', '2024 较上一列增减（%）']);
    const shown = result.rows.map((r) => formatPct(r.cells[1].pct));
    expect(shown).toEqual(['+9.4%', '+109.1%', '−40.0%', '0.0%']);
    expect(grid.slice(2, 6).map((r) => r[7])).toEqual(['9.4', '109.1', '-40.0', '0.0']);
    expect(grid.slice(2, 6).map((r) => r[6])).toEqual(['94.27', '109.123', '-20.00', '0.00']);
  });
});
