import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForLibrary, watchErrors } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir } from '../support/shared';
import { openPdfNode } from '../../src/lib/ingest/pdf/node';
import { ofdOf } from '../unit/ingest/ofd/write';

const app = useApp();

describe('a ZIP of disclosures in the app', () => {
  it('imports each file of a ZIP picked as a file picker gives it, the ZIP inside it too, and says what it left', { timeout: 180_000 }, async () => {
    const { page } = await app.open();
    const errors = watchErrors(page);
    await page.getByTestId('sample-banner').getByRole('button', { name: '清除示例，从空资料库开始' }).click();
    await waitForLibrary(page, 0);

    await page.getByTestId('file-input').setInputFiles(path.resolve('test/unit/ingest/bundle/bundle.zip'));
    // The seeds' six documents (004: a department and its unit), each from a file inside the ZIP.
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByTestId('import-progress').filter({ hasText: '7 / 7' }).waitFor();
    const lines = (await page.getByTestId('import-results').locator(':scope > li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(lines[0]).toBe('「bundle.zip」是压缩包，含 5 个文件，逐个导入（结果见下）；1 个图片、音视频或程序文件不是公开文件，未读取：「封面.png」');
    expect(lines.slice(1).map((l) => l.split('：')[0])).toEqual([
      'bundle.zip/2023年部门预算/000_90f61d72552513ea.txt', 'bundle.zip/2023年部门预算/001_0e01da1d0149c9a7.txt',
      'bundle.zip/2023年部门预算/002_64e98bfc144ba4c8.txt', 'bundle.zip/2023年部门预算/003_3753cf426c7ec0a0.xls',
      '「bundle.zip/其他/更多.zip」是压缩包，含 1 个文件，逐个导入（结果见下）', 'bundle.zip/其他/更多.zip/004_4e927ba8514049a8.txt',
    ]);
    expect(lines.filter((l) => l.includes('已导入'))).toHaveLength(5);
    const row = page.getByTestId('library-table').locator('tr', { hasText: '开发区群众工作局' });
    expect(Number(await row.getByTestId('figure-count').innerText())).toBeGreaterThanOrEqual(84);
    expect(errors).toEqual([]);
  });
});

describe('an OFD in the app', () => {
  it('imports an .ofd as a file picker gives it: its document, its 262 figures, a figure\'s page and source line', { timeout: 180_000 }, async () => {
    const file = 'putuo-czj-2025-department.pdf';
    const opened = await openPdfNode(new Uint8Array(readFileSync(path.join(corpusDir, 'shanghai', file))));
    if (!opened.ok) throw new Error(opened.reason);
    const pages = [];
    for (let n = 1; n <= opened.source.pageCount; n++) pages.push(await opened.source.page(n));
    await opened.source.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'ofd-'));
    const ofd = path.join(dir, '财政局2025年部门预算.ofd');
    writeFileSync(ofd, ofdOf(pages));

    const { page } = await app.open();
    const errors = watchErrors(page);
    await page.getByTestId('sample-banner').getByRole('button', { name: '清除示例，从空资料库开始' }).click();
    await waitForLibrary(page, 0);
    await page.getByTestId('file-input').setInputFiles(ofd);
    await waitForLibrary(page, 1);
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(/财政局2025年部门预算\.ofd：已导入\s*上海市普陀区财政局 2025年，262 个数字/);
    await page.getByRole('button', { name: '上海市普陀区财政局', exact: true }).click();
    await page.getByTestId('figures').locator('tr[data-table="summary"]').first().waitFor();
    // A figure's source: its page (no PDF's) and the rebuilt text's line it was read from.
    await page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').first().getByRole('button', { name: /^查看 第 \d+ 页中的/ }).click();
    const viewer = page.getByTestId('source-viewer');
    await expect(viewer.locator('.where').innerText()).resolves.toMatch(/位置\s*第 \d+ 页，原文第 \d+ 行/);
    await expect(viewer.innerText()).resolves.not.toContain('PDF');
    await expect(page.getByTestId('source-lines').locator('.hit').innerText()).resolves.toContain('31,214,205.80'); // printed in 元
    rmSync(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });
});
