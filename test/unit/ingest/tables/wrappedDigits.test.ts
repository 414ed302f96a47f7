import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 杭州 公安's 2026 一般公共预算支出表 (a real disclosure outside the corpus; amounts as printed): columns
 * too narrow for 「370,219.25」 wrap its last digit onto a line of its own, and the PDF's rows come as
 * three: the cut amounts, the label's row with its other amounts centred, the digits. Before, the 合计
 * and 合计's 基本支出 were lost (two rows 「无法识别科目编码」: 「370,219.2 293,191.8」 and 「5 6」), and so
 * was every 类's whose amounts wrapped.
 */
const read = (rows: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2026年部门预算', '2026年一般公共预算支出预算表', '部门名称：某某局\t单位：万元', ...rows, ''].join('\n'), 'wrapped.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const HEAD = ['科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出', '\t\t\t小计\t人员经费\t日常公用经费\t'];
const ROWS = [
  '\t\t370,219.2\t293,191.8\t\t\t', '\t合计\t\t\t246,458.22\t46,733.64\t77,027.38', '\t\t5\t6\t\t\t',
  '204\t公共安全支出\t370,219.25\t293,191.86\t246,458.22\t46,733.64\t77,027.38',
];
const figures = (d: ParsedDocument, code: string) =>
  Object.fromEntries(d.figures.filter((f) => f.table === 'general_expense' && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
const unread = (d: ParsedDocument) => d.warnings.filter((w) => w.kind === 'unread_row' || w.kind === 'unread_cell').map((w) => w.message);

describe('amounts whose last digit wrapped onto a line of its own', () => {
  it('are joined onto the row between, which keeps its label and its own amounts', () => {
    const d = read([...HEAD, ...ROWS]);
    expect(figures(d, 'total')).toEqual({ total: '370219.25', basic: '293191.86', personnel: '246458.22', public: '46733.64', project: '77027.38' });
    expect(figures(d, '204').total).toBe('370219.25');
    expect(unread(d)).toEqual([]);
  });

  it('are not joined where the row between prints an amount in their column, or the digits stand elsewhere', () => {
    const filled = read([...HEAD, ROWS[0], '\t合计\t1.00\t\t246,458.22\t46,733.64\t77,027.38', ROWS[2], ROWS[3]]);
    expect(figures(filled, 'total').total).toBe('1.00');
    expect(unread(filled).length).toBeGreaterThan(0);
    const elsewhere = read([...HEAD, ROWS[0], ROWS[1], '\t\t\t5\t6\t\t', ROWS[3]]);
    expect(figures(elsewhere, 'total').total).toBeUndefined();
    expect(unread(elsewhere).length).toBeGreaterThan(0);
  });
});
