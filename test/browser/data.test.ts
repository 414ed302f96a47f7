import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import path from 'node:path';
import { waitForLibrary, waitForServiceWorker, watchErrors } from './support/browser';
import { SmallDiskProfile } from './support/smallDisk';
import { corpusDir } from '../support/shared';
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
    // Whole: the source texts its documents were read from are inside (the library keeps them beside its own file).
    const SQL = await initSqlJs();
    const file = new SQL.Database(readFileSync(sqlitePath));
    const [[texts, hashes]] = file.exec('SELECT (SELECT count(*) FROM source_text), (SELECT count(DISTINCT content_hash) FROM document)')[0].values;
    file.close();
    expect(texts).toBeGreaterThan(0);
    expect(texts).toBe(hashes);

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
      // The removals saved before the reload: on a busy machine the reload otherwise opened the
      // snapshot from before the last removal, and the library never showed 0 documents.
      await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor({ timeout: 90_000 });
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
  it('says storage is full in Chinese, keeps the change in memory, asks before leaving, and saves once there is room', async () => {
    // A real small disk: the profile lives on a tmpfs of its own (support/smallDisk.ts), filled
    // with a file as a user's disk fills up. Nothing in the browser or the app is faked.
    SmallDiskProfile.check();
    const profile = new SmallDiskProfile('96m');
    try {
      const page = (await profile.open()).pages()[0];
      const errors = watchErrors(page);
      await page.goto(app.host.url);
      await waitForLibrary(page, SAMPLE_DOCS);
      const state = page.getByTestId('save-state');
      await state.filter({ hasText: '已保存到本机' }).waitFor();
      // The service worker's precache (several MB) must be written first: when it fails on the
      // full disk, its partial cache is deleted and frees space again.
      await waitForServiceWorker(page);

      // 1 MB left; the PDF (3.6 MB, kept for its page view) makes the next snapshot far larger.
      profile.fill(1024 * 1024);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('选择文件', { exact: true }).click()]);
      await chooser.setFiles(path.join(corpusDir, 'shanghai/putuo-czj-2024-department-final.pdf'));
      await waitForLibrary(page, SAMPLE_DOCS + 1);
      await state.filter({ hasText: '存储空间不足' }).waitFor();
      expect(await state.innerText()).not.toMatch(/Failed|IDBDatabase|connection/);

      // Leaving now would lose the import: the browser asks, and the page stays.
      const asked = new Promise<string>((resolve) => {
        page.once('dialog', (d) => {
          resolve(d.type());
          void d.dismiss();
        });
        page.once('close', () => resolve('closed without asking'));
      });
      await page.close({ runBeforeUnload: true });
      expect(await asked).toBe('beforeunload');
      expect(page.isClosed()).toBe(false);

      // Space is freed; the next change saves everything (the app also retries by itself).
      profile.free();
      page.on('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: /^删除 开发区群众工作局/ }).click();
      await waitForLibrary(page, SAMPLE_DOCS);
      await state.filter({ hasText: '已保存到本机' }).waitFor();
      await page.reload();
      await waitForLibrary(page, SAMPLE_DOCS);
      expect(await page.getByRole('button', { name: '开发区群众工作局', exact: true }).count()).toBe(0);
      expect(await page.getByTestId('library-table').innerText()).toContain('2024');
      expect(errors).toEqual([]);
    } finally {
      await profile.dispose();
    }
  });
});
