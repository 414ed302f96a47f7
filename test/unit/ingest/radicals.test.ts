import { describe, expect, it } from 'vitest';
import { foldRadicals, normalizeText } from '../../../src/lib/ingest/normalize';
import { readText, seedText } from './tables/variants';

/**
 * Text copied out of a PDF whose font shares a glyph between a radical and its ideograph (WPS's,
 * Noto CJK) holds Kangxi radicals: 「⼀般公共预算财政拨款⽀出表」, 「部⻔」. The PDF reader folded
 * them; a .txt, or a Word or Excel file, made from such a PDF did not, and the seed so printed read 23
 * figures of 272, every table 「不是可识别的公开表」.
 */
const withRadicals = (s: string) => s.replaceAll('一', '⼀').replaceAll('支', '⽀').replaceAll('入', '⼊').replaceAll('门', '⻔').replaceAll('长', '⻓');

describe('Kangxi radicals in a text', () => {
  it('a disclosure with them reads as the same disclosure without', async () => {
    const plain = await readText(seedText);
    const folded = await readText(withRadicals(seedText));
    expect(folded.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).toEqual(plain.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`));
    expect(folded.warnings.map((w) => w.message)).toEqual(plain.warnings.map((w) => w.message));
    expect(folded.meta.unitName).toBe(plain.meta.unitName);
  });

  it('folds the radicals only: simplified forms as the ideographs they stand for, other text as it is', () => {
    expect(foldRadicals('⼀般公共服务⽀出')).toBe('一般公共服务支出');
    expect(foldRadicals('部⻔⻓')).toBe('部门长');
    const text = '（一）合计：１２．５万元';
    expect(foldRadicals(text)).toBe(text);
    expect(normalizeText('⼀般\r\n')).toBe('一般\n');
  });
});
