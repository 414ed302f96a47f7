import { describe, expect, it } from 'vitest';
import { useApp } from './support/app';
import { LAPTOP_DEVICE, PHONE_DEVICE } from './support/ux';

/**
 * Issue #16, item 12: the first screen says in one sentence what the app does and what to drop on
 * it, and every count of the sample is a count of documents.
 */
const app = useApp();

describe('the first screen', () => {
  for (const [size, device] of [['laptop', LAPTOP_DEVICE], ['phone', PHONE_DEVICE]] as const) {
    it(`says what the app does and what to drop, in the first screenful (${size})`, async () => {
      const { page, errors } = await app.open(undefined, undefined, device);
      const height = page.viewportSize()!.height;
      const intro = page.getByTestId('intro');
      const sentence = await intro.innerText();
      expect(sentence.split(/[。！？]/).filter((s) => s.trim()).length).toBe(1);
      expect(sentence).toMatch(/预算.*决算.*公开文件/);
      expect(sentence).toMatch(/核对|比较/);
      const drop = page.getByTestId('drop-target');
      await expect(drop.innerText()).resolves.toMatch(/拖到这里.*PDF.*文本/);
      for (const el of [intro, drop]) {
        const box = (await el.boundingBox())!;
        expect(box.y + Math.min(box.height, 80)).toBeLessThanOrEqual(height);
      }
      expect(errors).toEqual([]);
    });
  }

  it('counts the sample in documents everywhere: banner, list, status bar and catalog', async () => {
    const { page, errors } = await app.open();
    const listed = await page.getByTestId('library-table').locator('tbody tr[data-doc-id]').count();
    const banner = await page.getByTestId('sample-banner').getByRole('heading').innerText();
    expect(banner).toContain(`${listed} 份公开文档`);
    expect(await page.getByTestId('sample-banner').locator('li').count()).toBe(listed);
    await expect(page.getByTestId('doc-count').innerText()).resolves.toBe(`${listed} 份文档`);
    await page.getByRole('link', { name: '数据导入导出' }).click();
    const row = page.getByTestId('catalog').locator('tbody tr').first();
    // The view and its catalog load after the click: wait for the row, not only for the table.
    await row.locator('td').first().waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toContain(`${listed} 份文档`);
    expect(Number(cells[4])).toBe(listed);
    expect(errors).toEqual([]);
  });
});
