import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toFragments } from '../../src/lib/ingest/pdf/fragments';
import { openPdfNode } from '../../src/lib/ingest/pdf/node';
import { useApp } from './support/app';

/**
 * Issue #16, item 10: printing a view printed the navigation and the buttons, and the fixed status
 * bar covered a row. The view is printed to PDF by Chromium and the PDF's text read back.
 */
const app = useApp();

async function printed(page: Page): Promise<{ pages: { width: number; height: number }[]; text: string }> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const opened = await openPdfNode(new Uint8Array(pdf));
  if (!opened.ok) throw new Error(opened.reason);
  const pages: { width: number; height: number }[] = [];
  let text = '';
  for (let n = 1; n <= opened.source.pageCount; n++) {
    const p = await opened.source.page(n);
    pages.push({ width: Math.round(p.width), height: Math.round(p.height) });
    // The importer's own reading of a Chromium-printed PDF (radical glyphs back to ideographs).
    text += p.items.flatMap((i) => toFragments(i).map((f) => f.text)).join('');
  }
  await opened.source.close();
  return { pages, text: text.replace(/\s+/g, '') };
}

const SCREEN_ONLY = ['分享链接', '复制视图链接', '下载', '打印', '保存为PNG', '已保存到本机', '版本', '同比（跨年）', '横比（跨单位）', '点击任一数字', '单位关联', '阶段'];

describe('a view prints as a clean A4 table', () => {
  it('同比: title, units, sources and every visible row; nothing of the screen\'s controls', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').waitFor();
    const rows = await page.getByTestId('yoy-table').locator('tbody tr[data-row] th').allInnerTexts();
    const { pages, text } = await printed(page);
    expect(pages[0]).toEqual({ width: 595, height: 842 });
    expect(text).toContain('信访局（市委群工部）2023–2024年预算同比');
    expect(text).toContain('金额单位：万元');
    expect(text).toContain('来源：信访局（市委群工部）2024年部门预算');
    for (const r of rows) expect(text).toContain(r.replace(/[▸▾\s]/g, ''));
    expect(text).toContain('1,550.13');
    for (const s of SCREEN_ONLY) expect(text, s).not.toContain(s);
    expect(errors).toEqual([]);
  });

  it('横比 of six units: landscape, every unit and its amounts', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=peers&year=latest&scope=all`);
    const table = page.getByTestId('peers-table');
    // The answer for these choices: a 横比 drawn ahead for the tab's own choices (one year's 部门 only)
    // can be on the page a moment before it (seen once under CI load: 3 columns).
    await table.locator('thead th[data-unit]').nth(5).waitFor();
    const heads = await table.locator('thead th[data-unit]').count();
    expect(heads).toBeGreaterThan(5);
    const totals = await table.locator('tr[data-row="m:expense_total"] button.amount').allInnerTexts();
    const { pages, text } = await printed(page);
    expect(pages[0]).toEqual({ width: 842, height: 595 });
    expect(text).toContain('各单位最新年度预算横比');
    for (const t of totals) expect(text).toContain(t.trim());
    for (const s of SCREEN_ONLY) expect(text, s).not.toContain(s);
    expect(errors).toEqual([]);
  });
});
