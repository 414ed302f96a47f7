import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readHeaderWords } from '../../../../src/lib/ingest/tables/columns';
import type { Row } from '../../../../src/lib/ingest/lines';

/**
 * Jiangsu's one-row 支出预算总表 (公开03表, 2017–2019) with a head wrapped in its cell over three lines
 * (「单位预留机动经」 over the row of heads, 「费」 under it), as a Word table's PDF prints it. The
 * column had no head, so the heads went in template order from the row's first cell, which is blank:
 * 合计 was read as 基本支出, 基本支出 as 项目支出, and so on (four wrong figures, and four audit errors
 * that were ours).
 */
const table = (heads: readonly string[]) => [
  '公开03表：支出预算总表',
  '部门：江苏省某某院\t单位：万元',
  ...heads,
  '\t21,955.35\t13,994.31\t5,573.00\t2,388.04\t',
].join('\n');

async function expense(text: string): Promise<Record<string, number>> {
  const r = await importFile(new TextEncoder().encode(text), 't.txt');
  if (!r.ok) throw new Error(r.error);
  return Object.fromEntries(r.docs.flatMap((d) => d.figures).filter((f) => f.table === 'expense').map((f) => [f.column, f.amount / 1e6]));
}

const RIGHT = { total: 21955.35, basic: 13994.31, project: 5573, reserve: 2388.04 };

describe('a column head wrapped over header rows', () => {
  it('is read as one head, and the row\'s amounts go under their heads', async () => {
    expect(await expense(table(['\t\t\t\t单位预留机动经\t', '\t合计\t基本支出\t项目支出\t\t结转下年资金', '\t\t\t\t费\t']))).toEqual(RIGHT);
  });

  it('reads as the same head printed on one line', async () => {
    expect(await expense(table(['\t合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金']))).toEqual(RIGHT);
  });

  it('a piece that names a column by itself is not joined to the pieces around it', () => {
    const rows = (cells: string[][]): Row[] => cells.map((c, i) => ({ cells: c, lines: c.map(() => i + 1), line: i + 1 }));
    const wrapped = readHeaderWords('expense', rows([['', '', '单位预留机动经'], ['合计', '基本支出', ''], ['', '', '费']]));
    expect([...wrapped.placed]).toEqual([[0, 'total'], [1, 'basic'], [2, 'reserve']]);
    // 「基本支出」 over 「人员经费」: each names a column of its own; no 「基本支出人员经费」.
    const group = readHeaderWords('expense', rows([['合计', '基本支出'], ['', '人员经费']]));
    expect(group.found.has('personnel')).toBe(true);
    expect([...group.placed]).toEqual([[0, 'total'], [1, 'personnel']]);
  });

  // The national 收入总表 printed by LibreOffice from a web page: 「财政拨款收」 / 「入」 in a narrow cell
  // over a 栏次 row, and the header again on the table's next page. The 栏次 number joined the head
  // (「财政拨款收入5」), and with it gone both pages' pieces did (「财政拨款收入财政拨款收入」): no head,
  // and the keys named elsewhere went in order over the amounts, 财政拨款收入 read as 上年结转.
  it('within one page\'s header, its 栏次 number aside', async () => {
    const head = [
      '序号\t科目编码\t科目名称\t合计\t\t财政拨款收\t事业收入\t上年结转',
      '\t\t\t\t小计\t\t\t',
      '\t\t\t\t\t入\t\t',
      '栏次\t1\t2\t3\t4\t5\t6\t7',
    ];
    const text = ['部门预算收入总表', '100000 某某局', '预算年度：2019', '单位：万元', ...head,
      '1\t\t合计\t300.00\t300.00\t300.00\t\t', '2\t201\t一般公共服务支出\t200.00\t200.00\t200.00\t\t',
      ...head, '3\t208\t社会保障和就业支出\t100.00\t100.00\t100.00\t\t'].join('\n');
    const r = await importFile(new TextEncoder().encode(text), 't.txt');
    if (!r.ok) throw new Error(r.error);
    const cells = r.docs.flatMap((d) => d.figures).filter((f) => f.table === 'income').map((f) => `${f.rowCode}/${f.column}=${f.amount / 1e6}`);
    expect(cells).toEqual(['total/total=300', 'total/current_subtotal=300', 'total/fiscal=300', '201/total=200', '201/current_subtotal=200', '201/fiscal=200', '208/total=100', '208/current_subtotal=100', '208/fiscal=100']);
  });

  // Where a head is not read at all (cut at its cell's edge), the keys named elsewhere in order would
  // give its amounts to the next one: to 上年结转, whose word stands far right over an empty column.
  it('a cell whose head is not read is reported, not given to a key named far from it', async () => {
    const text = ['部门预算收入总表', '100000 某某局', '预算年度：2019', '单位：万元',
      '序号\t科目编码\t科目名称\t合计\t小计\t财政拨款收\t\t\t\t上年结转',
      '1\t\t合计\t300.00\t300.00\t300.00\t\t\t\t', '2\t201\t一般公共服务支出\t300.00\t300.00\t300.00\t\t\t\t'].join('\n');
    const r = await importFile(new TextEncoder().encode(text), 't.txt');
    if (!r.ok) throw new Error(r.error);
    const doc = r.docs[0];
    expect(doc.figures.filter((f) => f.table === 'income').map((f) => `${f.rowCode}/${f.column}`)).toEqual(['total/total', 'total/current_subtotal', '201/total', '201/current_subtotal']);
    // Said once for its column, with the head as printed.
    expect(doc.warnings.map((w) => w.message)).toContain('「部门预算收入总表」的列「财政拨款收」不是可识别的列名，该列的数未导入');
  });
});

// The national 支出总表 as pdftotext writes it and the spaced reader rebuilds it: heads a space apart
// run together (「合计基本支出」「项目支出经营支出」), and a blank cell between each row's name and its
// amounts. The heads named were the second's only, and the keys went from the blank cell: 合计 read as
// 基本支出, 基本支出 as 项目支出 (wrong figures).
describe('heads run together in one cell, a blank cell before the amounts', () => {
  const rows = (cells: string[][]): Row[] => cells.map((c, i) => ({ cells: c, lines: c.map(() => i + 1), line: i + 1 }));

  it('names both heads, and trusts no place', () => {
    const words = readHeaderWords('expense', rows([['序号', '功能分类科目', '', '合计基本支出', '项目支出经营支出', '上解上级支出', '', '对附属单位补助支出']]));
    expect([...words.found].sort()).toEqual(['basic', 'operating', 'project', 'remit_superior', 'subsidy_subordinate', 'total']);
    expect(words.placed.size).toBe(0);
    // One head whose words hold another's at their end stays one head.
    expect([...readHeaderWords('expense', rows([['单位预留机动经费']])).found]).toEqual(['reserve']);
  });

  it('reads the amounts under their heads', async () => {
    const text = ['部门预算支出总表', '100000 某某局\t预算年度：2019\t单位：万元',
      '序号\t功能分类科目\t\t合计基本支出\t项目支出经营支出\t上解上级支出\t\t对附属单位补助支出\t',
      '\t科目编码科目名称\t\t\t\t\t\t\t',
      '1\t合计\t\t6476.51\t2821.04\t3655.47\t\t\t',
      '2\t201 一般公共服务支出\t\t3518.81\t1432.24\t2086.57\t\t\t',
      '3\t20103 政府办公厅（室）及相关机构事务\t\t749.74\t\t749.74\t\t\t'].join('\n');
    const r = await importFile(new TextEncoder().encode(text), 't.txt');
    if (!r.ok) throw new Error(r.error);
    const cells = r.docs.flatMap((d) => d.figures).filter((f) => f.table === 'expense').map((f) => `${f.rowCode}/${f.column}=${f.amount / 1e6}`);
    expect(cells).toEqual(['total/total=6476.51', 'total/basic=2821.04', 'total/project=3655.47', '201/total=3518.81', '201/basic=1432.24', '201/project=2086.57', '20103/total=749.74', '20103/project=749.74']);
  });
});
