import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument, StoredDocument } from '../../../../src/lib/model/document';
import { auditDocuments } from '../../../../src/lib/audit/audit';

/**
 * Heads other provinces print that the national template does not, in tables read in the template's
 * order. One head the reader did not know put every amount right of it under the next head's key,
 * silently (其他资金's under 财政专户, 用事业基金弥补收支差额's under 经营收入). Now a head it knows is read
 * under its own key wherever it stands, and one it does not know is said with its column unread.
 */
function table(title: string, heads: string[], amounts: string[], codes: [string, string][]): string {
  const rows = [['', '合计'], ...codes].map((r) => [...r, ...amounts].join('\t'));
  return [title, '单位：万元', ['科目编码', '科目名称', ...heads].join('\t'), ...rows].join('\n');
}
const FUNCTIONAL: [string, string][] = [['201', '一般公共服务支出'], ['2010101', '行政运行']];
const ECONOMIC: [string, string][] = [['301', '工资福利支出'], ['30101', '基本工资']];

function read(text: string): ParsedDocument {
  const r = readDisclosureText(text, 'heads.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

/** The 合计 row's figures: column → amount in 万元. */
const totals = (doc: ParsedDocument, table: string) =>
  Object.fromEntries(doc.figures.filter((f) => f.table === table && f.rowCode === 'total').map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
const unread = (doc: ParsedDocument) => doc.warnings.filter((w) => w.kind === 'unread_cell').map((w) => w.message);

describe('heads of other layouts', () => {
  it('「一般公共预算财政拨款」 is one head, not 一般公共预算 and 财政拨款 run together', () => {
    const doc = read(table('部门预算收入总表', ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '事业收入', '其他收入'], ['120.00', '100.00', '10.00', '6.00', '4.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '120.00', general: '100.00', fund: '10.00', business: '6.00', other: '4.00' });
  });

  it('「其中：一般公共预算」 under 财政拨款收入 is the general column', () => {
    const doc = read(table('部门预算收入总表', ['收入合计', '财政拨款收入', '其中：一般公共预算', '政府性基金预算', '事业收入', '其他收入'], ['100.00', '70.00', '60.00', '10.00', '20.00', '10.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '100.00', fiscal: '70.00', general: '60.00', fund: '10.00', business: '20.00', other: '10.00' });
  });

  it('an unknown head last: the others read under their heads, its column said', () => {
    const doc = read(table('部门预算收入总表', ['合计', '财政拨款（补助）', '事业收入', '事业单位经营收入', '其他收入', '用事业基金弥补收支差额'], ['100.00', '50.00', '20.00', '10.00', '15.00', '5.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '100.00', fiscal: '50.00', business: '20.00', operating: '10.00', other: '15.00' });
    expect(unread(doc)).toEqual(['「部门预算收入总表」的列「用事业基金弥补收支差额」不是可识别的列名，该列的数未导入']);
  });

  it('an unknown head among known ones: nothing read under the next head', () => {
    const doc = read(table('部门预算收入总表', ['合计', '财政拨款', '其他资金', '纳入专户管理的非税收入'], ['100.00', '70.00', '10.00', '20.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '100.00', fiscal: '70.00', special_account: '20.00' });
    expect(unread(doc)).toEqual(['「部门预算收入总表」的列「其他资金」不是可识别的列名，该列的数未导入']);
    expect(doc.figures.filter((f) => f.table === 'income' && f.column === 'special_account').map((f) => f.amount / 1e6)).toEqual([20, 20, 20]);
  });

  it('「基本支出人员支出」: the group word run into the first head under it is that head (湖州\'s 支出总表)', () => {
    // A real 2026 disclosure outside the corpus prints 基本支出 over 人员支出 | 公用经费 with no 小计, the
    // group's word and its first head in one cell. Before, that cell read as two heads (基本支出 and
    // 人员支出) and the table went in template order: 人员支出's amounts under 基本支出, 公用经费's under
    // 人员经费, 项目支出's under 公用经费, silently.
    const doc = read(table('部门预算支出总表', ['总计', '基本支出人员支出', '公用经费', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出'], ['100.00', '50.00', '10.00', '40.00', '', '', ''], FUNCTIONAL));
    expect(totals(doc, 'expense')).toEqual({ total: '100.00', personnel: '50.00', public: '10.00', project: '40.00' });
    expect(unread(doc)).toEqual([]);
    // 长春 prints the group's 小计 beside it: 小计 | 基本支出人员经费 | 公用经费, the 小计 基本支出's.
    const subtotal = read(table('一般公共预算支出表', ['合计', '小计', '基本支出人员经费', '公用经费', '项目支出'], ['100.00', '60.00', '50.00', '10.00', '40.00'], FUNCTIONAL));
    expect(totals(subtotal, 'general_expense')).toEqual({ total: '100.00', basic: '60.00', personnel: '50.00', public: '10.00', project: '40.00' });
    expect(unread(subtotal)).toEqual([]);
    // Two heads run together stay two: 「合计基本支出」 is 合计 and 基本支出.
    const two = read(table('部门预算支出总表', ['合计基本支出', '项目支出'], ['100.00', '60.00', '40.00'], FUNCTIONAL));
    expect(totals(two, 'expense')).toEqual({ total: '100.00', basic: '60.00', project: '40.00' });
  });

  it('「财政拨款政府性基金预算拨款」: 财政拨款 centred over its budgets, run into the one under it (深圳\'s 收入总表)', () => {
    const doc = read(table('部门预算收入总表', ['收入总计', '一般公共预算拨款', '财政拨款政府性基金预算拨款', '国有资本经营预算拨款', '事业收入', '上年结余、结转'], ['120.00', '100.00', '10.00', '0.00', '5.00', '5.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '120.00', general: '100.00', fund: '10.00', soe: '0.00', business: '5.00', carryover: '5.00' });
    expect(unread(doc)).toEqual([]);
  });

  it('two heads run together over two columns: both said once, the heads right of them read by their words', () => {
    const heads = ['收入总计', '一般公共预算拨款', '事业收入', '单位资金附属单位上缴上级补助收入', '', '其他收入', '上年结转'];
    const doc = read(table('部门预算收入总表', heads, ['120.00', '100.00', '5.00', '2.00', '3.00', '4.00', '6.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '120.00', general: '100.00', business: '5.00', other: '4.00', carryover: '6.00' });
    expect(unread(doc)).toEqual(['「部门预算收入总表」的列「单位资金附属单位上缴上级补助收入」（其下 2 列）不是可识别的列名，这些列的数未导入']);
  });

  it('「基本支出小计」 over nothing is the basic column; 人员支出 and 公用支出 are 人员经费 and 公用经费', () => {
    const general = read(table('一般公共预算财政拨款支出表', ['合计', '基本支出小计', '人员经费', '公用经费', '项目支出'], ['100.00', '60.00', '50.00', '10.00', '40.00'], FUNCTIONAL));
    expect(totals(general, 'general_expense')).toEqual({ total: '100.00', basic: '60.00', personnel: '50.00', public: '10.00', project: '40.00' });
    expect(unread(general)).toEqual([]);
    const basic = read(table('一般公共预算财政拨款基本支出表', ['合计', '公用支出', '人员支出'], ['100.00', '40.00', '60.00'], ECONOMIC));
    expect(totals(basic, 'basic_expense')).toEqual({ total: '100.00', public: '40.00', personnel: '60.00' });
  });

  it('a 财政拨款支出表 that splits each row by the three budgets, not by 基本支出 and 项目支出', () => {
    const doc = read(table('财政拨款支出预算表', ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'], ['100.00', '80.00', '15.00', '5.00'], FUNCTIONAL));
    expect(totals(doc, 'fiscal_expense')).toEqual({ total: '100.00', general: '80.00', fund: '15.00', soe: '5.00' });
    expect(doc.warnings.filter((w) => w.kind)).toEqual([]);
    expect(auditDocuments([{ ...doc, docId: 'd', fileName: 'heads.txt' } as StoredDocument])[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a page that lost a head (nothing over the column) is still read in the template order', () => {
    // Seed 000 prints 其他收入 on its 收入总表's second page only: the first page's cells under no word.
    const doc = read(table('部门预算收入总表', ['合计', '小计', '财政拨款收入', '财政专户管理资金收入', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', ''], ['100.00', '100.00', '90.00', '', '', '', '', '', '10.00'], FUNCTIONAL));
    expect(totals(doc, 'income')).toEqual({ total: '100.00', current_subtotal: '100.00', fiscal: '90.00', other: '10.00' });
    expect(unread(doc)).toEqual([]);
  });
});
