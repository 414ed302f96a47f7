import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 佛山 轨道交通局's 2019 财政拨款收入支出决算总表 (the national 决算 template, a real disclosure outside the
 * corpus): 行次 columns, 「合计」 printed a column left of its amounts, the fund heads wrapped over two
 * columns each (「政拨款 | 一般公共预算财」), and the header printed again on the next page. The repeated
 * header made its words a column of labels, so each row's 一般公共预算 and 政府性基金 amounts were rows
 * of no name (53 「不是已知的收支项目」 on one table); those amounts were not read.
 */
const HEAD = [
  ['收入', '', '', '', '', '支出'],
  ['项目', '行次', '金额', '项目', '行次', '合计', '', '政拨款', '一般公共预算财', '财政拨款', '政府性基金预算'],
  ['栏次', '', '1', '栏次', '', '2', '', '3', '', '4'],
];
const ROWS = [
  ['一、一般公共预算财政拨款', '1', '1668.14', '一、一般公共服务支出', '28', '', '0.00', '', '0.00', '', '0.00'],
  ['二、政府性基金预算财政拨款', '2', '0.00', '二、社会保障和就业支出', '29', '', '76.23', '', '76.23', '', '0.00'],
  ['', '3', '', '三、交通运输支出', '30', '', '1591.91', '', '1591.91', '', '0.00'],
];
const TAIL = [['本年收入合计', '23', '1668.14', '本年支出合计', '50', '', '1668.14', '', '1668.14', '', '0.00']];
const read = (rows: readonly (readonly string[])[]): ParsedDocument => {
  const r = readDisclosureText(['部门：某某局', '2019年财政拨款收入支出决算总表', '单位：万元', ...rows.map((c) => c.join('\t')), ''].join('\n'), 'final.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const expense = (d: ParsedDocument) => d.figures.filter((f) => f.table === 'fiscal_summary' && f.rowCode.startsWith('expense.')).map((f) => `${f.rowCode.slice(8)}:${f.column}=${(f.amount / 1e6).toFixed(2)}`);

describe('a 决算 财政拨款收支总表 with 行次, its heads a column off, its header printed again', () => {
  it('reads each row\'s 合计, 一般公共预算 and 政府性基金 under their heads', () => {
    const d = read([...HEAD, ...ROWS, ...HEAD, ...TAIL]);
    expect(expense(d)).toEqual([
      '201:total=0.00', '201:general=0.00', '201:fund=0.00', '208:total=76.23', '208:general=76.23', '208:fund=0.00',
      '214:total=1591.91', '214:general=1591.91', '214:fund=0.00', 'current_total:total=1668.14', 'current_total:general=1668.14', 'current_total:fund=0.00',
    ]);
    expect(d.warnings.filter((w) => w.table === 'fiscal_summary').map((w) => w.message)).toEqual([]);
  });

  it('one page: the same', () => {
    expect(expense(read([...HEAD, ...ROWS, ...TAIL]))).toHaveLength(12);
  });

  it('a header standing elsewhere than its amounts (a layout text\'s spacing) keeps the amounts\' order', () => {
    const d = read([['项目', '预算数', '项目', '', '', '合计', '一般公共预算', '政府性基金预算'],
      ['一、一般公共预算资金', '100.00', '一、一般公共服务支出', '60.00', '60.00'], ['', '', '二、科学技术支出', '40.00', '40.00'],
      ['收入总计', '100.00', '支出总计', '100.00', '100.00']]);
    expect(expense(d)).toEqual(['201:total=60.00', '201:general=60.00', '206:total=40.00', '206:general=40.00', 'grand_total:total=100.00', 'grand_total:general=100.00']);
  });
});
