import { describe, expect, it } from 'vitest';
import { readText, seedText } from './variants';

/**
 * A 备注 column after the amounts, its notes in words (「含2023年结转10万元」): every note was reported
 * as 「多出一列无法对应表头的数」. The notes are left without a word; a number in that column, which may
 * be an amount standing a column off, is still reported.
 */
describe('一般公共预算支出表 with a 备注 column', () => {
  const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
  const withNotes = (note: (n: number) => string) => {
    const [h, e] = [seedText.indexOf('## 部门预算一般公共预算财政拨款支出表'), seedText.indexOf('## 部门预算一般公共预算财政拨款基本支出表')];
    let n = 0;
    const region = seedText.slice(h, e).split('\n').map((l) => (l.startsWith('序号\t功能分类科目') ? `${l}\t备注` : /^\d+\t/.test(l) ? `${l}\t${note(n++)}` : l)).join('\n');
    return seedText.slice(0, h) + region + seedText.slice(e);
  };

  it('reads the table as the seed and says nothing of the notes', async () => {
    const [plain, noted] = [await readText(seedText), await readText(withNotes((n) => (n % 2 ? '含2023年结转10万元' : '')))];
    expect(noted.figures.map(key)).toEqual(plain.figures.map(key));
    expect(noted.warnings).toEqual([]);
  });

  it('still reports a number in it', async () => {
    const doc = await readText(withNotes((n) => (n === 3 ? '12.00' : '')));
    expect(doc.warnings.map((w) => w.message)).toEqual([expect.stringContaining('多出一列无法对应表头的数「12.00」')]);
  });
});
