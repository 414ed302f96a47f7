import { describe, expect, it } from 'vitest';
import { procurementAcross, readTitle, titleOf } from '../../../src/lib/ingest/titles';

let seed = 1201;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const pick = (pieces: readonly string[], most: number) => Array.from({ length: rnd(most + 1) }, () => pieces[rnd(pieces.length)]).join('');

describe('titleOf remembers each title text it read (issue #17)', () => {
  const pieces = ['一、', '公开01表', '2023年', '2023 年', '某某局', '部门', '单位', '预算', '决算', '收支', '收入', '支出', '总表', '表', '财政拨款',
    '一般公共预算', '基本支出', '政府性基金', '“三公”经费', '政府采购', '（功能科目）', '（续）', ' ', '。', '：', '绩效目标', '情况说明'];
  it('gives what reading the text afresh gives, every time, as an object of its own', () => {
    let titles = 0;
    for (let i = 0; i < 3000; i++) {
      const text = pick(pieces, 6);
      const want = readTitle(text);
      const first = titleOf(text);
      const again = titleOf(text);
      expect(first, text).toEqual(/表|政府采购/.test(text) ? want : null);
      expect(again, text).toEqual(first);
      if (first) {
        titles++;
        expect(again).not.toBe(first);
        first.title = 'changed by a caller';
        expect(titleOf(text)?.title).toBe(want?.title);
      }
    }
    expect(titles).toBeGreaterThan(100);
  });
});

describe('procurementAcross: 「政府采购」 broken over two lines', () => {
  const pieces = ['政', '府', '采', '购', '政府', '采购', '府采', '政府采', '府采购', '局', '单位', '表'];
  it('says what the last three and first three characters joined say, for lines that do not hold it whole', () => {
    let across = 0;
    for (let i = 0; i < 5000; i++) {
      const a = pick(pieces, 4);
      const b = pick(pieces, 4);
      if (a.includes('政府采购') || b.includes('政府采购')) continue;
      const want = `${a.slice(-3)}${b.slice(0, 3)}`.includes('政府采购');
      if (want) across++;
      expect(procurementAcross(a, b), `${a} | ${b}`).toBe(want);
    }
    expect(across).toBeGreaterThan(30);
  });
});
