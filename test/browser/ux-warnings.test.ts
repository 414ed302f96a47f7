import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir } from '../support/shared';

/**
 * Issue #16, item 5: import warnings cited lines of extracted text (「第 2557 行」). A PDF's warning
 * now gives its page, and a click opens that page; a text document's gives the line of its original.
 */
const app = useApp();

describe('import warnings say where they are', () => {
  it('a PDF\'s warnings name the page and open it; a text document\'s name the original line and open it', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('file-input').setInputFiles(path.join(corpusDir, 'shanghai', 'putuo-czj-2024-department-final.pdf'));
    await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor({ timeout: 120_000 });
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByRole('button', { name: '上海市普陀区财政局', exact: true }).click();
    const warnings = page.getByTestId('import-warnings');
    // The document's warnings load after it opens: wait for them before reading them all.
    await warnings.locator('li').first().waitFor();
    const items = await warnings.locator('li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const w of items) expect(w).toMatch(/^PDF 第 \d+ 页/);
    expect(items.join('\n')).not.toMatch(/^第 \d+ 行：/m);
    const link = warnings.getByRole('button', { name: /^PDF 第 \d+ 页/ }).last();
    const n = /第 (\d+) 页/.exec(await link.innerText())![1];
    await link.click();
    await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('pdf-page').innerText()).resolves.toContain(`PDF 第 ${n} 页`);
    await page.getByRole('button', { name: '关闭来源' }).click();

    // A text document of the sample with a warning: the line of the original, with its text.
    await page.getByRole('button', { name: '保定白沟新城党群工作部', exact: true }).click();
    const text = page.getByTestId('import-warnings').getByRole('button', { name: /^原文第 \d+ 行/ }).first();
    await text.click();
    await page.getByTestId('source-lines').locator('.hit').waitFor();
    expect(errors).toEqual([]);
  });
});
