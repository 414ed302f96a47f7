import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, reprinted } from './variants';

/**
 * A department's 收入总表 and 支出总表 printed by unit instead of by 科目 (单位编码 | 单位名称 | 合计 |
 * …; a 合计 row, then the department and its units). The real seed 003 with those tables printed so,
 * its 合计 the seed's. Before, the unit codes (543, 543001) were taken for 政府经济分类 codes and the
 * tables were dropped as 「表中是经济分类科目」, their totals with them.
 */
const cells = (d: StoredDocument, table: string) => d.figures.filter((f) => f.table === table).map((f) => `${f.rowCode}/${f.column}=${(f.amount / 1e6).toFixed(2)}`);
const warned = (d: StoredDocument, table: string) => d.warnings.map((w) => w.message).filter((m) => m.includes(table));

describe('收入总表 and 支出总表 printed by unit', () => {
  it('import the 合计 row under its columns and report the units\' rows', async () => {
    const income = reprinted('## 部门预算收入总表', [
      '单位编码\t单位名称\t合计\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t财政专户管理资金收入\t单位资金\t上年结转',
      '\t合计\t1550.13\t1550.13\t\t\t\t\t',
      '543\t信访局（市委群工部）\t1550.13\t1550.13\t\t\t\t\t',
      '543001\t信访局（市委群工部）本级\t1400.13\t1400.13\t\t\t\t\t',
      '543002\t信访服务中心\t150.00\t150.00\t\t\t\t\t',
    ]);
    const doc = await readText(income);
    expect(cells(doc, 'income')).toEqual(['total/total=1550.13', 'total/general=1550.13']);
    expect(warned(doc, '收入总表')).toEqual(['「部门预算收入总表」按单位列示，只导入合计行；3 个单位的行（「543 信访局（市委群工部）」等）未作为科目导入，各单位的数见其单位预算']);
  });

  it('a 栏次 row under 单位名称 (「** | 1 | 2 …」 in 湖州\'s PDF, 「栏次」 here) is no part of its head', async () => {
    const income = reprinted('## 部门预算收入总表', [
      '单位名称\t总计\t一般公共预算\t上年结转',
      '栏次\t1\t2\t3',
      '合计\t1550.13\t1550.13\t',
      '信访局本级\t1400.13\t1400.13\t',
      '信访服务中心\t150.00\t150.00\t',
    ]);
    const doc = await readText(income);
    expect(cells(doc, 'income')).toEqual(['total/total=1550.13', 'total/general=1550.13']);
    expect(warned(doc, '收入总表')).toEqual(['「部门预算收入总表」按单位列示，只导入合计行；2 个单位的行（「信访局本级」等）未作为科目导入，各单位的数见其单位预算']);
  });

  it('支出总表 by unit: 合计 | 基本支出 | 项目支出 of the department, checked as before', async () => {
    const rows = (project: string) => [
      '单位名称\t合计\t基本支出\t项目支出',
      `合计\t1550.13\t1082.00\t${project}`,
      '信访局（市委群工部）本级\t1400.13\t950.00\t450.13',
      '信访服务中心\t150.00\t132.00\t18.00',
    ];
    const doc = await readText(reprinted('## 部门预算支出总表', rows('468.13')));
    expect(cells(doc, 'expense')).toEqual(['total/total=1550.13', 'total/basic=1082.00', 'total/project=468.13']);
    expect(warned(doc, '支出总表')).toHaveLength(1);
    // The 合计 row's own sum is checked: a 项目支出 printed 1.00 off is found.
    const off = await readText(reprinted('## 部门预算支出总表', rows('469.13')));
    const found = auditDocuments([off])[0].findings.filter((f) => f.table === 'expense' && f.severity === 'error');
    expect(found.map((f) => f.rowCode)).toContain('total');
  });

  it('a table by 科目 whose header also names the unit stays a table by 科目', async () => {
    const doc = await readText(reprinted('## 部门预算支出总表', [
      '单位名称\t功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '\t\t合计\t1550.13\t1082.00\t468.13',
      '信访局\t201\t一般公共服务支出\t1237.14\t777.78\t459.36',
    ]));
    expect(warned(doc, '支出总表').filter((m) => m.includes('按单位'))).toEqual([]);
  });

  // 人大 2017's 支出预算总表 (Excel, narrow columns): 「单位预留机动经费」 wrapped as 「单位」 over 「预留机动」
  // over 「经费」, one row of amounts and no label. Its 「单位」 was taken for a unit column: the row was
  // reported as a unit's and none of its amounts was read.
  it('a head wrapped with 「单位」 on its first line is no unit column', async () => {
    const doc = await readText(reprinted('## 部门预算支出总表', [
      '\t\t\t单位\t',
      '\t基\t项目\t\t',
      '合计\t\t\t预留机动\t结转下年资金',
      '\t本支出\t支出\t\t',
      '\t\t\t经费\t',
      '13,649.07\t7,666.68\t5,853.96\t128.43\t',
    ]));
    expect(cells(doc, 'expense')).toEqual(['total/total=13649.07', 'total/basic=7666.68', 'total/project=5853.96', 'total/reserve=128.43']);
    expect(warned(doc, '支出总表')).toEqual([]);
  });
});

/**
 * 深圳's unit budgets (three real 2026 disclosures outside the corpus) print their tables by unit with
 * the unit alone and no 合计: 「预算单位 | 收入总计 | …」 over one row, 「深圳市交通运输局（本级）」, and the
 * 支出总表 and the 支出表 the unit's row over its 科目. Before, that row was 「无法识别科目编码」 and no
 * table had a total: 收入总表 「中的数字都未能读取」, and no check on any 合计.
 */
describe('a unit\'s own row in place of the 合计', () => {
  const text = (unit: string) => ['某某局（本级）2026年部门预算', '',
    '表2 2026年部门收入总表', '部门名称：某某局（本级）\t单位：万元',
    '\t\t\t本年收入\t\t\t',
    '预算单位\t收入总计\t一般公共预算拨款\t财政拨款政府性基金预算拨款\t国有资本经营预算拨款\t其他收入\t上年结余、结转',
    `${unit}\t120.00\t100.00\t10.00\t0.00\t5.00\t5.00`,
    '表3 2026年部门支出总表', '部门名称：某某局（本级）\t单位：万元',
    '预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出',
    `${unit}\t\t\t120.00\t70.00\t50.00`,
    '\t201\t一般公共服务支出\t120.00\t70.00\t50.00',
    '\t2010101\t行政运行\t70.00\t70.00\t',
    '\t2010102\t一般行政管理事务\t50.00\t\t50.00', ''].join('\n');

  it('is the table\'s 合计 where it names the table\'s own unit and no 合计 is printed', async () => {
    const doc = await readText(text('某某局（本级）'));
    expect(cells(doc, 'income')).toEqual(['total/total=120.00', 'total/general=100.00', 'total/fund=10.00', 'total/soe=0.00', 'total/other=5.00', 'total/carryover=5.00']);
    expect(cells(doc, 'expense').filter((c) => c.startsWith('total/'))).toEqual(['total/total=120.00', 'total/basic=70.00', 'total/project=50.00']);
    expect(doc.warnings.map((w) => w.message).filter((m) => /无法识别|未导入|未能读取/.test(m))).toEqual([]);
  });

  it('another unit\'s row is no 合计: said, as before', async () => {
    const doc = await readText(text('某某服务中心'));
    expect(cells(doc, 'income')).toEqual([]);
    expect(cells(doc, 'expense').filter((c) => c.startsWith('total/'))).toEqual([]);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('某某服务中心'))).toHaveLength(2);
  });
});
