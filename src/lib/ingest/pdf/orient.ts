import type { Box, PdfTextItem } from './types';

/**
 * Pages in any rotation. pdf.js's viewport applies a page's /Rotate, but a page can also draw its
 * content turned (an A3 landscape table set sideways on a portrait page, by the text matrix): then
 * its text runs up or down the displayed page. The reading orientation is the one in which most of
 * the page's characters run left to right; the page's items are turned into it, so that rows are
 * rows whatever the page. A figure's box is turned back (`toDisplayed`) for the page view.
 */

/** Clockwise quarter turns from the reading orientation to the displayed page. */
export type Turn = 0 | 90 | 180 | 270;

/** A text run in displayed-page coordinates (viewport: x right, y down), start and end of its baseline. */
export interface DisplayedRun {
  str: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
}

/** The turn under which the run reads left to right: text running down the page is turned 90°. */
function runTurn(r: DisplayedRun): Turn {
  const dx = r.x1 - r.x0;
  const dy = r.y1 - r.y0;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 0 : 180;
  return dy > 0 ? 90 : 270;
}

/** The page's reading turn: the one most characters read in (0 on a tie or an empty page). */
export function readingTurn(runs: readonly DisplayedRun[]): Turn {
  const chars = new Map<Turn, number>();
  for (const r of runs) {
    const n = r.str.trim().length;
    if (n) chars.set(runTurn(r), (chars.get(runTurn(r)) ?? 0) + n);
  }
  let best: Turn = 0;
  for (const [t, n] of chars) if (n > (chars.get(best) ?? 0)) best = t;
  return best;
}

/** A displayed point (y down) in reading coordinates (y down), for a page of displayed size w × h. */
function toReadingPoint(x: number, y: number, turn: Turn, w: number, h: number): [number, number] {
  if (turn === 90) return [y, w - x];
  if (turn === 270) return [h - y, x];
  if (turn === 180) return [w - x, h - y];
  return [x, y];
}

function toDisplayedPoint(x: number, y: number, turn: Turn, w: number, h: number): [number, number] {
  if (turn === 90) return [w - y, x];
  if (turn === 270) return [y, h - x];
  if (turn === 180) return [w - x, h - y];
  return [x, y];
}

/**
 * The runs that read in the page's reading turn, as items in reading coordinates (y up, as PDF user
 * space, origin bottom left); runs in another direction (a stamp, a vertical label) are left out.
 */
export function toReading(runs: readonly DisplayedRun[], w: number, h: number): { turn: Turn; width: number; height: number; items: PdfTextItem[] } {
  const turn = readingTurn(runs);
  const sideways = turn === 90 || turn === 270;
  const width = sideways ? h : w;
  const height = sideways ? w : h;
  const items: PdfTextItem[] = [];
  for (const r of runs) {
    if (runTurn(r) !== turn) continue;
    const [ax, ay] = toReadingPoint(r.x0, r.y0, turn, w, h);
    const [bx, by] = toReadingPoint(r.x1, r.y1, turn, w, h);
    items.push({ str: r.str, x: Math.min(ax, bx), y: height - ay, width: Math.abs(bx - ax), size: r.size });
  }
  return { turn, width, height, items };
}

/** A box in reading coordinates (y up) → the same box on the displayed page (y up), for the page view. */
export function toDisplayed(box: Box, turn: Turn, w: number, h: number): Box {
  if (turn === 0) return box;
  const sideways = turn === 90 || turn === 270;
  const height = sideways ? w : h;
  const corners = [toDisplayedPoint(box[0], height - box[1], turn, w, h), toDisplayedPoint(box[2], height - box[3], turn, w, h)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => h - c[1]);
  const r = (v: number) => Math.round(v * 10) / 10;
  return [r(Math.min(...xs)), r(Math.min(...ys)), r(Math.max(...xs)), r(Math.max(...ys))];
}
