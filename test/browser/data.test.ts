import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { waitForLibrary, waitForServiceWorker } from './support/browser';
import { requireDist } from './support/build';
import { StaticHost } from './support/server';
import { SAMPLE_DOCS, useApp } from './support/app';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';

const app = useApp();
const open = (url?: string) => app.open(url);

async function removeAll(page: Page): Promise<void> {
  page.on('dialog', (d) => void d.accept());
  for (let n = SAMPLE_DOCS; n > 0; n--) {
    await page.getByRole('button', { name: /^删除 / }).first().click();
    await waitForLibrary(page, n - 1);
  }
}

describe('data in and out', () => {
  it('exports the library as FORMAT CSV and as SQLite, and opens the SQLite file again', async () => {
    const { page, errors } = await open();
    await page.getByRole('link', { name: '数据导入导出' }).click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载资料库：交换格式 CSV（供程序读取）' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const parsed = parseFormatCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.length).toBe(SAMPLE_DOCS);
    const seed = readFileSync(path.join(requireDist(), 'data/seeds.csv'), 'utf8');
    expect(parseFormatCsv(seed).docs.reduce((n, d) => n + d.figures.length, 0)).toBe(parsed.docs.reduce((n, d) => n + d.figures.length, 0));

    const [dbDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载资料库：SQLite 文件' }).click()]);
    const sqlitePath = (await dbDownload.path())!;
    expect(readFileSync(sqlitePath).subarray(0, 15).toString()).toBe('SQLite format 3');

    await page.getByRole('link', { name: '资料库' }).click();
    await removeAll(page);
    await page.getByRole('link', { name: '数据导入导出' }).click();
    await page.getByTestId('sqlite-input').setInputFiles(sqlitePath);
    await page.getByText(`：${SAMPLE_DOCS} 份文档。`).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });

  it('refuses a file that is not our SQLite and keeps the library', async () => {
    const { page } = await open();
    await page.getByRole('link', { name: '数据导入导出' }).click();
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('sqlite-input').setInputFiles({ name: '假的.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('not a database') });
    await page.getByRole('alert').filter({ hasText: '「假的.sqlite」无法打开' }).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);
  });

  it('loads a catalog dataset on demand', async () => {
    const { page } = await open();
    await removeAll(page);
    await page.getByRole('link', { name: '数据导入导出' }).click();
    const row = page.getByTestId('catalog').locator('tr', { hasText: '河北' });
    await row.getByRole('button', { name: '加载到资料库' }).click();
    await row.getByTestId('catalog-result').filter({ hasText: `已加载 ${SAMPLE_DOCS} 份文档` }).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);
  });
});

describe('the catalog on a static site', () => {
  it('loads the built-in catalog dataset offline, served from a sub-folder', async () => {
    const sub = new StaticHost(requireDist(), '/tools/budget/');
    await sub.start();
    try {
      const { page } = await open(sub.url);
      await waitForServiceWorker(page);
      await removeAll(page);
      await sub.stop();
      await app.profile.context!.setOffline(true);
      await page.reload();
      await waitForLibrary(page, 0);
      await page.getByRole('link', { name: '数据导入导出' }).click();
      const row = page.getByTestId('catalog').locator('tr', { hasText: '河北' });
      await row.getByRole('button', { name: '加载到资料库' }).click();
      await row.getByTestId('catalog-result').filter({ hasText: `已加载 ${SAMPLE_DOCS} 份文档` }).waitFor();
      await waitForLibrary(page, SAMPLE_DOCS);
    } finally {
      await sub.stop();
    }
  });
});

describe('a full disk', () => {
  it('says storage is full, keeps working in memory, and loses nothing already saved', async () => {
    const { page } = await open();
    await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
    // The database worker writes the snapshots: make its IndexedDB writes fail as a full disk does.
    const worker = page.workers().find((w) => w.url().includes('worker'))!;
    await worker.evaluate(() => {
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 开发区群众工作局/ }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await page.getByTestId('save-state').filter({ hasText: '存储空间不足' }).waitFor();
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS);
  });
});
