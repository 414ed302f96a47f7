import { describe, expect, it } from 'vitest';
import { onTableGrid } from '../../../../src/lib/ingest/office/docGrid';

describe('a Word 97 table laid on the grid of its rows\' cell edges', () => {
  it('spreads a merged head over the columns it covers, and leaves text outside tables alone', () => {
    // 「项目 | 支出预算」 over 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 (edges in twips, a few apart).
    const text = '2021年部门支出预算总表\n项目\t支出预算\n编码\t名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t9.00\t8.00\t1.00\n说明';
    const rows = [
      { line: 1, cells: ['项目', '支出预算'], edges: [0, 3000, 9000] },
      { line: 2, cells: ['编码', '名称', '合计', '基本支出', '项目支出'], edges: [0, 1000, 3010, 5000, 7000, 9000] },
      { line: 3, cells: ['201', '一般公共服务支出', '9.00', '8.00', '1.00'], edges: [0, 1000, 3010, 5000, 7000, 9000] },
    ];
    expect(onTableGrid(text, rows).split('\n')).toEqual([
      '2021年部门支出预算总表', '项目\t\t支出预算', '编码\t名称\t合计\t基本支出\t项目支出', '201\t一般公共服务支出\t9.00\t8.00\t1.00', '说明',
    ]);
  });

  it('keeps a cell in the middle of a row spanning two columns in place, the ones after it too', () => {
    const rows = [
      { line: 0, cells: ['序号', '收入', '支出'], edges: [0, 1000, 5000, 9000] },
      { line: 1, cells: ['', '项目', '预算数', '项目', '预算数'], edges: [0, 1000, 3000, 5000, 7000, 9000] },
    ];
    expect(onTableGrid('序号\t收入\t支出\n\t项目\t预算数\t项目\t预算数', rows).split('\n')).toEqual(['序号\t收入\t\t支出', '\t项目\t预算数\t项目\t预算数']);
  });
});
