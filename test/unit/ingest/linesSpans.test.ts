import { describe, expect, it } from 'vitest';
import { toRows, toRowsIfPlain } from '../../../src/lib/ingest/lines';
import { CONTROL_CHARS } from '../../../src/lib/ingest/decode';
import { isPlainText, isUnplainCode, NORMALIZED_CHARS } from '../../../src/lib/ingest/normalize';
import { toRowsBySplit } from '../../../src/lib/ingest/linesBySplit';

/**
 * toRows reads lines as offsets into the text in one pass (issue #17); toRowsBySplit is the reading it
 * replaced, line strings from split('\n'). Both must give the same rows, cells and line numbers.
 */
describe('toRows gives the rows toRowsBySplit gives', () => {
  // Pieces that take every branch: both layouts, wrapped cells, blank and whitespace-only lines, lone
  // tabs, trailing tabs, spaces standing for tabs, markdown and bookmarks to clean, CR, odd spaces.
  const pieces = ['\t', '\t\t', '\n', '\n\n', ' ', '  ', '   ', '\r', '\u3000', '\u00a0', '合计', '一般公共服务支出', '201',
    '20101', '894.53', '1,234.00', '**', '# ', '## 标题', '[bookmark: _GoBack]', '*', '[', '- ', '。', '表', '部门收支总表', 'x'];
  let seed = 20261201;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  const randomText = () => {
    let s = '';
    const len = rnd(60);
    for (let i = 0; i < len; i++) s += pieces[rnd(pieces.length)];
    return s;
  };
  const view = (text: string) => toRows(text).map((r) => ({ ...r }));
  const reference = (text: string) => toRowsBySplit(text).map((r) => ({ ...r }));

  it('on the edge cases', () => {
    for (const text of ['', '\n', '\t', '\t\n', 'a', 'a\n', '\n\ta\n', '\ta\t\t\n\tb\tc\n', '  a  b\n  c  d\n', 'x\n\ta\nwrapped\t\n\n\tb']) {
      expect(view(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('on 5,000 random texts', () => {
    for (let i = 0; i < 5000; i++) {
      const text = randomText();
      expect(view(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('on random tables in either layout, cut at random places', () => {
    for (let i = 0; i < 300; i++) {
      const rows = Array.from({ length: 1 + rnd(8) }, () => Array.from({ length: 1 + rnd(6) }, () => (rnd(3) ? randomText().replace(/[\t\n]/g, '') : '')));
      const tab = rows.map((r) => r.join('\t')).join('\n');
      const cells = rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
      for (const text of [tab, cells, `标题\n${cells}`, tab.replace(/\t/g, '  ')]) {
        const cut = text.slice(0, rnd(text.length + 1));
        expect(view(cut), JSON.stringify(cut)).toEqual(reference(cut));
      }
    }
  });
});

/**
 * toRowsIfPlain reads the rows and answers isPlainText in the same scan (issue #17): rows where
 * isPlainText passes the text, null where it does not.
 */
describe('toRowsIfPlain gives toRows where isPlainText passes the text, else null', () => {
  it('on every UTF-16 code unit', () => {
    const pattern = new RegExp(`[${CONTROL_CHARS}${NORMALIZED_CHARS}]`);
    for (let c = 0; c < 0x10000; c++) expect(isUnplainCode(c), c.toString(16)).toBe(pattern.test(String.fromCharCode(c)));
  });

  it('on 5,000 random texts with odd characters anywhere', () => {
    const pieces = ['\t', '\n', '\n\n', ' ', '  ', '合计', '201', '894.53', '**', '# ', '[', '\r', '\r\n', '\u3000', '\u00a0', '\f', '\v',
      '\u0001', '\u007f', '\ufeff', '\ufffd', '\uff11', '\u200b', '\u2028', '\u1680', '\u2001', '。', 'x'];
    let seed = 99;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
    let plain = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = rnd(40); k > 0; k--) text += pieces[rnd(pieces.length)] + (rnd(3) ? '' : pieces[rnd(5)]);
      const want = isPlainText(text) ? toRows(text) : null;
      if (want) plain++;
      expect(toRowsIfPlain(text), JSON.stringify(text)).toEqual(want);
    }
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(4700);
  });
});
