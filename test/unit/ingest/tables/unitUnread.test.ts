import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';
import { seedText } from './variants';

/**
 * 「单位：」 printed with its unit not read: an OCR'd scan loses a small 「元」 after a colon (ocr/items.ts).
 * Read as the default 万元, a table in 元 came out ten thousand times too large. The table takes the
 * unit its document's other tables state, and says so.
 */
const read = (text: string): ParsedDocument => {
  const r = readDisclosureText(text, 'seed.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
/** The seed with its 收入总表's 「单位：万元」 lines (the 3rd and 4th: it prints two pages) printed as `as`. */
const unitLine = (text: string, as: string) => {
  let i = -1;
  return text.replace(/^单位：(万元|元)$/gm, (line) => (++i === 2 || i === 3 ? as : line));
};
const figures = (d: ParsedDocument) => d.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`).sort();
const unread = (d: ParsedDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('印有「单位：」但没有读出'));

describe('a table whose 「单位：」 came without its unit', () => {
  const inYuan = seedText.replace(/^单位：万元$/gm, '单位：元');

  it('takes the unit of the document’s other tables (元), and says so', () => {
    const stated = read(inYuan);
    const bare = read(unitLine(inYuan, '单位：'));
    expect(figures(bare)).toEqual(figures(stated));
    const [message] = unread(bare);
    expect(message).toMatch(/^「部门预算收入总表」印有「单位：」但没有读出是什么单位，按本文件其他表写明的单位，按「元」读取，请与原件核对$/);
    expect(unread(stated)).toEqual([]);
  });

  it('in 万元 the same; with a 「元」 printed apart in the next cell, that is its unit', () => {
    expect(figures(read(unitLine(seedText, '单位：')))).toEqual(figures(read(seedText)));
    const apart = read(unitLine(inYuan, '单位：\t元'));
    expect(figures(apart)).toEqual(figures(read(inYuan)));
    expect(unread(apart)).toEqual([]);
  });

  it('reads a row of furniture with a speck OCR read as a digit beside it (「预算年度」「单位：」「0」) as furniture', () => {
    const speck = read(unitLine(inYuan, '预算年度：2023\t单位：\t0'));
    expect(figures(speck)).toEqual(figures(read(inYuan)));
    expect(unread(speck)).toHaveLength(1);
    // A digit beside one furniture cell is no speck to pass over: that row stays the table's, and
    // the table printed no unit line (the document's 元 is taken, and said: not its 「单位：」 unread).
    const kept = read(unitLine(inYuan, '单位：\t0'));
    expect(unread(kept)).toEqual([]);
    expect(kept.warnings.map((w) => w.message).filter((m) => m.includes('没有印金额单位'))).toHaveLength(1);
  });

  it('with no table stating a unit, reads 万元 and says there was none to take', () => {
    const none = read(seedText.replace(/^单位：万元$/gm, '单位：'));
    expect(figures(none)).toEqual(figures(read(seedText)));
    expect(unread(none)[0]).toContain('本文件没有其他表写明单位，按「万元」读取');
  });
});

/**
 * A money table printing no unit at all: a scan whose unit line OCR lost whole, a publisher's slip,
 * or a table printing its unit only in its column heads (「合计（元）」). Read as the default 万元, a
 * table of a document in 元 came out ten thousand times too large, and nothing said so.
 */
describe('a table that prints no 「单位：」 line', () => {
  const inYuan = seedText.replace(/^单位：万元$/gm, '单位：元');
  const unprinted = (d: ParsedDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('没有印金额单位'));
  /** The 收入总表's two pages' unit lines left out. */
  const withoutUnit = (text: string) => unitLine(text, '@@').replace(/^@@\n/gm, '');

  it('takes the unit every other table states (元), and says so', () => {
    const bare = read(withoutUnit(inYuan));
    expect(figures(bare)).toEqual(figures(read(inYuan)));
    expect(unprinted(bare)).toEqual(['「部门预算收入总表」没有印金额单位，本文件其他表都写明「元」，按此读取，请与原件核对']);
  });

  it('in a document in 万元 reads the default, with nothing to say', () => {
    const bare = read(withoutUnit(seedText));
    expect(figures(bare)).toEqual(figures(read(seedText)));
    expect(unprinted(bare)).toEqual([]);
  });

  it('where the other tables state two units, takes the one its amounts agree with, and says so', () => {
    // The first table (收支总表, two pages) in 万元, the rest in 元: no unit is every table's. The
    // 收入总表's amounts are the 支出总表's and the 一般公共预算支出表's in 元 (a Shanghai disclosure:
    // tables in 元, the 三公 table in 万元; the default 万元 was ten thousand times off).
    let i = -1;
    const mixed = inYuan.replace(/^单位：元$/gm, (line) => (++i < 2 ? '单位：万元' : line));
    const income = (d: ParsedDocument) => figures(d).filter((f) => f.startsWith('income|'));
    const bare = read(withoutUnit(mixed));
    expect(income(bare)).toEqual(income(read(inYuan)));
    expect(unprinted(bare)).toHaveLength(1);
    expect(unprinted(bare)[0]).toMatch(/^「部门预算收入总表」没有印金额单位，其中 \d+ 个金额与本文件其他表的金额在「元」下相同，按「元」读取，请与原件核对$/);
    // 「单位：」 printed, its unit unread: the nearest table (the 收支总表, in 万元) gave way to the amounts.
    const unitless = read(unitLine(mixed, '单位：'));
    expect(income(unitless)).toEqual(income(read(inYuan)));
    expect(unitless.warnings.map((w) => w.message).filter((m) => m.includes('印有「单位：」但没有读出'))[0]).toMatch(/其中 \d+ 个金额与本文件其他表的金额在「元」下相同，按「元」读取/);
  });

  it('reads the unit its column heads print (「合计（元）」), in a document in 万元 too', () => {
    const inHeads = (text: string) => withoutUnit(text).replace(/^(序号\t功能分类科目\t\t)合计(\t本年收入)/gm, '$1合计（元）$2');
    const income = (d: ParsedDocument) => figures(d).filter((f) => f.startsWith('income|'));
    const heads = read(inHeads(seedText));
    expect(income(heads)).toEqual(income(read(inYuan)));
    expect(unprinted(heads)).toEqual([]);
    expect(income(read(inHeads(inYuan)))).toEqual(income(read(inYuan)));
  });
});
