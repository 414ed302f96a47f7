import { describe, expect, it } from 'vitest';
import { useApp } from './support/app';

/**
 * Issue #16, item 11: the library and a document's figures could not be sorted by a header, the
 * library not filtered by year, region or kind, the figures not searched by name or code.
 */
const app = useApp();

describe('sorting and filtering', () => {
  it('the library sorts by a header and filters by unit, year, region and kind', async () => {
    const { page, errors } = await app.open();
    const table = page.getByTestId('library-table');
    const years = () => table.locator('tbody tr[data-doc-id] td:nth-child(3)').allInnerTexts();
    await table.getByRole('button', { name: /^年度/ }).click();
    await expect(table.locator('th[data-sort="year"]').getAttribute('aria-sort')).resolves.toBe('descending');
    const desc = (await years()).map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await table.getByRole('button', { name: /^年度/ }).click();
    const asc = (await years()).map(Number);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBeLessThan(asc.at(-1)!);

    await page.getByTestId('library-year').selectOption('2023');
    expect(new Set(await years())).toEqual(new Set(['2023']));
    await page.getByTestId('library-kind').selectOption({ label: '单位预算' });
    await expect(table.locator('tbody tr[data-doc-id]').count()).resolves.toBe(1);
    await expect(page.getByTestId('library-count').innerText()).resolves.toBe('1 / 6 份文档');
    await page.getByRole('button', { name: '清除筛选' }).click();

    // Regions come from the start of the unit names; choosing one keeps its units only.
    const regions = (await page.getByTestId('library-region').locator('option').allInnerTexts()).slice(1);
    expect(regions.length).toBeGreaterThan(2);
    const region = regions.find((r) => !r.startsWith('（'))!;
    await page.getByTestId('library-region').selectOption(region);
    const names = await table.locator('tbody tr[data-doc-id] td:first-child button.linklike').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.replace(/^中共/, '').startsWith(region)).toBe(true);
    await page.getByTestId('library-filter').fill('信访');
    await expect(table.locator('tbody tr[data-doc-id]').count()).resolves.toBe(0);
    await page.getByTestId('library-none').waitFor();
    expect(errors).toEqual([]);
  });

  it('a document\'s figures are searched by name or code and sorted by amount', async () => {
    const { page, errors } = await app.open();
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    const figures = page.getByTestId('figures');
    await figures.locator('tbody tr').first().waitFor();
    const all = await figures.locator('tbody tr').count();

    await page.getByTestId('figure-search').fill('201');
    const codes = await figures.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(codes.length).toBeGreaterThan(3);
    for (const c of codes) expect(c.startsWith('201')).toBe(true);
    await page.getByTestId('figure-search').fill('社会保障');
    const names = await figures.locator('tbody tr td.name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('社会保障');
    await page.getByTestId('figure-search').fill('');
    await expect(figures.locator('tbody tr').count()).resolves.toBe(all);

    const amounts = () => figures.locator('tbody td[data-exact]').evaluateAll((tds) => tds.map((t) => Number((t as HTMLElement).dataset.exact)));
    await figures.getByRole('button', { name: /^金额/ }).click();
    const desc = await amounts();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await figures.getByRole('button', { name: /^金额/ }).click();
    const asc = await amounts();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc.length).toBe(all);
    expect(errors).toEqual([]);
  });
});
