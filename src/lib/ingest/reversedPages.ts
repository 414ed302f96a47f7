/**
 * Pages whose text runs backwards: what pdftotext writes for a PDF page printed upside down (a
 * landscape table turned over to fit the binding): every line's characters right to left and the
 * lines bottom to top, its amounts spaced glyph by glyph (「1 6. 7 2 1, 2」 for 2,127.61). Turning
 * such a page back gives amounts that cannot be put together again reliably (tried: a third of them
 * came out wrong), so nothing is read from it and the page is named. Pure; text in, pages out.
 */

/** The words every page of tables prints (支出, 收入, 预算, 合计, 项目, 金额), backwards. */
const BACKWARDS = /出支|入收|算预|计合|目项|额金/g;
const FORWARDS = /支出|收入|预算|合计|项目|金额/g;

export interface ReversedPages {
  /** Page numbers, from 1, counted by form feeds. */
  pages: number[];
  /** The line (from 1) where the first of them begins: the document the warning belongs to. */
  line: number;
}

/** The pages whose backward words are three or more and outnumber their forward ones; null for none. */
export function reversedPages(text: string): ReversedPages | null {
  // One scan for the backward words: nearly every text has none, and is done with here.
  BACKWARDS.lastIndex = 0;
  if (!BACKWARDS.test(text)) return null;
  const pages: number[] = [];
  let line = 0;
  let lineOf = 1;
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    const end = text.indexOf('\f', start);
    const page = text.slice(start, end < 0 ? text.length : end);
    const back = page.match(BACKWARDS)?.length ?? 0;
    if (back >= 3 && back > (page.match(FORWARDS)?.length ?? 0)) {
      pages.push(n);
      if (!line) line = lineOf;
    }
    if (end < 0) break;
    lineOf += countLines(page);
    start = end + 1;
  }
  return pages.length ? { pages, line } : null;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** What is said of them: the pages, why they are unread, what to do. */
export function reversedMessage(fileName: string, r: ReversedPages): string {
  const which = r.pages.length > 12 ? `第 ${r.pages.slice(0, 12).join('、')} 等 ${r.pages.length} 页` : `第 ${r.pages.join('、')} 页`;
  return `「${fileName}」${which}的文字是倒着排的（原 PDF 中这些页面是倒置的，转成文字时每行的字序和行序颠倒），其中的表格和数字未能读取：请导入原 PDF`;
}
