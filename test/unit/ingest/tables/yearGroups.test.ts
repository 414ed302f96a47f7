import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';
import { auditDocuments } from '../../../../src/lib/audit/audit';

/**
 * 长春's 2026 budget prints its 支出表 twice over under the same heads, this year's budget and what
 * last year carried over (合计 | 当年预算: 小计 | 基本支出 | 项目支出 | 事业单位经营支出 | 上年结转结余: 小计 |
 * …), its 合计 row as 「总计：」, and amounts too wide for their columns wrapped (「1682.7」 over 「6」). Read
 * before: the 当年 小计 went in as 上年结转, the 结转 group said cell by cell (251 warnings), the 合计 row
 * unread, and the 基本支出表's 合计 taken for 人员经费. (Rows as that document prints them, amounts made up.)
 */
const GROUPS = ['\t\t\t\t当年预算\t\t\t\t上年结转结余\t\t', '科目编码\t功能分类科目名称\t合计\t小计\t基本支出\t项目支出\t事业单位经营支出\t小计\t基本支出\t项目支出\t事业单位经营支出'];
const expense = (rows: string[]) => ['支出总表（预算表 3）', '预算单位：某某局\t单位：万元', ...GROUPS, ...rows].join('\n');
const ROWS = [
  '\t总计：\t130.50\t120.50\t100.2 0\t20.30\t0.00\t10.00\t4.00\t6.00\t0.00',
  '201\t一般公共服务支出\t130.50\t120.50\t100.20\t20.30\t0.00\t10.00\t4.00\t6.00\t0.00',
  '2010101\t行政运行\t104.20\t100.20\t100.20\t0.00\t0.00\t4.00\t4.00\t0.00\t0.00',
  '2010102\t一般行政管理事务\t26.30\t20.30\t0.00\t20.30\t0.00\t6.00\t0.00\t6.00\t0.00',
];

function read(text: string): ParsedDocument {
  const r = readDisclosureText(text, 'groups.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}
const figures = (d: ParsedDocument, table: string) =>
  Object.fromEntries(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('a 支出表 printed as this year\'s budget and last year\'s carried over, under the same heads', () => {
  it('adds the two groups up column by column, exactly, and reads the table as the national one', () => {
    const doc = read(expense(ROWS));
    expect(figures(doc, 'expense')).toMatchObject({
      'total/total': '130.50', 'total/basic': '104.20', 'total/project': '26.30',
      '2010101/basic': '104.20', '2010102/project': '26.30', '2010102/total': '26.30',
    });
    expect(Object.keys(figures(doc, 'expense')).some((k) => k.endsWith('/carryover'))).toBe(false);
    const said = doc.warnings.map((w) => w.message);
    expect(said).toContain('「支出总表（预算表 3）」按当年预算和「上年结转结余」分两组列示，两组同名的列已逐行相加为全年的数');
    expect(said.filter((m) => m.includes('多出一列'))).toEqual([]);
    const errors = auditDocuments([{ ...doc, id: 'g', fileName: 'groups.txt', sourceText: '' } as never])[0].findings.filter((f) => f.table === 'expense' && f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('leaves a table with a cell that is no amount as printed, and a header without the carried-over word alone', () => {
    const bad = read(expense(ROWS.map((r) => (r.startsWith('2010102') ? r.replace('\t0.00\t20.30\t0.00\t6.00', '\t0.00\t20.3x\t0.00\t6.00') : r))));
    expect(bad.warnings.some((w) => w.message.includes('分两组列示'))).toBe(false);
    expect(figures(bad, 'expense')['2010101/basic']).not.toBe('104.20');
    const plain = read(expense(ROWS).replace('上年结转结余', '另一组'));
    expect(plain.warnings.some((w) => w.message.includes('分两组列示'))).toBe(false);
  });
});
