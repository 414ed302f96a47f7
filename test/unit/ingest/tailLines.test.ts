import { describe, expect, it } from 'vitest';
import { tailLines } from '../../../src/lib/ingest/tailLines';
import { cutMidRow } from '../../../src/lib/ingest/textDamage';

describe('tailLines: split(\'\\n\') read from the end', () => {
  it.each(['', '\n', 'a', 'a\nb', '\nb', 'a\n', 'a\n\nb', '\n\n\n', '\t合计\t1.00\n\n\t2\n\t201'])('%j, every line, from the end and from the start', (text) => {
    const all = text.split('\n');
    const fromEnd = tailLines(text);
    expect(fromEnd.length).toBe(all.length);
    for (let i = all.length - 1; i >= 0; i--) expect(fromEnd.at(i)).toBe(all[i]);
    const fromStart = tailLines(text);
    expect(all.map((_, i) => fromStart.at(i))).toEqual(all);
  });

  it('refuses a line that is not there', () => {
    expect(() => tailLines('a\nb').at(2)).toThrow(RangeError);
    expect(() => tailLines('a\nb').at(-1)).toThrow(RangeError);
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
