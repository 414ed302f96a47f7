import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support/app';

/**
 * Issue #16, item 6: internal names leaked into what people read (`amount/total/fiscal` column
 * heads, `income.fiscal` rows, 「当前视图：data」), and counts disagreed. Every view a reader opens
 * (the audit view has its own owner and test) is read as text: Chinese words, format names only.
 */
const app = useApp();
/** Names of file formats (JSON: the layout profiles' files; .xlsx/.xls/.docx/.doc, Word, web pages .html/.mht, OFD and ZIP: the files the import panel names), of SQL (the console's tab) and of the product: the only Latin words a reader should meet. */
const ALLOWED = /\b(?:PDF|CSV|JSON|PNG|SQLite|SQL|Excel|Word|WPS|ZIP|OFD|xlsx|xls|docx|doc|html|mht|Budget Lens)\b|\.txt\b/g;

async function latinWords(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText()).replace(ALLOWED, '');
  return [...new Set(text.match(/[A-Za-z_][A-Za-z_.]{2,}/g) ?? [])];
}

describe('every label a reader sees is Chinese, and counts agree', () => {
  it('library, a document\'s figures and warnings, 同比 with a source, 横比, data', async () => {
    const { page, errors } = await app.open();
    const row = page.getByTestId('library-table').locator('tbody tr', { hasText: '保定白沟新城党群工作部（本级）' });
    const figureCount = Number(await row.getByTestId('figure-count').innerText());
    const warningCount = Number(await row.locator('td[data-col="warnings"]').innerText());
    await row.getByRole('button', { name: '保定白沟新城党群工作部（本级）', exact: true }).click();
    const figures = page.getByTestId('figures');
    await figures.locator('tbody tr').first().waitFor();
    expect(await latinWords(page)).toEqual([]);
    // The counts of the list are the counts of the document.
    expect(await figures.locator('tbody tr').count()).toBe(figureCount);
    await expect(page.getByTestId('import-warnings').locator('summary').innerText()).resolves.toContain(`（${warningCount}）`);
    expect(await page.getByTestId('import-warnings').locator('li').count()).toBe(warningCount);
    const heads = await figures.locator('thead th').allInnerTexts();
    expect(heads.map((h) => h.replace(/[▲▼↕]/g, '').trim())).toEqual(['项目', '编码', '列', '金额（万元）', '表', '来源']);

    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').locator('tr[data-row="m:expense_total"] td[data-year="2024"] button.amount').click();
    await page.getByTestId('source-lines').waitFor();
    expect(await latinWords(page)).toEqual([]);

    await page.goto(`${app.host.url}#view=peers&scope=all`);
    await page.getByTestId('peers-table').waitFor();
    expect(await latinWords(page)).toEqual([]);

    await page.goto(`${app.host.url}#view=data`);
    await page.getByTestId('catalog').locator('tbody tr').first().waitFor();
    expect(await latinWords(page)).toEqual([]);
    await expect(page.locator('body').innerText()).resolves.not.toContain('当前视图');
    expect(errors).toEqual([]);
  });
});
