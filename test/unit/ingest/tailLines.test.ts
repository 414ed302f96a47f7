import { describe, expect, it } from 'vitest';
import { tailLines } from '../../../src/lib/ingest/tailLines';
import { cutMidRow } from '../../../src/lib/ingest/textDamage';

describe('tailLines: split(\'\\n\') read from the end', () => {
  it.each(['', '\n', 'a', 'a\nb', '\nb', 'a\n', 'a\n\nb', '\n\n\n', '\t合计\t1.00\n\n\t2\n\t201'])('%j, every line from the end, and its number', (text) => {
    const all = text.split('\n');
    const lines = tailLines(text);
    for (let r = 0; r < all.length; r++) {
      expect(lines.fromEnd(r)).toBe(all[all.length - 1 - r]);
      expect(lines.lineNumber(r)).toBe(all.length - r);
    }
    expect(lines.fromEnd(all.length)).toBeUndefined();
    expect(lines.fromEnd(all.length + 3)).toBeUndefined();
  });

  it('a late line asked for first, then an earlier one, then the late one again', () => {
    const lines = tailLines('a\nb\nc\nd');
    expect(lines.fromEnd(2)).toBe('b');
    expect(lines.fromEnd(0)).toBe('d');
    expect(lines.fromEnd(3)).toBe('a');
    expect(lines.fromEnd(1)).toBe('c');
  });
});

describe('cutMidRow reads the same lines with CR LF as with LF', () => {
  it.each([
    { text: '\t1\n\t201\n\t一般公共服务支出\n\t175.11\n\n\t2\n\t202', line: 7 },
    { text: '项目\t金额\n合计\t1.00\n一般\t', line: 3 },
    { text: '说明\n二、部门收支预算总表', line: 2 },
    { text: '说明。\n', line: null },
  ])('$text', ({ text, line }) => {
    expect(cutMidRow(text)?.source?.line ?? null).toBe(line);
    expect(cutMidRow(text.replace(/\n/g, '\r\n'))?.source?.line ?? null).toBe(line);
  });
});

/**
 * cutMidRow as it was before tailLines counted from the end (every line of the body split, its lines
 * numbered from the start): the reference the lazy reading is held to.
 */
function cutMidRowBySplit(text: string): number | null {
  let cut0 = text.length;
  while (cut0 > 0 && (text[cut0 - 1] === '\n' || text[cut0 - 1] === '\r')) cut0--;
  const ends = text.slice(cut0);
  if (ends.replace(/\r\n/g, '\n').length > 1) return null;
  const lines = text.slice(0, cut0).split(/\r\n|\r|\n/);
  const blank = (line: string) => !line.includes('\t') && line.trim() === '';
  let lastAt = lines.length - 1;
  while (lastAt > 0 && blank(lines[lastAt])) lastAt--;
  const last = lines[lastAt];
  const ended = ends.length > 0 || lastAt < lines.length - 1;
  let cut: boolean;
  if (/表$/.test(last.trim()) && last.trim().length <= 80) {
    cut = true;
  } else if (!last.includes('\t')) {
    const words = last.trim();
    cut = !ended && words.length > 0 && !/[。！？!?；;」』）)\]】”’"'…%日年月号]$/.test(words);
  } else if (/^\t[^\t]*$/.test(last)) {
    let k = lastAt;
    while (k > 0 && !blank(lines[k - 1])) k--;
    let j = k - 1;
    while (j > 0 && blank(lines[j])) j--;
    let before = 0;
    while (j >= 0 && !blank(lines[j])) (before++, j--);
    cut = !ended || (before > 0 && lastAt - k + 1 < before);
  } else {
    let j = lastAt - 1;
    while (j >= 0 && blank(lines[j])) j--;
    cut = !/\d/.test(last) || j < 0 || !lines[j].includes('\t') || last.split('\t').length < lines[j].split('\t').length;
  }
  return cut ? lastAt + 1 : null;
}

describe('cutMidRow, reading lines from the end, names the line the whole split named', () => {
  const pieces = ['\t', '\n', '\n\n', '\r\n', '\r', ' ', '合计', '1.00', '201', '部门收支总表', '。', '\t\t', '\n\t', 'x'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  it('on 5,000 random texts', () => {
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = rnd(40); k > 0; k--) text += pieces[rnd(pieces.length)];
      expect(cutMidRow(text)?.source?.line ?? null, JSON.stringify(text)).toBe(cutMidRowBySplit(text));
    }
  });
});
