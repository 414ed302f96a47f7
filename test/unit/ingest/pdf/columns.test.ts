import { describe, expect, it } from 'vitest';
import { columnOf, NUMERIC, tableColumns } from '../../../../src/lib/ingest/pdf/columns';
import type { Fragment } from '../../../../src/lib/ingest/pdf/fragments';
import type { TextLine } from '../../../../src/lib/ingest/pdf/lines';

const frag = (text: string, x0: number, x1: number, y: number): Fragment => ({ text, x0, x1, y, size: 9 });
const line = (y: number, ...fragments: Fragment[]): TextLine => ({ page: 1, y, size: 9, fragments });

describe('PDF table columns', () => {
  it('a short right-aligned amount in a wide cell takes its own header word, not the nearer one of the next cell', () => {
    // A Jiangsu 支出预算总表 as printed on A3 (x positions from the synthetic layout suite): 667.70
    // ends at 897, nearer by centre to 结转下年资金 (1028) than to 单位预留机动经费 (735).
    const header = line(728, frag('合计', 113, 131, 728), frag('基本支出', 282, 318, 728), frag('项目支出', 461, 497, 728),
      frag('单位预留机动经费', 699, 771, 728), frag('结转下年资金', 1001, 1055, 728));
    const data = line(711, frag('5,508.35', 171, 206, 711), frag('1,936.59', 351, 386, 711), frag('2,904.06', 531, 566, 711), frag('667.70', 870, 897, 711));
    const columns = tableColumns([header, data]);
    const at = (f: Fragment) => columnOf(columns, f);
    expect(at(data.fragments[3])).toBe(at(header.fragments[3]));
    expect(at(header.fragments[4])).not.toBe(at(data.fragments[3]));
    expect(columns).toHaveLength(5);
  });

  it('a letter-spaced header word (「金   额」) is one column, 类 | 款 | 项 over their codes are three', () => {
    const header = line(473, frag('功能科目编码', 106, 160, 473), frag('功能科目名称', 266, 320, 473), frag('金', 442, 451, 473), frag('额', 467, 476, 473));
    const rows = [line(453, frag('204', 66, 80, 453), frag('公共安全支出', 217, 271, 453), frag('27,488.23', 487, 530, 453))];
    expect(tableColumns([header, ...rows])).toHaveLength(3);
    const codes = line(390, frag('类', 68, 77, 390), frag('款', 106, 115, 390), frag('项', 143, 152, 390));
    const coded = [line(370, frag('210', 65, 80, 370), frag('11', 106, 116, 370), frag('01', 143, 153, 370), frag('行政单位医疗', 170, 230, 370), frag('1,422,233', 480, 530, 370))];
    expect(tableColumns([codes, ...coded])).toHaveLength(5);
  });

  it('a header word over one column is no group word because of words far left and right on the line below', () => {
    // A 收入预算表 from a text laid out with spaces (places × 5): 财政拨款收入 over its amounts, and on
    // the line below 「类 款 项」 under the codes' header far left and 经营收入 two columns on.
    const p = (text: string, a: number, b: number, y: number) => ({ text, x0: a * 5, x1: b * 5, y, size: 10 });
    const lines: TextLine[] = [
      { page: 1, y: 80, size: 10, fragments: [p('功能分类科目名称', 23, 31, 80), p('合计', 40, 42, 80), p('财政拨款收入', 53, 59, 80), p('事业收入', 70, 74, 80), p('其他收入', 84, 88, 80)] },
      { page: 1, y: 70, size: 10, fragments: [p('类', 0, 1, 70), p('款', 6, 7, 70), p('项', 11, 12, 70), p('经营收入', 77, 81, 70)] },
      { page: 1, y: 60, size: 10, fragments: [p('201', 0, 3, 60), p('一般公共服务支出', 16, 24, 60), p('21,601,733.00', 37, 50, 60), p('21,601,733.00', 53, 66, 60)] },
      { page: 1, y: 50, size: 10, fragments: [p('201', 0, 3, 50), p('13', 6, 8, 50), p('商贸事务', 16, 20, 50), p('21,601,733.00', 37, 50, 50), p('21,601,733.00', 53, 66, 50)] },
    ];
    const columns = tableColumns(lines);
    const at = (f: Fragment) => columnOf(columns, f);
    // Before: 财政拨款收入 counted as a group over 类 … 经营收入, its amounts' column took 事业收入 and
    // 经营收入 as well, and the second amount was read as 事业收入.
    expect(at(lines[2].fragments[3])).toBe(at(lines[0].fragments[2]));
    expect(at(lines[0].fragments[3])).not.toBe(at(lines[0].fragments[2]));
    expect(at(lines[1].fragments[3])).not.toBe(at(lines[0].fragments[2]));
  });

  it('an amount marked 「△」 (a decrease) is an amount, a △ alone or after the digits is not', () => {
    for (const t of ['△12.00', '△1,234.50', '－12', '(12.5)']) expect(NUMERIC.test(t), t).toBe(true);
    for (const t of ['△', '12△', '△△1']) expect(NUMERIC.test(t), t).toBe(false);
  });
});
