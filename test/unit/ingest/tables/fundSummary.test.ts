import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { ParsedDocument, StoredDocument } from '../../../../src/lib/model/document';

/**
 * 西安's 部门综合预算「政府性基金收支总表」 (2019, 2020) and 「政府性基金收支表」 (2022 on), real disclosures
 * outside the corpus: the fund's own table laid out as a 收支总表 (收入 | 预算数 | 支出功能分类 | 预算数 |
 * 部门预算经济分类 | 预算数 | 政府预算经济分类 | 预算数). Its rows were read as the 收支总表's, beside the
 * department's (a row the 收支总表 left out taken for the department's); the name without 总 was
 * unmapped (「表中是经济分类科目」), and the audit said the fund's table was missing.
 */
const HEADER = ['收入\t\t支出', '项目\t预算数\t支出功能分类科目（按大类）\t预算数\t部门预算支出经济分类科目（按大类）\t预算数\t政府预算支出经济分类科目（按大类）\t预算数'];
const ROWS = [
  ['一、政府性基金拨款', '120.00', '一、科学技术', '100.00', '一、人员经费和公用经费支出', '', '一、机关工资福利支出', ''],
  ['', '', '二、文化旅游体育与传媒', '20.00', '工资福利支出', '', '二、机关商品和服务支出', '120.00'],
  ['', '', '三、资源勘探信息等', '0', '商品和服务支出', '', '三、机关资本性支出（一）', '0'],
  ['', '', '四、其他支出', '0', '二、专项业务经费支出', '120.00', '四、其他支出', '0'],
  ['本年收入合计', '120.00', '本年支出合计', '120.00', '本年支出合计', '120.00', '本年支出合计', '120.00'],
];
const SUMMARY = ['2020年部门综合预算收支总表', '单位：万元', '项目\t预算数\t项目\t预算数', '一、一般公共预算拨款收入\t500.00\t一、一般公共服务支出\t500.00',
  '本年收入合计\t500.00\t本年支出合计\t500.00'];
const read = (title: string, rows: readonly (readonly string[])[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', ...SUMMARY, title, '单位：万元', ...HEADER, ...rows.map((c) => c.join('\t')), ''].join('\n'), 'fund.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const figures = (d: ParsedDocument, table: string) => d.figures.filter((f) => f.table === table).map((f) => `${f.rowCode}:${f.column}=${(f.amount / 1e6).toFixed(2)}`);

describe('a fund\'s table laid out as a 收支总表', () => {
  it.each(['2020年部门综合预算政府性基金收支总表', '2022年部门综合预算政府性基金收支表'])('「%s」: its classes by 功能分类 and their 合计, as the fund\'s table', (title) => {
    const d = read(title, ROWS);
    expect(figures(d, 'fund_expense')).toEqual(['206:total=100.00', '207:total=20.00', '215:total=0.00', '229:total=0.00', 'total:total=120.00']);
    // Nothing of it stands in the department's 收支总表.
    expect(figures(d, 'summary')).toEqual(['income.general:amount=500.00', 'expense.201:amount=500.00', 'income.current_total:amount=500.00', 'expense.current_total:amount=500.00']);
    expect(d.tables.find((t) => t.table === 'fund_expense')?.status).toBe('present');
    const said = d.warnings.filter((w) => w.table === 'fund_expense').map((w) => w.message);
    expect(said).toEqual([`「${title}」按收支总表的样式列示：已导入按支出功能分类的各类支出及其合计；收入栏和按经济分类的支出栏是同一笔钱的另一种列法，未导入`]);
  });

  it('its note holds back no check: a 合计 its classes do not make is found', () => {
    const d = read('2020年部门综合预算政府性基金收支总表', ROWS.map((r) => (r[2] === '二、文化旅游体育与传媒' ? [r[0], r[1], r[2], '25.00', ...r.slice(4)] : r)));
    const found = auditDocuments([{ ...d, id: 1, docId: 'd1' } as unknown as StoredDocument])[0].findings.filter((f) => f.table === 'fund_expense' && f.severity === 'error');
    expect(found.map((f) => f.rowCode)).toEqual(['total']);
  });

  it('printed empty: the fund\'s table is seen, empty, and nothing is said unread', () => {
    const d = read('2022年部门综合预算政府性基金收支表', ROWS.map((r) => r.map((c) => (/\d/.test(c) ? '' : c))));
    expect(figures(d, 'fund_expense')).toEqual([]);
    expect(d.tables.find((t) => t.table === 'fund_expense')?.status).toBe('empty');
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('基金'))).toEqual([]);
  });

  it('a fund\'s table of coded rows is read as before', () => {
    const r = readDisclosureText(['部门名称：某某局', ...SUMMARY, '2020年政府性基金预算财政拨款收入支出决算表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '\t合计\t30.00\t\t30.00', '212\t城乡社区支出\t30.00\t\t30.00', ''].join('\n'), 'fund.txt');
    if (!r.ok) throw new Error(r.error);
    expect(figures(r.docs[0], 'fund_expense')).toEqual(['total:total=30.00', 'total:project=30.00', '212:total=30.00', '212:project=30.00']);
  });
});
