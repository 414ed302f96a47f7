import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { LIBRARY_PAGE } from '../../src/ui/library/docList';

const HEADER = 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\r\n';
const app = useApp();
const open = (url?: string) => app.open(url);

function rows(doc: string, unit: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += `${doc},9${doc.length},${unit},unit,budget,2025,expense,20101${String(i).padStart(4, '0')},行${i},total,${i}.25\r\n`;
  return out;
}

/** A whole city's worth of documents, as a big published dataset would be: `docs` × `perDoc` rows. */
function manyDocs(docs: number, perDoc: number): string {
  let out = '';
  for (let d = 0; d < docs; d++) {
    const id = `big${String(d).padStart(5, '0')}`;
    for (let i = 0; i < perDoc; i++) out += `${id},${900 + d},合成大文件单位${d},unit,budget,2025,basic_expense,30${String(i).padStart(3, '0')},项${i},total,${d}.${String(i % 100).padStart(2, '0')}\r\n`;
  }
  return out;
}

describe('FORMAT CSV import', () => {
  it('lists bad rows by line and imports the good ones only when the user accepts', async () => {
    const { page, errors } = await open();
    const csv = HEADER + rows('csva', '测试单位甲', 3) + 'csva,9,测试单位甲,unit,budget,2025,expense,x,行,total,abc\r\n' + rows('csvb', '测试单位乙', 2);
    const input = page.getByTestId('file-input');
    await input.setInputFiles({ name: '有错.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByTestId('csv-confirm');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toMatch(/有 1 行不符合格式[\s\S]*第 5 行：金额「abc」/);
    await dialog.getByRole('button', { name: /放弃/ }).click();
    await page.getByTestId('import-results').filter({ hasText: '已放弃导入「有错.csv」' }).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);

    await input.setInputFiles({ name: '有错.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('csv-confirm').getByRole('button', { name: '导入其余 5 行' }).click();
    await waitForLibrary(page, SAMPLE_DOCS + 2);
    expect(errors).toEqual([]);
  });

  it('reads a GB18030 file saved by Excel', async () => {
    const { page } = await open();
    const utf8 = HEADER + rows('gbk1', '河北省某某局（本级）', 4);
    // iconv is part of Debian's libc-bin, present on every machine this runs on.
    const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 });
    expect(gb.equals(Buffer.from(utf8))).toBe(false);
    await page.getByTestId('file-input').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: gb });
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByRole('button', { name: '河北省某某局（本级）', exact: true }).waitFor();
  });

  it('streams a large file with progress, and a cancel leaves nothing behind', { timeout: 180_000 }, async () => {
    const { page } = await open();
    // ~20 MB in 1 MB chunks: enough of them that a cancel lands mid-file. Passed by path, as a
    // user's file would be, rather than copied through the test protocol.
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-csv-'));
    const bigPath = path.join(dir, '大文件.csv');
    writeFileSync(bigPath, HEADER + manyDocs(2000, 110));
    expect(statSync(bigPath).size).toBeGreaterThan(18 * 1024 * 1024);
    await page.getByTestId('file-input').setInputFiles(bigPath);
    await page.getByTestId('file-progress').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('import-results').filter({ hasText: '已取消导入「大文件.csv」' }).waitFor({ timeout: 60_000 });
    await waitForLibrary(page, SAMPLE_DOCS);

    await page.getByTestId('file-input').setInputFiles(bigPath);
    await page.getByTestId('import-results').filter({ hasText: '已导入' }).waitFor({ timeout: 90_000 });
    await waitForLibrary(page, SAMPLE_DOCS + 2000);
    // Thousands of documents are shown a page at a time; the filter finds one.
    await expect(page.getByTestId('library-page').innerText()).resolves.toBe(`第 1 / ${Math.ceil((SAMPLE_DOCS + 2000) / LIBRARY_PAGE)} 页`);
    await page.getByTestId('library-filter').fill('合成大文件单位1999');
    const row = page.getByTestId('library-table').locator('tr', { hasText: '合成大文件单位1999' });
    expect(await row.getByTestId('figure-count').innerText()).toBe('110');
    rmSync(dir, { recursive: true, force: true });
  });
});
