import { describe, expect, it } from 'vitest';
import { readDisclosureRows } from '../../../../src/lib/ingest';
import type { Row } from '../../../../src/lib/ingest/lines';
import type { ParsedDocument } from '../../../../src/lib/model/document';
import { spreadRunTogether } from '../../../../src/lib/ingest/tables/spreadHeads';
import { headerKey } from '../../../../src/lib/ingest/tables/columns';

/**
 * A table whose columns are hardly wider than their heads (Chromium's print of an HTML table, as a
 * web page's disclosure is saved as PDF): the page reader keeps the heads of three columns as one cell,
 * 「基本支出 项目支出 其中：专项资金」, over the first of them. The rows below are those it gives.
 */
function rows(head: string[], amounts: string[]): Row[] {
  const cells = [['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', ...head], ['', '合计', ...amounts], ['201', '一般公共服务支出', ...amounts], ['2010101', '行政运行', ...amounts]];
  return cells.map((c, i) => ({ cells: c, lines: c.map(() => i + 1), line: i + 1 }));
}

function read(r: Row[]): ParsedDocument {
  const result = readDisclosureRows(r, 'narrow.pdf');
  if (!result.ok) throw new Error(result.error);
  return result.docs[0];
}

const totals = (doc: ParsedDocument) =>
  Object.fromEntries(doc.figures.filter((f) => f.table === 'expense' && f.rowCode === 'total').map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));

describe('heads of neighbouring columns laid out as one cell', () => {
  it('are spread over the blank cells after them: each column under its own head, the unknown one said', () => {
    const doc = read(rows(['合计', '基本支出 项目支出 其中：专项资金', '', ''], ['100.00', '60.00', '40.00', '10.00']));
    // Read in template order before: 其中：专项资金's 10.00 as 经营支出.
    expect(totals(doc)).toEqual({ total: '100.00', basic: '60.00', project: '40.00' });
    expect(doc.warnings.filter((w) => w.kind === 'unread_cell').map((w) => w.message)).toEqual(['「部门预算支出总表」的列「其中：专项资金」不是可识别的列名，该列的数未导入']);
  });

  it('are left as one cell where the words and the blank cells do not match, or fewer than two words name a column', () => {
    const spread = (cells: string[]) => {
      const headers: Row[] = [{ cells, lines: cells.map(() => 1), line: 1 }];
      spreadRunTogether(headers, [headers], (w) => headerKey('expense', w));
      return headers[0].cells;
    };
    expect(spread(['合计', '基本支出 项目支出 其中：专项资金', '', ''])).toEqual(['合计', '基本支出', '项目支出', '其中：专项资金']);
    // Two words, three columns: which two is not told.
    expect(spread(['合计', '基本支出 项目支出', '', ''])).toEqual(['合计', '基本支出 项目支出', '', '']);
    // 「基本 支出」: one head with a space in it; 「合 计」 letter-spaced.
    expect(spread(['基本 支出', '', '项目支出'])).toEqual(['基本 支出', '', '项目支出']);
    expect(spread(['合 计', '', '基本支出'])).toEqual(['合 计', '', '基本支出']);
  });
});
