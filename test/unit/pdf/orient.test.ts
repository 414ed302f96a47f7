import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { readingTurn, toDisplayed, toReading, type DisplayedRun, type Turn } from '../../../src/lib/ingest/pdf/orient';
import { readPdfPages } from '../../../src/lib/ingest/pdf/read';
import type { PdfPageText } from '../../../src/lib/ingest/pdf/types';
import { corpusDir } from '../../support/shared';

/**
 * A page as it would be displayed with its content set turned by `turn` (clockwise): written here
 * independently of orient.ts, from the geometry of turning a sheet.
 */
function turnPage(p: PdfPageText, turn: Turn): { runs: DisplayedRun[]; w: number; h: number } {
  const W = p.width;
  const H = p.height;
  const sideways = turn === 90 || turn === 270;
  const w = sideways ? H : W;
  const h = sideways ? W : H;
  // Reading coordinates with y down → displayed coordinates with y down.
  const place = (x: number, y: number): [number, number] => {
    if (turn === 90) return [H - y, x];
    if (turn === 180) return [W - x, H - y];
    if (turn === 270) return [y, W - x];
    return [x, y];
  };
  const runs = p.items.map((it) => {
    const [x0, y0] = place(it.x, H - it.y);
    const [x1, y1] = place(it.x + it.width, H - it.y);
    return { str: it.str, x0, y0, x1, y1, size: it.size };
  });
  return { runs, w, h };
}

let pages: PdfPageText[] = [];

beforeAll(async () => {
  // A table page from the Jiangsu training set (the 支出预算 and 三公 tables of 2018).
  const bytes = new Uint8Array(readFileSync(path.join(corpusDir, 'jiangsu/jiangsu-swbgt-2018-dept-budget-tables.pdf')));
  const opened = await openPdfNode(bytes);
  if (!opened.ok) throw new Error(opened.reason);
  for (const n of [3, 5, 11]) pages.push(await opened.source.page(n));
  await opened.source.close();
}, 60_000);

describe('pages in any rotation are read in their reading orientation', () => {
  it('pages with /Rotate 90 (the real PDF mixes them with upright ones) come out landscape, reading left to right', () => {
    // Pages 3 and 11 carry /Rotate 90 over a portrait sheet; page 5 is an A3 sheet set landscape.
    expect(pages.map((p) => [p.turn, p.width > p.height])).toEqual([[0, true], [0, true], [0, true]]);
    const runs = pages[0].items.map((i) => ({ str: i.str, x0: i.x, y0: 100, x1: i.x + i.width, y1: 100, size: i.size }));
    expect(readingTurn(runs)).toBe(0);
    expect(readingTurn(runs.map((r) => ({ ...r, x0: 100, x1: 100, y0: r.x0, y1: r.x1 })))).toBe(90);
  });

  for (const turn of [90, 180, 270] as Turn[]) {
    it(`content turned ${turn}° on its page reads back to the same items`, () => {
      for (const p of pages) {
        const { runs, w, h } = turnPage(p, turn);
        const read = toReading(runs, w, h);
        expect(read.turn).toBe(turn);
        expect([read.width, read.height]).toEqual([p.width, p.height]);
        const round = (v: number) => Math.round(v * 100) / 100;
        const simple = (items: PdfTextItem[]) => items.map((i) => [i.str, round(i.x), round(i.y), round(i.width)]);
        expect(simple(read.items)).toEqual(simple(p.items.filter((i) => i.str !== '')));
      }
    });
  }

  it('a document whose pages are turned three ways gives the same figures as upright', () => {
    const upright = readPdfPages(pages, 'upright.pdf');
    const turned = readPdfPages(pages.map((p, i) => {
      const turn = ([90, 180, 270] as Turn[])[i];
      const { runs, w, h } = turnPage(p, turn);
      const read = toReading(runs, w, h);
      return { page: p.page, width: read.width, height: read.height, items: read.items, turn: read.turn };
    }), 'turned.pdf');
    if (!upright.ok || !turned.ok) throw new Error('not read');
    const figures = (r: typeof upright) => (r.ok ? r.docs[0].figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`) : []);
    expect(figures(turned)).toEqual(figures(upright));
    expect(figures(upright).length).toBeGreaterThan(20);
    // The boxes are given back on the page as displayed: turned 90°, the sheet is taller than wide.
    const box = turned.docs[0].figures.find((f) => f.source.page === pages[0].page)!.source.box!;
    const up = upright.docs[0].figures.find((f) => f.source.page === pages[0].page)!.source.box!;
    expect(box[2] - box[0]).toBeCloseTo(up[3] - up[1], 0);
    expect(box[3] - box[1]).toBeCloseTo(up[2] - up[0], 0);
  });

  it('a box turns back onto the displayed page', () => {
    // A 100 × 200 displayed page whose content is turned 90°: the reading page is 200 × 100. The
    // reading box's top-left corner (10, 20 from the top) is displayed 20 from the right edge.
    expect(toDisplayed([10, 70, 30, 80], 90, 100, 200)).toEqual([70, 170, 80, 190]);
    expect(toDisplayed([10, 70, 30, 80], 0, 100, 200)).toEqual([10, 70, 30, 80]);
  });
});

type PdfTextItem = PdfPageText['items'][number];
