import { describe, expect, it } from 'vitest';
import { unitOfMeasure } from '../../../../src/lib/ingest/amounts';
import { FEN_PER_QIAN, FEN_PER_WAN, FEN_PER_YI, FEN_PER_YUAN } from '../../../../src/lib/model/amount';
import type { RawTable } from '../../../../src/lib/model/document';
import { applyProfile } from '../../../../src/lib/profiles/apply';
import { tableSignature } from '../../../../src/lib/profiles/signature';
import type { LayoutProfile } from '../../../../src/lib/profiles/types';
import { readText, seedText } from './variants';

/**
 * A table declaring 千元 or 亿元. Before, 「单位：千元」 was no unit at all and the table was read in
 * 万元: every amount ten times too large, with nothing said. The real seed 003 with its
 * 一般公共预算支出表 declared in each unit, its printed numbers unchanged.
 */
async function declared(unit: string) {
  const lines = seedText.split('\n');
  const at = lines.indexOf('## 部门预算一般公共预算财政拨款支出表');
  const i = lines.findIndex((l, k) => k > at && l === '单位：万元');
  lines[i] = `单位：${unit}`;
  const doc = await readText(lines.join('\n'));
  return { doc, total: doc.figures.find((f) => f.table === 'general_expense' && f.rowCode === 'total' && f.column === 'total')!.amount };
}

describe('money units a table may declare', () => {
  it('reads 千元, 元, 万元 and 亿元 at their worth (the seed prints 合计 1550.13)', async () => {
    const totals = await Promise.all(['千元', '元', '万元', '亿元'].map(async (u) => (await declared(u)).total));
    // 1550.13 千元 = 155.013 万元; 元 = 0.155013 万元; 亿元 = 15,501,300 万元 (fen: 1 万元 = 1,000,000).
    expect(totals).toEqual([155_013_000, 155_013, 1_550_130_000, 15_501_300_000_000]);
  });

  it('a layout profile reads a raw table in the unit it declared', () => {
    const raw: RawTable = { title: '某某专项表', header: [['项目', '金额']], unit: '千元', source: { line: 1 }, body: [['合计', '12.50']] };
    const profile: LayoutProfile = { version: 1, name: '专项', kind: 'general_expense', signature: tableSignature(raw), columns: ['name', 'total'], rows: [] };
    expect(applyProfile(raw, profile).figures.map((f) => [f.rowCode, f.amount])).toEqual([['total', 1_250_000]]);
  });

  it('recognises each way of declaring a unit', () => {
    expect(['单位：千元', '金额单位：千元', '单位（千元）', '单位：亿元', '单位：元', '单位：万元'].map(unitOfMeasure))
      .toEqual([FEN_PER_QIAN, FEN_PER_QIAN, FEN_PER_QIAN, FEN_PER_YI, FEN_PER_YUAN, FEN_PER_WAN]);
    expect(unitOfMeasure('千元以下')).toBeNull();
  });

  // A page printed by LibreOffice from HTML set 「编制部门：X」 left and 「单位：元」 right on one line,
  // a space apart: one cell. The unit was not found and a 元 table was read in 万元, every amount
  // 10,000 times too large.
  it('finds the money unit at the end of the unit\'s line read as one cell', async () => {
    expect(unitOfMeasure('编制部门：某某局 单位：元')).toBe(FEN_PER_YUAN);
    expect(unitOfMeasure('100000 某某局单位：万元')).toBe(FEN_PER_WAN);
    // Not in the middle of a sentence.
    expect(unitOfMeasure('本单位：元旦期间')).toBeNull();
    const lines = seedText.split('\n');
    const at = lines.indexOf('## 部门预算一般公共预算财政拨款支出表');
    const i = lines.findIndex((l, k) => k > at && l === '单位：万元');
    lines[i - 4] = `${lines[i - 4]} 单位：元`;
    lines[i] = '';
    const doc = await readText(lines.join('\n'));
    expect(doc.figures.find((f) => f.table === 'general_expense' && f.rowCode === 'total' && f.column === 'total')!.amount).toBe(155_013);
  });
});

/** Every amount of a table printed with its unit (「1550.13万元」, 「15501300元」): each was 「无法读取」. */
describe('amounts printed with their unit in the cell', () => {
  const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
  const from = seedText.indexOf('# 部门预算收支总表');
  const to = seedText.indexOf('## 部门预算财政拨款收支总表');
  const rewritten = (cell: (whole: string, cents: string) => string) =>
    seedText.slice(0, from) + seedText.slice(from, to).replace(/\t(\d+)\.(\d\d)(?=\t|\n)/g, (_, a: string, b: string) => `\t${cell(a, b)}`) + seedText.slice(to);

  it.each([
    ['万元', (a: string, b: string) => `${a}.${b}万元`],
    ['元', (a: string, b: string) => `${Number(a) * 10000 + Number(b) * 100}元`],
  ])('in %s: the 收支总表, 收入总表 and 支出总表 read as the seed', async (_, cell) => {
    const text = rewritten(cell);
    expect(text).toContain(`\t${cell('1550', '13')}\t`);
    const [plain, printed] = [await readText(seedText), await readText(text)];
    expect(printed.figures.map(key)).toEqual(plain.figures.map(key));
    expect(printed.warnings).toEqual([]);
  });
});
