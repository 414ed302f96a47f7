import { describe, expect, it } from 'vitest';
import { toFragments } from '../../../../src/lib/ingest/pdf/fragments';
import { layoutRows } from '../../../../src/lib/ingest/pdf/layout';
import { toLines } from '../../../../src/lib/ingest/pdf/lines';
import { toReading, type DisplayedRun, type Turn } from '../../../../src/lib/ingest/pdf/orient';
import { readPdfPages } from '../../../../src/lib/ingest/pdf/read';
import type { PdfPageText, PdfTextItem } from '../../../../src/lib/ingest/pdf/types';
import { page, run } from './pageItems';

/**
 * A 一般公共预算财政拨款支出表 of our own whose rows are 22 pt apart (size 9). A row given as [first line,
 * rest] prints its label over two lines in its cell: the codes and amounts on the row's baseline, the
 * label's first line `lift` above it (centred on the row, as some producers set it) and the rest
 * `drop` below, the row below pushed down by as much.
 */
type Row = [string, string | [string, string], string, string];
const PITCH = 22;

function tablePage(rows: readonly Row[], { lift = 0, drop = 12, extra = [] as PdfTextItem[] } = {}): PdfPageText {
  const items: PdfTextItem[] = [
    run('2024年部门预算一般公共预算财政拨款支出表', 250, 540, { size: 14 }),
    run('编制部门：某某局', 60, 515), run('单位：万元', 720, 515),
    run('科目编码', 60, 490), run('科目名称', 180, 490), run('合计', 402, 490), run('基本支出', 464, 490), run('项目支出', 544, 490),
  ];
  let y = 470;
  for (const [code, label, total, basic] of rows) {
    if (code) items.push(run(code, 60, y));
    if (typeof label === 'string') items.push(run(label, 130, y));
    else items.push(run(label[0], 130, y + lift), run(label[1], 130, y - drop));
    items.push(run(total, 420, y, { right: true }));
    if (basic) items.push(run(basic, 500, y, { right: true }));
    y -= PITCH + (typeof label === 'string' ? 0 : drop);
  }
  return page([...items, ...extra.map((i) => ({ ...i, y: y + PITCH - i.y }))]);
}

const ROWS: Row[] = [
  ['', '合计', '313.00', '304.23'],
  ['208', '社会保障和就业支出', '313.00', '304.23'],
  ['20805', '行政事业单位养老支出', '313.00', '304.23'],
  ['2080501', '行政单位离退休', '69.34', '69.34'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '85.87', '85.87'],
  ['2080506', '机关事业单位职业年金缴费支出', '149.02', '149.02'],
  ['2080599', '其他行政事业单位养老支出', '8.77', ''],
];
const wrap = (rows: Row[], code: string, at: number): Row[] => rows.map((r) => (r[0] === code ? [r[0], [(r[1] as string).slice(0, at), (r[1] as string).slice(at)], r[2], r[3]] : r));

const figures = (p: PdfPageText) => {
  const r = readPdfPages([p], 't.pdf');
  if (!r.ok) throw new Error(r.error);
  return r.docs.flatMap((d) => d.figures).map((f) => `${f.rowCode}|${f.rowName}|${f.column}|${f.amount}`).sort();
};
const rowTexts = (p: PdfPageText) => layoutRows([toLines(1, p.items.flatMap(toFragments))]).rows.map((r) => r.cells.filter(Boolean).join('|'));

/**
 * The page as read back when its content is set turned by `turn` on the sheet (orient.test.ts turns
 * a sheet the same way): a turned page's coordinates are computed, so they differ in the last digits.
 */
function turned(p: PdfPageText, turn: Turn): PdfPageText {
  const [W, H] = [p.width, p.height];
  const place = (x: number, y: number): [number, number] =>
    turn === 90 ? [H - y, x] : turn === 180 ? [W - x, H - y] : turn === 270 ? [y, W - x] : [x, y];
  const runs: DisplayedRun[] = p.items.map((it, i) => {
    const [x0, y0] = place(it.x, H - it.y + (i % 3) * 0.001);
    const [x1, y1] = place(it.x + it.width, H - it.y + (i % 3) * 0.001);
    return { str: it.str, x0, y0, x1, y1, size: it.size };
  });
  const read = toReading(runs, turn === 90 || turn === 270 ? H : W, turn === 90 || turn === 270 ? W : H);
  expect(read.turn).toBe(turn);
  return { ...p, ...read };
}

describe('a row label wrapped in its cell, its last line alone below the row', () => {
  const whole = figures(tablePage(ROWS));

  it('continues the label: the row reads as printed on one line', () => {
    expect(whole).toContain('2080505|机关事业单位基本养老保险缴费支出|total|85870000');
    // The last character alone, 8 pt under a row whose label starts 4 pt above its amounts.
    expect(figures(tablePage(wrap(ROWS, '2080505', 15), { lift: 4, drop: 8 }))).toEqual(whole);
    // Set at the top of its cell: the label's first line on the amounts' baseline.
    expect(figures(tablePage(wrap(ROWS, '2080506', 8)))).toEqual(whole);
    // The table's last row.
    expect(figures(tablePage(wrap(ROWS, '2080599', 6)))).toEqual(whole);
  });

  // A real 一般公共预算支出表 (人大 2018): the label's two lines 7.8 pt over and under the code and
  // amount, nothing between them in the label's cell. The row was 「无法识别科目编码：「2080505 580.01」」.
  it('a label centred on its row over two lines, the row printing no words between them, is its label', () => {
    expect(figures(tablePage(wrap(ROWS, '2080505', 15), { lift: 7.8, drop: 7.8 }))).toEqual(whole);
    expect(figures(tablePage(wrap(ROWS, '2080599', 6), { lift: 7.8, drop: 7.8 }))).toEqual(whole);
  });

  it('leaves alone a row that prints only a label, a note under the table, and lines a row spacing away', () => {
    const withHeading: Row[] = [...ROWS.slice(0, 3), ['', '其中：', '', ''], ...ROWS.slice(3)];
    expect(rowTexts(tablePage(withHeading))).toContain('其中：');
    // A note right under the last row, in the label's column.
    const noted = rowTexts(tablePage(ROWS, { extra: [run('注：本表无政府性基金。', 130, 12)] }));
    expect(noted.at(-1)).toBe('注：本表无政府性基金。');
    // A line of text as far below the last row as rows are apart is no part of its label.
    const apart = rowTexts(tablePage(ROWS, { extra: [run('其他', 130, PITCH)] }));
    expect(apart.at(-1)).toBe('其他');
    // Nearer than a row spacing but over two ems under the label (a row set lower in its cell).
    const lower = rowTexts(tablePage(ROWS, { extra: [run('其他', 130, 17)] }));
    expect(lower.at(-1)).toBe('其他');
  });

});

describe('a row label centred over three lines, its first line alone above the row', () => {
  // Row A; then B's label 「机关事业单位」 / 「职业年金缴费 | amounts」 / 「支出」, 14 pt apart (the first line a
  // shade nearer B than the last line of A's label); then row C. Offsets down from the table's last row.
  const cells = (y: number, code: string, label: string, amount: string) => [run(code, 60, y), run(label, 130, y), run(amount, 420, y, { right: true })];
  // `wrapped`: row A's label wraps too, its last line 13 pt under A, and B comes as much lower.
  const centred = (wrapped = false) => {
    const d = wrapped ? 13 : 0;
    return tablePage(ROWS.slice(0, 3), { extra: [
      ...cells(PITCH, '2080501', '行政单位离退休', '69.34'), ...(wrapped ? [run('补充', 130, PITCH + d)] : []), run('机关事业单位', 130, PITCH + d + 14.2),
      ...cells(PITCH + d + 28, '2080506', '职业年金缴费', '149.02'), run('支出', 130, PITCH + d + 41.6),
      ...cells(PITCH + d + 61, '2080599', '其他行政事业单位养老支出', '8.77')] });
  };

  it('starts the label of the row below: the row reads as printed on one line', () => {
    expect(rowTexts(centred()).slice(-3)).toEqual(['2080501|行政单位离退休|69.34', '2080506|机关事业单位职业年金缴费支出|149.02', '2080599|其他行政事业单位养老支出|8.77']);
    expect(figures(centred())).toContain('2080506|机关事业单位职业年金缴费支出|total|149020000');
  });

  it('leaves alone a row that prints only a label, a heading a row spacing above a row, and a line over its code', () => {
    // 「其中：」 on a row of its own, a row spacing above the next row.
    const withHeading: Row[] = [...ROWS.slice(0, 3), ['', '其中：', '', ''], ...ROWS.slice(3)];
    expect(rowTexts(tablePage(withHeading))).toContain('其中：');
    expect(figures(tablePage(withHeading))).toContain('2080501|行政单位离退休|total|69340000');
    // A heading with blank amounts, as far above the next row as rows are apart.
    const heading = rowTexts(tablePage(ROWS.slice(0, 3), { extra: [run('一、养老支出', 130, PITCH), ...cells(2 * PITCH, '2080501', '行政单位离退休', '69.34')] }));
    expect(heading.slice(-2)).toEqual(['一、养老支出', '2080501|行政单位离退休|69.34']);
    // Text over the row's code (not its label), within a line's leading of it: no part of the label.
    const overCode = rowTexts(tablePage(ROWS.slice(0, 3), { extra: [
      ...cells(PITCH, '2080501', '行政单位离退休', '69.34'), run('说明', 60, PITCH + 14.2), ...cells(PITCH + 28, '2080506', '职业年金缴费支出', '149.02')] }));
    expect(overCode.slice(-2)).toEqual(['说明', '2080506|职业年金缴费支出|149.02']);
    // The row above's label wrapped too: its last line stays with it, the next line starts the row below.
    expect(rowTexts(centred(true)).slice(-3, -1)).toEqual(['2080501|行政单位离退休补充|69.34', '2080506|机关事业单位职业年金缴费支出|149.02']);
  });
});

describe('a row label centred over four or five lines, its first lines alone above the row', () => {
  // Row A; then B's label, its first line `first` under A and the rest 14 pt apart, `over` of them
  // above its amounts and the rest below; then row C, `gap` under B's last line. Offsets down from the
  // table's last row. `tail`: row A's label wraps too, its last line 13 pt under A, and B comes as
  // much lower. `heading`: a line a row spacing over B's label. `wobble`: every other line of B's
  // label set that much lower, as a producer's rounding does.
  const cells = (y: number, code: string, label: string, amount: string) => [run(code, 60, y), run(label, 130, y), run(amount, 420, y, { right: true })];
  const centred = (lines: string[], over: number, { first = 14.2, gap = 20, tail = '', heading = '', wobble = 0 } = {}) => {
    const d = tail ? 13 : 0;
    const at = (k: number) => PITCH + d + first + 14 * k + (k % 2) * wobble;
    return tablePage(ROWS.slice(0, 3), { extra: [
      ...(heading ? [run(heading, 130, at(0) - PITCH)] : []),
      ...cells(PITCH, '2080501', '行政单位离退休', '69.34'), ...(tail ? [run(tail, 130, PITCH + d)] : []),
      ...lines.flatMap((l, k) => (k === over ? cells(at(k), '2080505', l, '85.87') : [run(l, 130, at(k))])),
      ...cells(at(lines.length - 1) + gap, '2080599', '其他行政事业单位养老支出', '8.77')] });
  };
  const FOUR = ['机关事业单位', '基本养老保险', '缴费', '支出'];
  const FIVE = ['机关事业', '单位基本', '养老保险', '缴费', '支出'];
  const read = ['2080501|行政单位离退休|69.34', '2080505|机关事业单位基本养老保险缴费支出|85.87', '2080599|其他行政事业单位养老支出|8.77'];

  it('starts the label of the row below with all of them: the row reads as printed on one line', () => {
    // Two lines above the amounts, one below; the first a shade nearer B's label than row A.
    expect(rowTexts(centred(FOUR, 2)).slice(-3)).toEqual(read);
    expect(figures(centred(FOUR, 2))).toContain('2080505|机关事业单位基本养老保险缴费支出|total|85870000');
    // Two above and two below; and over a roomier row, the first line 20 pt under row A.
    expect(rowTexts(centred(FIVE, 2)).slice(-3)).toEqual(read);
    expect(rowTexts(centred(FIVE, 2, { first: 20 })).slice(-3)).toEqual(read);
    expect(rowTexts(centred(FIVE, 2, { first: 20, wobble: 0.3 })).slice(-3)).toEqual(read);
    // Three lines above: the amounts on the label's last line.
    expect(rowTexts(centred(['机关事业', '单位基本', '养老保险', '缴费支出'], 3)).slice(-3)).toEqual(read);
    // And the same on pages whose content is set turned on the sheet.
    for (const turn of [90, 270] as Turn[]) {
      expect(rowTexts(turned(centred(FIVE, 2), turn)).slice(-3)).toEqual(read);
      expect(figures(turned(centred(FOUR, 2), turn))).toEqual(figures(centred(FOUR, 2)));
    }
  });

  it('leaves the row above its own last line, and a heading a row spacing above the label alone', () => {
    // Row A's label wraps under it; the next line, a wider gap down, starts B's label.
    const tailed = rowTexts(centred(FOUR, 2, { tail: '补充' })).slice(-3, -1);
    expect(tailed).toEqual(['2080501|行政单位离退休补充|69.34', '2080505|机关事业单位基本养老保险缴费支出|85.87']);
    // A heading as far over B's label as rows are apart (and under row A): a row of its own.
    const headed = rowTexts(centred(FOUR, 2, { first: 2 * PITCH, heading: '一、养老支出' })).slice(-3, -1);
    expect(headed).toEqual(['一、养老支出', '2080505|机关事业单位基本养老保险缴费支出|85.87']);
    // A row with blank amounts whose label wraps, nearer its own first line than B's label: its lines
    // are no lines of B's label, though each is within a leading of the next.
    const blank = rowTexts(tablePage(ROWS.slice(0, 3), { extra: [
      ...cells(PITCH, '2080501', '行政单位离退休', '69.34'), run('二、其他社会保障和就业', 130, 2 * PITCH), run('支出', 130, 2 * PITCH + 12),
      ...cells(2 * PITCH + 26, '2080599', '其他行政事业单位养老支出', '8.77')] }));
    expect(blank.slice(-3)).toEqual(['二、其他社会保障和就业', '支出', '2080599|其他行政事业单位养老支出|8.77']);
    expect(rowTexts(turned(centred(FOUR, 2, { tail: '补充' }), 90)).slice(-3, -1)).toEqual(tailed);
  });
});

