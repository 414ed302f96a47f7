import { describe, expect, it } from 'vitest';
import { controlRatio } from '../../../src/lib/ingest/decode';
import { cleanCell, compact, isPlainText, isSpaceCode, normalizeText } from '../../../src/lib/ingest/normalize';

/**
 * The five replacements normalizeText's one pass stands for (issue 17), as they were written, with
 * the full-width point among the digits since (issue 10: 「１８１．１７万元」 was read in no sentence).
 */
const byReplacements = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFF0E\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');

/** A small deterministic generator, so a failure names its seed. */
function randomText(seed: number, length: number): string {
  const alphabet = ['a', '1', '\t', '\n', '\r', '\r\n', '\uFEFF', '\uFF10', '\uFF19', '\uFF0E', '\u3000', '\u00A0', '\u2002', '\u200A', '\u202F', '\u200B', '\u200D', '\u2060', '合', '计', ' ', '（', '，', '\u2001', '\u200E', '\uFF1A'];
  let s = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += alphabet[x % alphabet.length];
  }
  return s;
}

describe('normalizeText: one pass over the text', () => {
  it.each([
    { name: 'BOM', text: '\uFEFF收支总表', expected: '收支总表' },
    { name: 'CRLF and lone CR', text: 'a\r\nb\rc\n', expected: 'a\nb\nc\n' },
    { name: 'CR before LF only once', text: '\r\r\n', expected: '\n\n' },
    { name: 'full-width digits', text: '２０２３年 １,２３４.５６', expected: '2023年 1,234.56' },
    { name: 'ideographic, no-break and narrow spaces', text: '项\u3000目\u00A0a\u2002b\u200Ac\u202Fd', expected: '项 目 a b c d' },
    { name: 'zero-width characters and a BOM inside', text: '合\u200B计\u200C\u200D\u2060\uFEFF', expected: '合计' },
    { name: 'CR, then a zero-width character, then LF', text: 'a\r\u200B\nb', expected: 'a\n\nb' },
    { name: 'full-width digits and point; other full-width punctuation stays', text: '（一）１．２，３：', expected: '（一）1.2，3：' },
    { name: 'text with nothing to do', text: '一般公共服务支出\t894.53', expected: '一般公共服务支出\t894.53' },
  ])('$name', ({ text, expected }) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it('gives what the five replacements gave, on random texts of every special character', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 1 + (seed % 40));
      expect(normalizeText(text), `seed ${seed}`).toBe(byReplacements(text));
    }
  });
});

describe('isSpaceCode', () => {
  it('is whitespace exactly where \\s is, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('cleanCell and compact without regular expressions on plain cells', () => {
  it.each([
    { raw: '', clean: '', compacted: '' },
    { raw: '一般公共服务支出', clean: '一般公共服务支出', compacted: '一般公共服务支出' },
    { raw: '  项  目 ', clean: '项 目', compacted: '项目' },
    { raw: '项\u3000目', clean: '项 目', compacted: '项目' },
    { raw: '**合计**', clean: '合计', compacted: '**合计**' },
    { raw: '## 一、部门概况', clean: '一、部门概况', compacted: '##一、部门概况' },
    { raw: '#1', clean: '1', compacted: '#1' },
    { raw: '[bookmark: _GoBack]说明', clean: '说明', compacted: '[bookmark:_GoBack]说明' },
    { raw: '[1]', clean: '[1]', compacted: '[1]' },
    { raw: '1,234.56', clean: '1,234.56', compacted: '1,234.56' },
  ])('「$raw」', ({ raw, clean, compacted }) => {
    expect(cleanCell(raw)).toBe(clean);
    expect(compact(raw)).toBe(compacted);
  });
});

describe('isPlainText: one scan for controlRatio and normalizeText', () => {
  const pieces = ['a', '合计', '1.00', '\t', '\n', ' ', '\r', '\r\n', '\u0000', '\u0007', '\u000B', '\u000C', '\u001F', '\u007F', '\uFFFD', '１',
    '\u3000', '\u00A0', '\u2002', '\u200B', '\u200D', '\u202F', '\u2060', '\uFEFF', '\u2028', '（', '。'];
  let seed = 31;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  it('a plain text has no control character and normalizes to itself; any other has one or changes', () => {
    let plain = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = rnd(8); k > 0; k--) text += pieces[rnd(pieces.length)];
      const untouched = controlRatio(text) === 0 && normalizeText(text) === text;
      expect(isPlainText(text), JSON.stringify(text)).toBe(untouched);
      if (untouched) plain++;
    }
    expect(plain).toBeGreaterThan(100);
  });
});
