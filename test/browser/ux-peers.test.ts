import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir } from '../support/shared';

/**
 * Issue #16, item 3: 横比 dropped chosen units without a word (three ticked, one a 决算: two
 * columns), a 单位预算 never got a column beside its 部门预算, and a unit alone was 「第 1 名」.
 * The real Shanghai PDFs: a 部门预算 and its 单位预算 (same unit, same name), and another unit's 决算.
 */
const app = useApp();
const FILES = ['putuo-qzfb-2025-department.pdf', 'putuo-qzfb-2025-unit.pdf', 'putuo-czj-2024-department-final.pdf'];
const OFFICE = '上海市普陀区人民政府办公室';
const FINANCE = '上海市普陀区财政局';

describe('横比 names every unit it does not show', () => {
  it('lists a 决算-only unit, another year\'s unit and a hidden 单位预算 with reasons; both scopes side by side; no rank of one', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('file-input').setInputFiles(FILES.map((f) => path.join(corpusDir, 'shanghai', f)));
    await page.getByTestId('import-progress').filter({ hasText: '3 / 3' }).waitFor({ timeout: 120_000 });
    await waitForLibrary(page, SAMPLE_DOCS + 3);

    // Three units ticked by hand: the office (2025 预算), the finance bureau (2024 决算 only), a sample unit (2023).
    await page.getByRole('link', { name: '横比（跨单位）' }).click();
    await page.getByTestId('peers-selection').selectOption('units');
    const pick = page.getByTestId('peers-pick');
    for (const name of [OFFICE, FINANCE, '开发区群众工作局']) await pick.getByLabel(name).check();
    await page.getByTestId('peers-year').selectOption('2025');
    const table = page.getByTestId('peers-table');
    await table.waitFor();
    expect(await table.locator('thead th[data-unit]').count()).toBe(1);
    const omitted = page.getByTestId('peers-omitted');
    const said = await omitted.innerText();
    expect(said).toMatch(new RegExp(`${FINANCE}：只有部门决算文档，当前比较的是预算`));
    expect(said).toMatch(/开发区群众工作局：没有 2025 年的预算文档（有 2023 年）/);
    expect(said).toMatch(new RegExp(`${OFFICE}（2025年单位预算）：当前只比较部门预算`));
    // One unit: no 「第 1 名」 anywhere.
    await expect(table.innerText()).resolves.not.toContain('名');

    // Both scopes: the 单位预算 gets its own column beside the 部门预算, and ranks appear.
    await page.getByTestId('peers-scope').selectOption('all');
    await table.locator('thead th[data-unit]').nth(1).waitFor();
    const heads = await table.locator('thead th[data-unit]').allInnerTexts();
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain('部门预算');
    expect(heads[1]).toContain('单位预算');
    const totals = await table.locator('tr[data-row="m:expense_total"]').innerText();
    expect(totals.match(/第 \d 名/g)).toHaveLength(2);
    await expect(omitted.innerText()).resolves.not.toContain('单位预算）');

    // 决算: the finance bureau's column, and the others named (预算 and 决算 never side by side).
    await page.getByTestId('peers-stage').selectOption('final');
    await page.getByTestId('peers-year').selectOption('2024');
    await table.locator(`thead th[data-unit="name:${FINANCE}"]`).waitFor();
    expect(await table.locator('thead th[data-unit]').count()).toBe(1);
    await expect(omitted.innerText()).resolves.toMatch(new RegExp(`${OFFICE}：只有部门预算、单位预算文档，当前比较的是决算`));
    expect(errors).toEqual([]);
  });
});
