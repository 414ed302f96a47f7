import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir } from '../support/shared';
import { LAPTOP, PHONE } from './support/ux';

/**
 * Issue #16, item 4: clicking a number in 同比/横比 showed its source 1,900 px below the table, as
 * lines of extracted text and internal keys. The source now opens beside the table, in view, with
 * Chinese names; for a PDF the page with the cell outlined, for a text document its lines.
 */
const app = useApp();
const PDF = 'putuo-qzfb-2025-department.pdf';
const UNIT = '上海市普陀区人民政府办公室';
const KEYS = /expense\.|income\.|grand_total|\bamount\b|\btotal\b/;

async function inView(page: Page, testid: string): Promise<void> {
  const box = (await page.getByTestId(testid).boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(vp.height / 2);
  expect(box.x).toBeLessThan(vp.width - 100);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 1);
}

/** Dark pixels of the canvas under the outline: the outline sits on printed digits. */
async function inkUnderOutline(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-canvas"]')!;
    const h = document.querySelector<HTMLElement>('[data-testid="pdf-highlight"]')!.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const k = canvas.width / c.width;
    const data = canvas.getContext('2d')!.getImageData(Math.round((h.left - c.left) * k), Math.round((h.top - c.top) * k), Math.round(h.width * k), Math.round(h.height * k)).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 330) ink++;
    return ink;
  });
}

/** The outlined cell is scrolled into the visible part of the page frame (and so of the panel). */
async function outlineVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const f = document.querySelector<HTMLElement>('[data-testid="pdf-page"]')!.getBoundingClientRect();
    const h = document.querySelector<HTMLElement>('[data-testid="pdf-highlight"]')!.getBoundingClientRect();
    return h.left >= f.left && h.right <= f.right && h.top >= f.top && h.bottom <= f.bottom && h.bottom <= innerHeight;
  });
}

async function importPdf(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path.join(corpusDir, 'shanghai', PDF));
  await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor({ timeout: 60_000 });
  await waitForLibrary(page, SAMPLE_DOCS + 1);
}

describe('the source of a number opens beside the table', () => {
  for (const [size, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    it(`同比 on a text document, ${size}: the panel is in view, names in Chinese, the line highlighted`, async () => {
      const { page, errors } = await app.open();
      await page.setViewportSize(viewport);
      await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
      const cell = page.getByTestId('yoy-table').locator('tr[data-row="m:expense_total"] td[data-year="2024"] button.amount');
      await cell.click();
      await inView(page, 'trace');
      const text = await page.getByTestId('trace').innerText();
      expect(text).toContain('收支总表');
      expect(text).toContain('支出总计');
      expect(text).not.toMatch(KEYS);
      await expect(page.getByTestId('source-lines').locator('.hit').innerText()).resolves.toContain('1550.13');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('trace').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    });
  }

  it('横比 and the library on a PDF: its page, the cell outlined, in view', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize(LAPTOP);
    await importPdf(page);
    await page.goto(`${app.host.url}#view=peers&year=2025`);
    const cell = page.getByTestId('peers-table').locator(`tr[data-row="m:expense_total"] td[data-unit="name:${UNIT}"] button.amount`);
    await cell.click();
    await inView(page, 'trace');
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('trace').innerText()).resolves.toMatch(/PDF 第 \d+ 页/);
    expect(await page.getByTestId('trace').innerText()).not.toMatch(KEYS);
    expect(await inkUnderOutline(page)).toBeGreaterThan(20);
    expect(await outlineVisible(page)).toBe(true);
    await page.getByRole('button', { name: '关闭来源' }).click();

    await page.getByRole('link', { name: '资料库' }).click();
    await page.getByRole('button', { name: UNIT, exact: true }).click();
    await page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').getByRole('button', { name: /^查看 PDF 第 \d+ 页/ }).click();
    await inView(page, 'source-panel');
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    expect(await inkUnderOutline(page)).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('a narrative published as its own PDF and joined to the tables shows its own PDF', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize(LAPTOP);
    const dir = path.join(corpusDir, 'jiangsu');
    const tables = readdirSync(dir).filter((f) => f.endsWith('-tables.pdf')).sort()[0];
    const narrative = tables.replace(/-tables\.pdf$/, '-text.pdf');
    await page.getByTestId('file-input').setInputFiles([path.join(dir, tables), path.join(dir, narrative)]);
    await page.getByTestId('import-progress').filter({ hasText: '2 / 2' }).waitFor({ timeout: 120_000 });
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByRole('button', { name: /江苏省委(员会)?办公厅$/ }).first().click();
    const figures = page.getByTestId('figures');
    // A figure of the narrative: the narrative's PDF, named as the file.
    await figures.locator('tr[data-table="facts"]').first().getByRole('button', { name: /^查看 PDF 第 \d+ 页/ }).click();
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('source-file').innerText()).resolves.toBe(narrative);
    await page.getByRole('button', { name: '关闭来源' }).click();
    // A figure of a table: the tables' PDF.
    await figures.locator('tr[data-table="summary"]').first().getByRole('button', { name: /^查看 PDF 第 \d+ 页/ }).click();
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('source-file').innerText()).resolves.toBe(tables);
    expect(await inkUnderOutline(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '关闭来源' }).click();
    // An audit finding about a sentence of the narrative (its percentage) names and opens the narrative's PDF.
    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    await page.getByTestId('audit-matrix').locator('tbody tr', { hasText: /江苏省委(员会)?办公厅/ }).getByRole('button').first().click();
    const finding = page.getByTestId('findings-error').locator('li', { hasText: '2013101' }).first();
    const where = await finding.locator('.where').innerText();
    expect(where).toContain(`「${narrative}」`);
    const pageNo = /第 (\d+) 页/.exec(where)![1];
    await finding.getByRole('button', { name: /^查看 PDF 第 \d+ 页/ }).click();
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('source-file').innerText()).resolves.toBe(narrative);
    await page.getByRole('button', { name: '关闭来源' }).click();
    // The one-page brief, printed apart from the app, names the file of that finding's page too.
    await page.getByRole('link', { name: '简报（一页）' }).click();
    const unit = page.getByTestId('brief-unit');
    await unit.focus();
    const key = await unit.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => /江苏省委(员会)?办公厅/.test(o.text))!.value);
    await unit.selectOption(key);
    await expect(page.getByTestId('brief-findings').locator('li', { hasText: '2013101' }).innerText()).resolves.toContain(`「${narrative}」第 ${pageNo} 页`);
    expect(errors).toEqual([]);
  });
});
