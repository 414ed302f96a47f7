import { describe, expect, it } from 'vitest';
import { toReading, type DisplayedRun } from '../../../../src/lib/ingest/pdf/orient';
import { readPdfPages } from '../../../../src/lib/ingest/pdf/read';
import { joinTouchingRuns } from '../../../../src/lib/ingest/pdf/runs';
import type { PdfPageText, PdfTextItem } from '../../../../src/lib/ingest/pdf/types';
import { page, pieces, run } from './pageItems';

// A 一般公共预算财政拨款支出表 of our own: code, name, 合计 | 基本支出 | 项目支出, amounts right-aligned.
const ROWS: [string, string, string, string, string][] = [
  ['', '合计', '1,550.13', '1,082.00', '468.13'],
  ['201', '一般公共服务支出', '1,237.14', '777.78', '459.36'],
  ['20140', '信访事务', '1,237.14', '777.78', '459.36'],
  ['2014001', '行政运行', '692.95', '692.95', ''],
  ['2014004', '信访业务', '440.16', '', '440.16'],
  ['2014099', '其他信访事务支出', '104.03', '84.83', '19.20'],
  ['208', '社会保障和就业支出', '313.00', '304.23', '8.77'],
  ['20805', '行政事业单位养老支出', '313.00', '304.23', '8.77'],
  ['2080501', '行政单位离退休', '304.23', '304.23', ''],
  ['2080507', '对机关事业单位基本养老保险基金的补助', '8.77', '', '8.77'],
];
const AMOUNT_RIGHT = [420, 500, 580];

/** The table's page; `split` cuts a code or an amount into touching runs (none: each one run). */
function tablePage(split: (text: string, item: PdfTextItem) => PdfTextItem[] = (_, i) => [i]): PdfPageText {
  const items: PdfTextItem[] = [
    run('2024年部门预算一般公共预算财政拨款支出表', 250, 540, { size: 14 }),
    run('编制部门：某某局', 60, 515), run('单位：万元', 720, 515),
    run('科目编码', 60, 490), run('科目名称', 180, 490), run('合计', 402, 490), run('基本支出', 464, 490), run('项目支出', 544, 490),
  ];
  ROWS.forEach(([code, name, ...amounts], i) => {
    const y = 470 - 18 * i;
    if (code) items.push(...split(code, run(code, 60, y)));
    items.push(run(name, 130, y));
    amounts.forEach((a, j) => a && items.push(...split(a, run(a, AMOUNT_RIGHT[j], y, { right: true }))));
  });
  return page(items);
}

const figures = (p: PdfPageText) => {
  const r = readPdfPages([p], 't.pdf');
  if (!r.ok) throw new Error(r.error);
  return r.docs.flatMap((d) => d.figures).map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`).sort();
};

/** Every digit group a run of its own, as the producer that needed this writes them. */
const byGroups = (text: string, item: PdfTextItem) => (/^\d{3,7}$/.test(text) ? pieces(item) : pieces(item, [1, 1]));

describe('numbers written as touching runs (each digit or digit group a run of its own)', () => {
  it('read as the same table as when each number is one run', () => {
    const whole = figures(tablePage());
    expect(whole).toContain('general_expense|2014001|total|692950000');
    expect(whole).toHaveLength(26);
    expect(figures(tablePage(byGroups))).toEqual(whole);
  });

  // 重庆's 2026 budgets: a font with no widths, every glyph a run of its own that pdf.js takes one em
  // wide, so each digit reaches over the next (「1」 10.29 wide, 「7」 5.24 further on). Each glyph was a
  // word: 「1 7 4 , 9 0 0 . 6 4」, and no amount of the table was read.
  it('and where each glyph is a run one em wide, set a glyph\'s width apart', () => {
    const emWide = (_: string, item: PdfTextItem) => pieces(item).map((g) => ({ ...g, width: g.size }));
    expect(figures(tablePage(emWide))).toEqual(figures(tablePage()));
  });

  it('and so on a page whose content is set turned a quarter on its sheet', () => {
    const whole = figures(tablePage());
    const p = tablePage(byGroups);
    // Displayed: the reading page turned 90° clockwise (as orient.test.ts turns a sheet), its text
    // running down; a turned page's coordinates are computed, so a baseline differs in its last digits.
    const runs: DisplayedRun[] = p.items.map((it, i) => {
      const x = it.y + (i % 3) * 0.001;
      return { str: it.str, x0: x, y0: it.x, x1: x, y1: it.x + it.width, size: it.size };
    });
    const read = toReading(runs, p.height, p.width);
    expect(read.turn).toBe(90);
    expect(figures({ ...p, ...read })).toEqual(whole);
  });
});

describe('joinTouchingRuns', () => {
  const texts = (items: PdfTextItem[]) => items.map((i) => i.str);

  it('joins runs of one baseline and size that touch, in any script, and keeps the page order', () => {
    const items = [run('标题', 60, 560), ...pieces(run('2,940.05', 100, 500), [1, 1, 3]), ...pieces(run('行政运行', 200, 500), [2])];
    expect(texts(joinTouchingRuns(items))).toEqual(['标题', '2,940.05', '行政运行']);
    const [, amount] = joinTouchingRuns(items);
    expect([amount.x, amount.width]).toEqual([100, run('2,940.05', 100, 500).width]);
  });

  it('leaves apart runs with a gap, of another size or baseline, and pdf.js\'s spaces', () => {
    const a = run('12', 100, 500);
    const next = (str: string, dx: number, over: Partial<PdfTextItem> = {}) => ({ ...run(str, a.x + a.width + dx, 500), ...over });
    expect(texts(joinTouchingRuns([a, next('34', 1)]))).toEqual(['12', '34']);
    expect(texts(joinTouchingRuns([a, next('34', 0, { size: 10 })]))).toEqual(['12', '34']);
    expect(texts(joinTouchingRuns([a, next('34', 0, { y: 497 })]))).toEqual(['12', '34']);
    expect(texts(joinTouchingRuns([a, next(' ', 0), next('34', 4.5)]))).toEqual(['12', ' ', '34']);
    expect(texts(joinTouchingRuns([{ ...a, str: '12 ' }, next('34', 0)]))).toEqual(['12 ', '34']);
    // Within a twentieth of an em either way: the producer's rounding.
    expect(texts(joinTouchingRuns([a, next('34', 0.3)]))).toEqual(['1234']);
    expect(texts(joinTouchingRuns([a, next('34', -0.3)]))).toEqual(['1234']);
  });

  it('joins a glyph set within the last one\'s em (a font without widths), and ends the run at its step', () => {
    const glyphs = [...'2,940.05'].map((ch, i) => ({ str: ch, x: 100 + 4.5 * i, y: 500, width: 9, size: 9 }));
    const [joined] = joinTouchingRuns(glyphs);
    expect(joined.str).toBe('2,940.05');
    expect(joined.x + joined.width).toBeCloseTo(100 + 4.5 * 8);
    // A longer run reaching over the next one (a label overflowing its cell onto an amount) is no
    // glyph of the same word; nor is a glyph on another baseline or of another size.
    const label = run('其他商品和服务支出', 100, 500);
    expect(texts(joinTouchingRuns([label, run('12.00', label.x + label.width - 20, 500)]))).toEqual(['其他商品和服务支出', '12.00']);
    const one = { str: '1', x: 100, y: 500, width: 9, size: 9 };
    expect(texts(joinTouchingRuns([one, { ...one, str: '7', x: 104.5, y: 497 }]))).toEqual(['1', '7']);
    expect(texts(joinTouchingRuns([one, { ...one, str: '7', x: 104.5, size: 12 }]))).toEqual(['1', '7']);
  });
});
