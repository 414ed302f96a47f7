import { describe, expect, it } from 'vitest';
import { joinCutPages, type PlacedFragment } from '../../../../src/lib/ingest/pdf/cutPages';
import type { TextLine } from '../../../../src/lib/ingest/pdf/lines';

// Lines as a page's text gives them: [text, x0] pieces, 10 pt, each piece 10 pt a character wide.
const line = (page: number, y: number, ...pieces: [string, number][]): TextLine => ({
  page,
  y,
  size: 10,
  fragments: pieces.map(([text, x0]) => ({ text, x0, x1: x0 + 10 * text.length, y, size: 10 })),
});
const hasTitle = (lines: readonly TextLine[]) => lines.some((l) => l.fragments.some((f) => f.text.endsWith('总表')));
const texts = (l: TextLine) => l.fragments.map((f) => f.text);

// A table's first band: title, heads, 栏次, named rows.
const first = (page: number) => [
  line(page, 800, ['部门预算支出总表', 40]),
  line(page, 780, ['序号', 40], ['项目', 100], ['合计', 300]),
  line(page, 760, ['栏次', 40], ['1', 100], ['2', 300]),
  line(page, 740, ['1', 40], ['合计', 100], ['1,000.00', 300]),
  line(page, 720, ['2', 40], ['工资福利支出', 100], ['600.00', 300]),
];

describe('a wide table printed in bands of columns', () => {
  it('lays a band of amounts beside the page it continues, row by row at its height, and says so', () => {
    const band = [
      line(2, 780, ['基本支出', 40], ['项目支出', 200]),
      line(2, 760, ['3', 40], ['4', 200]),
      line(2, 740, ['600.00', 40], ['400.00', 200]),
      line(2, 720, ['600.00', 40]),
    ];
    const { pages, joins } = joinCutPages([first(1), band], hasTitle);
    expect(joins).toEqual([{ page: 2, onto: 1 }]);
    expect(pages[1]).toEqual([]);
    expect(pages[0].map(texts)).toEqual([
      ['部门预算支出总表'],
      ['序号', '项目', '合计', '基本支出', '项目支出'],
      ['栏次', '1', '2', '3', '4'],
      ['1', '合计', '1,000.00', '600.00', '400.00'],
      ['2', '工资福利支出', '600.00', '600.00'],
    ]);
    // Right of everything on its page; each piece keeps where it was printed, for the page view.
    const moved = pages[0][3].fragments[3] as PlacedFragment;
    expect(moved.x0).toBeGreaterThan(380);
    expect(moved.from).toEqual({ page: 2, dx: moved.x0 - 40 });
  });

  it('joins a band whose first rows are blank: its amounts start lower than the page\'s', () => {
    const band = [line(2, 780, ['公用经费', 40]), line(2, 720, ['331.11', 40])];
    const { pages, joins } = joinCutPages([first(1), band], hasTitle);
    expect(joins).toEqual([{ page: 2, onto: 1 }]);
    expect(pages[0][4].fragments.map((f) => f.text)).toEqual(['2', '工资福利支出', '600.00', '331.11']);
  });

  it('leaves a page going on down the table alone: named rows from its top, no heads', () => {
    const next = [line(2, 800, ['3', 40], ['津贴补贴', 100], ['200.00', 300]), line(2, 780, ['4', 40], ['奖金', 100], ['400.00', 300])];
    const { pages, joins } = joinCutPages([first(1), next], hasTitle);
    expect(joins).toEqual([]);
    expect(pages[1]).toHaveLength(2);
  });

  it('leaves a narrative page alone, though its lines stand at a table\'s heights', () => {
    const story = [line(2, 780, ['支出预算', 40]), line(2, 740, ['比上年增加', 40], ['1,000.00', 300], ['万元，主要原因', 400])];
    expect(joinCutPages([first(1), story], hasTitle).joins).toEqual([]);
  });

  it('pairs bands printed after all the pages of the first band with those pages, in order', () => {
    // Page 2 goes on down the table (its rows from the top); pages 3 and 4 are the second band of each.
    const down = [line(2, 800, ['3', 40], ['津贴补贴', 100], ['200.00', 300])];
    const band1 = [line(3, 780, ['基本支出', 40]), line(3, 740, ['600.00', 40]), line(3, 720, ['600.00', 40])];
    const band2 = [line(4, 800, ['200.00', 40])];
    const { pages, joins } = joinCutPages([first(1), down, band1, band2], hasTitle);
    expect(joins).toEqual([{ page: 3, onto: 1 }, { page: 4, onto: 2 }]);
    expect(pages[1].map(texts)).toEqual([['3', '津贴补贴', '200.00', '200.00']]);
    expect(pages[0][3].fragments.map((f) => f.text)).toEqual(['1', '合计', '1,000.00', '600.00']);
  });

  it('does not lay a band\'s heads beside rows: a page of rows at every height is not the page it continues', () => {
    // Page 2 prints rows at every height of page 1's; the band's heads meet only page 1's heads.
    const down = [800, 780, 760, 740, 720].map((y, n) => line(2, y, [String(n + 3), 40], ['津贴补贴', 100], ['200.00', 300]));
    const band1 = [line(3, 780, ['基本支出', 40]), line(3, 740, ['600.00', 40]), line(3, 720, ['600.00', 40])];
    const band2 = [800, 780, 760, 740, 720].map((y) => line(4, y, ['200.00', 40]));
    expect(joinCutPages([first(1), down, band1, band2], hasTitle).joins).toEqual([{ page: 3, onto: 1 }, { page: 4, onto: 2 }]);
  });

  it('joins a band whose amounts are all blank by its 栏次 numbers going on, and drops a merged title\'s end', () => {
    const heads = [line(2, 800, ['出总表', -20]), line(2, 780, ['经营支出', 40], ['上解上级支出', 200]), line(2, 760, ['3', 40], ['4', 200])];
    const { pages, joins } = joinCutPages([first(1), heads], hasTitle);
    expect(joins).toEqual([{ page: 2, onto: 1 }]);
    expect(pages[0][0].fragments.map((f) => f.text)).toEqual(['部门预算支出总表']);
    expect(pages[0][1].fragments.map((f) => f.text)).toEqual(['序号', '项目', '合计', '经营支出', '上解上级支出']);
    // Numbers that do not go on from the page's are another page's heads.
    const other = [line(2, 780, ['经营支出', 40], ['上解上级支出', 200]), line(2, 760, ['1', 40], ['2', 200])];
    expect(joinCutPages([first(1), other], hasTitle).joins).toEqual([]);
  });
});
