import { isAmount, numberingRow, NUMERIC, ZERO_MARK } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/**
 * A table wider than its paper, printed without being fitted to the page's width, comes out in bands:
 * a spreadsheet prints the columns that fit, then the rest on pages of their own (after all the
 * pages of the first band, or after each page). Such a page prints amounts with no row names, and its
 * rows stand at the heights of the rows they belong to, on the page of the band before: the same rows
 * of the same sheet. Read as pages of their own, their amounts belonged to no row (「（无名称）」) or to
 * the wrong one.
 *
 * A band's page is laid back beside the page it continues, line by line at the same height, its
 * fragments moved right past that page's text (each keeps where it was printed, for the page view).
 * Which page it continues: a run of band pages follows the pages it continues, in their order, every
 * page of the band once (k pages: the run is k, 2k… long, band after band), or each band page follows
 * its own page. The k pages are the most, back to the table's title, for which every line of each
 * band page meets a line of its page at its height, heads at heads.
 */

/** Where a fragment laid onto another page was printed: for the page view. */
export interface MovedFrom {
  page: number;
  dx: number;
}

export type PlacedFragment = Fragment & { from?: MovedFrom };

export interface CutJoin {
  /** The band's page and the page it was laid beside (1-based page numbers). */
  page: number;
  onto: number;
}

const isAmountLine = (l: TextLine) => l.fragments.some((f) => isAmount(f));
const sameHeight = (a: TextLine, b: TextLine) => Math.abs(a.y - b.y) <= 0.25 * Math.max(a.size, b.size);
/** Running text (a sentence's comma or full stop): a narrative's page, evenly lined as a table's. */
const isProse = (l: TextLine) => l.fragments.some((f) => /[，。；]/.test(f.text));
/** A row of data with a row's name or code: a line with amounts and a word that is not one. */
const isNamedRow = (l: TextLine) => isAmountLine(l) && l.fragments.some((f) => !NUMERIC.test(f.text) && !ZERO_MARK.test(f.text));

/** Whether `line`'s 栏次 numbers go on from `before`'s (「10 11 12」 after 「栏次 1 … 9」). */
function continuesNumbering(before: TextLine, line: TextLine): boolean {
  const a = numberingRow(before);
  const b = numberingRow(line);
  return a !== null && b !== null && b[0] === a[a.length - 1] + 1;
}

/** The words of the lines above a page's first row of amounts: its heads and furniture. */
function headWords(lines: readonly TextLine[]): Set<string> {
  const first = lines.findIndex(isAmountLine);
  return new Set(lines.slice(0, first < 0 ? lines.length : first).flatMap((l) => l.fragments.map((f) => f.text)));
}

/**
 * A page of a band: no table's title, rows of amounts, and either none of them named (a band of
 * amounts) or heads the page before does not print, level with that page's heads (a 收支总表 cut
 * between its sides: 「支出」 | 项目 | 预算数 over named rows). A page that goes on down a table prints
 * no heads, or the same ones.
 */
function isBandPage(lines: readonly TextLine[], before: readonly TextLine[], hasTitle: (lines: readonly TextLine[]) => boolean): boolean {
  if (lines.some(isProse) || before.some(isProse)) return false;
  // A band whose every amount is blank prints its heads alone: its 栏次 numbers go on from the page's.
  if (!lines.some(isAmountLine)) return lines.some((l) => before.some((b) => sameHeight(b, l) && continuesNumbering(b, l)));
  // Named rows (most pages, asked first): a band only with heads of its own, its rows level with the page's.
  if (lines.some(isNamedRow)) {
    const heads = headWords(before);
    if (!meets(lines, before) || ![...headWords(lines)].some((w) => /[\u4e00-\u9fff]/.test(w) && !heads.has(w))) return false;
  }
  // A title merged across the sheet's width runs on over the band's pages, its start left of the
  // paper (「议费、培训费支出预算表」 from x = −8): no title of the page's own.
  return !hasTitle(lines.filter((l) => !(l.fragments[0].x0 < 0)));
}

/**
 * Whether every line of `band` meets a line of `page` at its height, its heads (the lines above its
 * first row of amounts) at the page's heads, not at rows of amounts: the same rows of the same sheet.
 * A page going on down a table starts its rows near its top, where the page before prints its heads.
 */
function meets(band: readonly TextLine[], page: readonly TextLine[]): boolean {
  const first = band.findIndex(isAmountLine);
  return band.every((b, n) => {
    const at = page.find((l) => sameHeight(l, b));
    return at !== undefined && (first >= 0 && n >= first ? true : !isAmountLine(at));
  });
}

/** The band page's lines laid beside the page's, moved right past its text. */
function layBeside(page: readonly TextLine[], band: readonly TextLine[]): TextLine[] {
  const right = Math.max(...page.flatMap((l) => l.fragments.map((f) => f.x1)));
  const left = Math.min(...band.flatMap((l) => l.fragments.filter((f) => f.x0 >= 0).map((f) => f.x0)));
  const size = Math.max(...band.map((l) => l.size));
  const dx = right + 2 * size - left;
  const out = page.map((l) => ({ ...l, fragments: [...l.fragments] }));
  for (const b of band) {
    // Text starting left of the paper is the end of a cell merged across the bands (a title), printed
    // whole on the page before: left out.
    const moved: PlacedFragment[] = b.fragments.filter((f) => f.x0 >= 0).map((f) => ({ ...f, x0: f.x0 + dx, x1: f.x1 + dx, from: { page: b.page, dx } }));
    if (!moved.length) continue;
    const at = out.find((l) => Math.abs(l.y - b.y) <= 0.25 * Math.max(l.size, b.size));
    if (at) {
      at.fragments.push(...moved);
      at.size = Math.max(at.size, b.size);
    } else out.push({ ...b, page: out[0]?.page ?? b.page, fragments: moved });
  }
  return out.sort((a, b) => b.y - a.y);
}

/**
 * The pages with every band page laid beside the page it continues (a band page is left empty), and
 * which were joined. `hasTitle` tells a page that prints a table's title: the pages a band continues
 * are one table's.
 */
export function joinCutPages(pages: readonly TextLine[][], hasTitle: (lines: readonly TextLine[]) => boolean): { pages: TextLine[][]; joins: CutJoin[] } {
  const out = pages.map((p) => [...p]);
  const joins: CutJoin[] = [];
  let i = 0;
  while (i < out.length) {
    // The page before a page: the last with text (a band already laid beside its page leaves none).
    const prior = (p: number) => {
      for (let q = p - 1; q >= 0; q--) if (out[q].length) return out[q];
      return [];
    };
    const band = (p: number) => out[p].length > 0 && isBandPage(out[p], prior(p), hasTitle);
    if (i === 0 || !band(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < out.length && band(end)) end++;
    const run = out.slice(i, end);
    // The pages before the run, back to the last that starts a table (its title), at most the run's
    // length; past pages left empty (blank, or a band laid beside its page already).
    const before: number[] = [];
    for (let p = i - 1; p >= 0 && before.length < run.length; p--) {
      if (!out[p].length) continue;
      if (band(p)) break;
      before.unshift(p);
      if (hasTitle(out[p])) break;
    }
    let chosen: number[] | null = null;
    for (let k = before.length; k >= 1 && !chosen; k--) {
      if (run.length % k) continue;
      const targets = before.slice(before.length - k);
      if (run.every((band, n) => meets(band, out[targets[n % k]]))) chosen = targets;
    }
    if (chosen) {
      const targets = chosen;
      run.forEach((band, n) => {
        const t = targets[n % targets.length];
        out[t] = layBeside(out[t], band);
        out[i + n] = [];
        joins.push({ page: band[0]?.page ?? i + n + 1, onto: out[t][0]?.page ?? t + 1 });
      });
    }
    i = end;
  }
  return { pages: out, joins };
}
