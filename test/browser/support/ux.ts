import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Helpers of the ux-* tests: what a person sees, read off the page; what a download holds. */

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 850 };
/** A phone as a context option: its viewport, touch, and a mobile viewport meta honoured. */
export const PHONE_DEVICE = { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
export const LAPTOP_DEVICE = { viewport: LAPTOP };

/** Clicks a button that downloads a file and returns the file's text (BOM kept) and name. */
export async function downloadText(page: Page, button: Locator): Promise<{ text: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { text: readFileSync((await d.path())!, 'utf8'), name: d.suggestedFilename() };
}

export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** A comparison table's visible rows: the row key, the label as read and the cells' text. */
export async function tableRows(table: Locator): Promise<{ key: string; label: string; cells: Locator[] }[]> {
  const out: { key: string; label: string; cells: Locator[] }[] = [];
  const rows = table.locator('tbody tr[data-row]');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const label = (await row.locator('th').innerText()).replace(/[▸▾]/g, '').trim();
    const tds = row.locator('td');
    const cells: Locator[] = [];
    for (let j = 0; j < (await tds.count()); j++) cells.push(tds.nth(j));
    out.push({ key: (await row.getAttribute('data-row'))!, label, cells });
  }
  return out;
}

/** Text of the first element matching `selector` inside `cell`, or '' when there is none. */
export async function textIn(cell: Locator, selector: string): Promise<string> {
  const l = cell.locator(selector);
  return (await l.count()) ? (await l.first().innerText()).trim() : '';
}

/**
 * Controls and text that stick out of the screen sideways, outside the boxes that scroll on
 * purpose (a wide table's box, the tab row): what a phone user could not reach.
 */
export async function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean => {
      for (let p = e?.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    return [...document.querySelectorAll<HTMLElement>('main button, main select, main input, main label, main p, main h2, main summary, header, nav, footer, .share > *')]
      .filter((e) => e.offsetParent !== null && !scrolls(e) && e.getBoundingClientRect().right > w + 1)
      .map((e) => `${e.tagName.toLowerCase()} 「${(e.innerText || e.getAttribute('aria-label') || '').slice(0, 20)}」 ${Math.round(e.getBoundingClientRect().right)} > ${w}`);
  });
}

/** The view's 「下载…」 menu, opened. */
export async function openDownloads(page: Page): Promise<void> {
  const menu = page.getByTestId('downloads');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}
