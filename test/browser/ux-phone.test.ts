import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support/app';
import { LAPTOP_DEVICE, PHONE_DEVICE, sticksOut } from './support/ux';

/**
 * Issue #16, item 8: on a phone (390 px) the tabs wrapped one character per line, selects and
 * tables ran off the screen, the first column scrolled away and explanations needed a mouse. Every
 * view at 390×844 with touch, and at 1366×850.
 */
const app = useApp();
const VIEWS: [string, string][] = [
  ['资料库', ''], ['同比', 'view=yoy&unit=code%3A543'], ['横比', 'view=peers&scope=all'], ['执行', 'view=execution'], ['变化最大', 'view=story'], ['数据', 'view=data'],
  ['SQL', `view=sql&q=${encodeURIComponent('SELECT * FROM figures LIMIT 50')}`],
];

async function checkLayout(page: Page, what: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(client);
  expect(await sticksOut(page), what).toEqual([]);
  // The tabs: one line each, in one row.
  const tabs = await page.getByRole('navigation', { name: '视图' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: r.height })));
  expect(new Set(tabs.map((t) => t.top)).size, `${what}: tabs in one row`).toBe(1);
  for (const t of tabs) expect(t.height, `${what}: a tab wraps`).toBeLessThan(48);
}

/** The row header's left edge before and after the table box scrolls sideways. */
async function stickyFirstColumn(page: Page, testid: string): Promise<[number, number]> {
  const head = page.getByTestId(testid).locator('tbody tr[data-row] th').first();
  const before = (await head.boundingBox())!.x;
  await page.getByTestId(testid).evaluate((t) => t.closest('.scroll')!.scrollBy(300, 0));
  await page.waitForTimeout(100);
  return [before, (await head.boundingBox())!.x];
}

describe('usable on a phone with touch, and on a laptop', () => {
  it('390×844: every view fits, tabs stay on one line, the first column stays, taps open sources and reasons', async () => {
    const { page, errors } = await app.open(undefined, undefined, PHONE_DEVICE);
    for (const [name, frag] of VIEWS) {
      await page.goto(`${app.host.url}#${frag}`);
      await page.locator('main section h2:visible').first().waitFor();
      if (name === '同比') await page.getByTestId('yoy-table').waitFor();
      if (name === '横比') await page.getByTestId('peers-table').waitFor();
      if (name === '执行') await page.getByTestId('execution-table').waitFor();
      if (name === '变化最大') await page.getByTestId('ranking-absolute').waitFor();
      if (name === '数据') await page.getByTestId('catalog').locator('tbody tr').first().waitFor();
      if (name === 'SQL') await page.getByTestId('sql-result').locator('tbody tr').first().waitFor();
      await checkLayout(page, name);
    }
    // A document opened in the library still fits the screen; its figures' table scrolls in its box.
    await page.goto(app.host.url);
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).tap();
    await page.getByTestId('figures').locator('tbody tr').first().waitFor();
    await checkLayout(page, '资料库中的文档');

    // 同比: the row names stay while the years scroll; a tap opens the source over the screen.
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').waitFor();
    const [before, after] = await stickyFirstColumn(page, 'yoy-table');
    expect(Math.abs(after - before)).toBeLessThan(2);
    await page.getByTestId('yoy-table').locator('tr[data-row="m:expense_total"] td[data-year="2024"] button.amount').tap();
    const panel = (await page.getByTestId('trace').boundingBox())!;
    expect(panel.x).toBeLessThanOrEqual(1);
    expect(panel.width).toBeGreaterThanOrEqual(388);
    await page.getByRole('button', { name: '关闭来源' }).tap();

    // 横比: an outlier's reason by a tap, not a hover.
    await page.goto(`${app.host.url}#view=peers&year=2023`);
    await page.getByTestId('peers-table').waitFor();
    const [b2, a2] = await stickyFirstColumn(page, 'peers-table');
    expect(Math.abs(a2 - b2)).toBeLessThan(2);
    const flag = page.getByTestId('outlier').first();
    await flag.scrollIntoViewIfNeeded();
    await flag.tap();
    await expect(page.getByTestId('trace-note').innerText()).resolves.toContain('中位数');
    // The status bar follows the page instead of covering it.
    expect(await page.locator('footer.status').evaluate((f) => getComputedStyle(f).position)).toBe('static');
    expect(errors).toEqual([]);
  });

  it('1366×850: every view fits, and the status bar covers no row of a table', async () => {
    const { page, errors } = await app.open(undefined, undefined, LAPTOP_DEVICE);
    for (const [name, frag] of VIEWS) {
      await page.goto(`${app.host.url}#${frag}`);
      await page.locator('main section h2:visible').first().waitFor();
      if (name === '同比') await page.getByTestId('yoy-table').waitFor();
      await checkLayout(page, name);
    }
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = (await page.locator('main').boundingBox())!;
    const bar = (await page.locator('footer.status').boundingBox())!;
    // Scrolled to the end, the last of the page ends above the bar.
    const contentEnd = await page.evaluate(() => {
      const els = [...document.querySelectorAll('main > *')];
      return Math.max(...els.map((e) => e.getBoundingClientRect().bottom));
    });
    expect(contentEnd).toBeLessThanOrEqual(bar.y + 1);
    expect(last.height).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
