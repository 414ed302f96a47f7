import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText } from './variants';

/**
 * A 政府采购预算表 whose categories are columns (项目 | 采购品目 | 合计 | 货物 | 工程 | 服务), each purchase a
 * row, as counties print it beside Jiangsu's rows by category and the national columns by fund. Before,
 * the 合计 row's last amount (服务's) was read as the table's total, silently (80 read as 30); and no
 * check added the table up at all. Now the 合计 row gives the total and each category's, the purchases
 * are reported as detail, and check 16 adds the table up in each of its layouts.
 */
const TITLE = '2025年政府采购预算表';
const page = (rows: readonly string[]) => [TITLE, '部门：某某县财政局', '单位：万元', ...rows, ''].join('\n');
const PURCHASES = ['信息化运维项目\t信息技术服务\t30.00\t\t\t30.00', '办公设备购置\t台式计算机\t30.00\t30.00\t\t', '维修工程\t房屋修缮\t20.00\t\t20.00\t'];
const LAYOUTS = {
  'one header row': ['项目\t采购品目\t合计\t货物\t工程\t服务', '合计\t\t80.00\t30.00\t20.00\t30.00', ...PURCHASES],
  'categories under 采购类别': ['项目\t采购品目\t合计\t采购类别\t\t', '\t\t\t货物\t工程\t服务', '合计\t\t80.00\t30.00\t20.00\t30.00', ...PURCHASES],
};
const procurement = (d: StoredDocument) => Object.fromEntries(d.figures.filter((f) => f.table === 'procurement').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
const findings = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.check === 'procurement').map((f) => `${f.severity} ${f.message}`);

describe('a 政府采购预算表 with its categories as columns', () => {
  for (const [layout, rows] of Object.entries(LAYOUTS)) {
    it(`${layout}: 合计 and each category read from the 合计 row, the purchases said`, async () => {
      const doc = await readText(page(rows));
      expect(procurement(doc)).toEqual({ 'total/total': '80.00', 'goods/total': '30.00', 'works/total': '20.00', 'services/total': '30.00' });
      expect(doc.warnings.map((w) => w.message).filter((m) => m.includes(TITLE))).toEqual([`「${TITLE}」中各项采购的 3 行明细未作为数字导入，只导入了合计和各类别`]);
      expect(findings(doc)).toEqual([]);
    });
  }

  it('check 16: a 合计 that is not 货物 + 工程 + 服务 is an error', async () => {
    const doc = await readText(page(LAYOUTS['one header row'].map((r) => r.replace('合计\t\t80.00\t30.00', '合计\t\t80.00\t31.00'))));
    expect(findings(doc)).toEqual(['error 政府采购预算表 合计行「合计」：合计 80.00，而 货物 31.00 + 工程 20.00 + 服务 30.00 = 81.00（相差 -1.00）。应有：合计 = 货物 + 工程 + 服务']);
  });
});

describe('check 16 on the national layout (合计 and funds as columns, units subtotalled)', () => {
  const national = (rows: readonly string[]) => page([
    '项目名称\t采购品目\t合计\t一般公共预算\t政府性基金预算\t财政专户管理资金\t单位资金',
    ...rows,
  ]);
  const ROWS = [
    '合计\t\t50.00\t40.00\t10.00\t\t', '本级小计\t\t50.00\t40.00\t10.00\t\t',
    '办公设备购置\t台式计算机\t20.00\t20.00\t\t\t', '城乡建设项目\t工程监理\t30.00\t20.00\t10.00\t\t',
  ];

  it('finds nothing where the table adds up', async () => {
    const doc = await readText(national(ROWS));
    expect(procurement(doc)).toMatchObject({ 'total/total': '50.00', 'subtotal.1/total': '50.00', 'item.2/fund': '10.00' });
    expect(findings(doc)).toEqual([]);
  });

  it('a row whose 合计 is not its funds, and a 合计 that is not its units\' 小计', async () => {
    const doc = await readText(national(ROWS.map((r) => r.replace('城乡建设项目\t工程监理\t30.00\t20.00', '城乡建设项目\t工程监理\t30.00\t21.00').replace('合计\t\t50.00\t40.00', '合计\t\t55.00\t45.00'))));
    expect(findings(doc)).toEqual([
      'error 政府采购预算表 item.2 行「城乡建设项目 / 工程监理」：合计 30.00，而 一般公共预算 21.00 + 政府性基金预算 10.00 = 31.00（相差 -1.00）。应有：合计 = 一般公共预算 + 政府性基金预算',
      'error 政府采购预算表 合计行「合计」：合计 55.00，而 本级小计 50.00 = 50.00（相差 5.00）。应有：合计 = 各单位小计之和',
    ]);
  });

  it('without a unit\'s 小计, the 合计 is its purchases\' sum', async () => {
    const rows = ROWS.filter((r) => !r.startsWith('本级小计'));
    expect(findings(await readText(national(rows)))).toEqual([]);
    const off = rows.map((r) => r.replace('办公设备购置\t台式计算机\t20.00\t20.00', '办公设备购置\t台式计算机\t19.00\t19.00'));
    expect(findings(await readText(national(off)))).toEqual([
      'error 政府采购预算表 合计行「合计」：合计 50.00，而 办公设备购置 / 台式计算机 19.00 + 城乡建设项目 / 工程监理 30.00 = 49.00（相差 1.00）。应有：合计 = 各采购项目之和',
    ]);
  });
});

/**
 * 重庆's 2026 政府采购预算明细表: 单位资金's sources in its place (事业收入 | 事业单位经营收入 | 其他收入 …), and
 * 「合 | 计」 letter-spaced over two cells. Before, those sources' amounts were dropped without a word,
 * the 合计 row was a purchase named 「计」, and check 16 found every row short of its 合计 (and the
 * narrative's 政府采购 total half the table's). (Rows as that table prints them, amounts made up.)
 */
describe('a 政府采购预算表 printing 单位资金\'s sources, its 合计 letter-spaced', () => {
  const HEAD = '项目编号\t\t\t项目\t总计\t一般公共预算拨款收入\t政府性基金预算拨款收入\t财政专户管理资金收入\t事业收入\t事业单位经营收入\t其他收入';
  const ROWS = ['\t合\t计\t\t60.00\t30.00\t\t10.00\t12.00\t3.00\t5.00', 'A\t\t\t货物\t40.00\t20.00\t\t10.00\t7.00\t3.00\t', 'B\t\t\t服务\t20.00\t10.00\t\t\t5.00\t\t5.00'];

  it('reads the sources and the 合计, and check 16 adds each row up with them', async () => {
    const doc = await readText(page([HEAD, ...ROWS]));
    expect(procurement(doc)).toMatchObject({ 'total/total': '60.00', 'total/business': '12.00', 'total/operating': '3.00', 'total/other': '5.00', 'item.1/total': '40.00', 'item.2/other': '5.00' });
    expect(findings(doc)).toEqual([]);
    const off = await readText(page([HEAD, ...ROWS.map((r) => r.replace('40.00\t20.00\t\t10.00\t7.00', '40.00\t20.00\t\t10.00\t8.00'))]));
    expect(findings(off)).toContain('error 政府采购预算表 item.1 行「A」：合计 40.00，而 一般公共预算 20.00 + 财政专户管理资金 10.00 + 事业收入 8.00 + 事业单位经营收入 3.00 = 41.00（相差 -1.00）。应有：合计 = 一般公共预算 + 财政专户管理资金 + 事业收入 + 事业单位经营收入 + 其他收入');
  });

  it('says a money column whose head it does not know, once', async () => {
    const doc = await readText(page([HEAD.replace('其他收入', '捐赠收入'), ...ROWS]));
    expect(procurement(doc)['total/other']).toBeUndefined();
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('捐赠收入'))).toEqual([`「${TITLE}」的列「捐赠收入」不是可识别的列名，该列的数未导入`]);
  });
});

/**
 * 烟台's 2026 政府采购预算表 is by 功能分类: 科目编码 (类 | 款 | 项, split) | 科目名称 | 合计 | funds. Its rows
 * were read as three purchases, and check 16 found the 合计 5.80 short of 201 + 20108 + 2010804 (17.40):
 * one amount three times, a 类 and its 款 and 项. Now each row is keyed by its code and the 类 make the
 * 合计. (Rows as that table prints them; the second 类 made up.)
 */
describe('a 政府采购预算表 by 功能分类', () => {
  const HEAD = ['科目编码\t\t\t\t\t财政拨款\t\t', '类\t款\t项\t科目名称\t合计\t小计\t一般公共预算\t单位资金'];
  const ROWS = ['\t\t\t合计\t8.80\t\t3.00\t5.80', '201\t\t\t一般公共服务支出\t5.80\t\t\t5.80', '\t08\t\t审计事务\t5.80\t\t\t5.80', '\t\t04\t审计业务\t5.80\t\t\t5.80', '208\t\t\t社会保障和就业支出\t3.00\t\t3.00\t'];

  it('reads each 科目 by its code, and check 16 adds up the 类', async () => {
    const doc = await readText(page([...HEAD, ...ROWS]));
    expect(procurement(doc)).toMatchObject({ 'total/total': '8.80', '201/total': '5.80', '20108/total': '5.80', '2010804/unit_funds': '5.80', '208/general': '3.00' });
    expect(Object.keys(procurement(doc)).filter((k) => k.startsWith('item.'))).toEqual([]);
    expect(findings(doc)).toEqual([]);
    const off = await readText(page([...HEAD, ...ROWS.map((r) => r.replace('社会保障和就业支出\t3.00\t\t3.00', '社会保障和就业支出\t2.00\t\t2.00'))]));
    expect(findings(off)).toContain('error 政府采购预算表 合计行「合计」：合计 8.80，而 201 一般公共服务支出 5.80 + 208 社会保障和就业支出 2.00 = 7.80（相差 1.00）。应有：合计 = 各类之和');
  });
});
