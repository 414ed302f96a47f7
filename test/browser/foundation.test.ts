import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { Profile, waitForLibrary, waitForServiceWorker, watchErrors } from './support/browser';
import { buildVariant, requireDist } from './support/build';
import { StaticHost } from './support/server';

const SAMPLE_DOCS = 6;
let host: StaticHost;
let profile: Profile;

beforeAll(async () => {
  host = new StaticHost(requireDist());
  await host.start();
});
afterAll(async () => {
  await host.stop();
});
afterEach(async () => {
  await profile?.dispose();
});

async function openApp(p: Profile, url = host.url): Promise<{ page: Page; errors: string[] }> {
  const context = p.context ?? (await p.open());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(url);
  return { page, errors };
}

async function savedToDisk(page: Page): Promise<void> {
  await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
}

async function removeFirstDocument(page: Page, unitName: string): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: new RegExp(`^删除 ${unitName}`) }).click();
}

describe('app shell', () => {
  it('opens with the sample data and shows gold figures', async () => {
    profile = new Profile();
    const { page, errors } = await openApp(profile);
    await waitForLibrary(page, SAMPLE_DOCS);
    const rows = page.getByTestId('library-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(SAMPLE_DOCS);
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    const figures = page.getByTestId('figures');
    // gold/seeds.json: summary income.general 1441.70 万元, shown with two decimals and separators.
    await expect(figures.locator('tr[data-table="summary"][data-row="income.general"]').locator('td.num').first().innerText()).resolves.toBe('1,441.70');
    // The figure cites its source: the original line, read by the same importer, holds the amount.
    await figures.locator('tr[data-table="summary"][data-row="income.general"]').first().getByRole('button', { name: /查看第 \d+ 行原文/ }).click();
    await expect(page.getByTestId('source-lines').locator('.hit').innerText()).resolves.toContain('1441.70');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(errors).toEqual([]);
  });

  it('keeps changes across a reload and a browser restart', async () => {
    profile = new Profile();
    let { page, errors } = await openApp(profile);
    await waitForLibrary(page, SAMPLE_DOCS);
    await removeFirstDocument(page, '中共石家庄高新技术产业开发区工委政法委员会');
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await savedToDisk(page);

    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    expect(await page.getByRole('button', { name: '中共石家庄高新技术产业开发区工委政法委员会', exact: true }).count()).toBe(0);

    await profile.close();
    expect(errors).toEqual([]);
    ({ page, errors } = await openApp(profile));
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    expect(await page.getByRole('button', { name: '开发区群众工作局', exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('falls back to the previous snapshot when the current one is damaged', async () => {
    profile = new Profile();
    const { page, errors } = await openApp(profile);
    await waitForLibrary(page, SAMPLE_DOCS);
    await savedToDisk(page);
    await removeFirstDocument(page, '开发区群众工作局');
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await savedToDisk(page);
    // Damage a chunk only the current save wrote (the file is stored in chunks, each save writing
    // the ones that changed), as a faulty disk might.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('budget-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['chunks', 'meta'], 'readwrite');
      const get = <T,>(r: IDBRequest) => new Promise<T>((res) => (r.onsuccess = () => res(r.result as T)));
      const ptr = await get<{ current: number }>(tx.objectStore('meta').get('pointer'));
      const chunks = tx.objectStore('chunks');
      const key = (await get<number[][]>(chunks.getAllKeys())).find((k) => k[0] === ptr.current)!;
      const chunk = await get<Uint8Array>(chunks.get(key));
      chunk.set(new TextEncoder().encode('SQLite format 3\0 but broken'.repeat(50)).subarray(0, chunk.length));
      chunks.put(chunk, key);
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByText('已恢复到更早的一次保存').waitFor();
    // The data, not only the notice: the earlier save still had the removed document, with its figures.
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    await expect(page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').locator('td.num').first().innerText()).resolves.toBe('1,441.70');
    expect(errors).toEqual([]);
  });

  it('lets only one tab write, and the other keeps its own imports when it takes over', async () => {
    profile = new Profile();
    const { page, errors } = await openApp(profile);
    await waitForLibrary(page, SAMPLE_DOCS);
    await savedToDisk(page);
    const second = await profile.context!.newPage();
    const secondErrors = watchErrors(second);
    await second.goto(host.url);
    await waitForLibrary(second, SAMPLE_DOCS);
    await second.getByText('资料库已在另一个标签页中打开').waitFor();

    // The writer removes a document; the other tab imports one while it cannot write.
    await removeFirstDocument(page, '开发区群众工作局');
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await savedToDisk(page);
    await second.getByTestId('file-input').setInputFiles({ name: '乙页.csv', mimeType: 'text/csv', buffer: Buffer.from(
      'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n' +
      'tab-b,902,乙页导入的局,department,budget,2023,summary,income.general,一般公共预算拨款收入,amount,12.50\n') });
    await waitForLibrary(second, SAMPLE_DOCS + 1);

    await page.close();
    await second.getByText('本页现在可以保存资料库').waitFor();
    // Both changes: the writer's removal (from its last save) and this tab's import; and saved.
    await waitForLibrary(second, SAMPLE_DOCS);
    await second.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
    await second.reload();
    await waitForLibrary(second, SAMPLE_DOCS);
    await second.getByRole('button', { name: '乙页导入的局', exact: true }).waitFor();
    expect(await second.getByRole('button', { name: '开发区群众工作局', exact: true }).count()).toBe(0);
    expect(await second.getByTestId('save-state').innerText()).not.toContain('只读');
    expect(errors).toEqual([]);
    expect(secondErrors).toEqual([]);
  });
});

describe('offline and updates', () => {
  it('reloads offline from the service worker with the library intact', async () => {
    profile = new Profile();
    const offlineHost = new StaticHost(requireDist());
    await offlineHost.start();
    try {
      const { page } = await openApp(profile, offlineHost.url);
      await waitForLibrary(page, SAMPLE_DOCS);
      await waitForServiceWorker(page);
      await removeFirstDocument(page, '开发区群众工作局');
      // The removal must have reached the worker first: until then the status bar still shows the
      // earlier 「已保存」, and waiting on it would race the reload below.
      await waitForLibrary(page, SAMPLE_DOCS - 1);
      await savedToDisk(page);
      // Cut the network both ways: the host is gone and the browser is offline.
      await offlineHost.stop();
      await profile.context!.setOffline(true);
      await page.reload();
      await waitForLibrary(page, SAMPLE_DOCS - 1);
      expect(await page.getByRole('button', { name: '开发区群众工作局', exact: true }).count()).toBe(0);
    } finally {
      await offlineHost.stop();
    }
  });

  it('offers a new version and keeps the library through the update', async () => {
    const v2 = buildVariant('v2-test');
    const updHost = new StaticHost(requireDist());
    await updHost.start();
    profile = new Profile();
    try {
      const { page } = await openApp(profile, updHost.url);
      await waitForLibrary(page, SAMPLE_DOCS);
      await waitForServiceWorker(page);
      const oldBuild = await page.getByTestId('build-id').innerText();
      await removeFirstDocument(page, '开发区群众工作局');
      await waitForLibrary(page, SAMPLE_DOCS - 1);
      await savedToDisk(page);

      updHost.root = v2;
      await page.reload();
      const prompt = page.getByRole('button', { name: '有新版本，点击更新', exact: true });
      await prompt.waitFor({ timeout: 30_000 });
      await prompt.click();
      await page.getByTestId('build-id').filter({ hasText: 'v2-test' }).waitFor({ timeout: 30_000 });
      expect(oldBuild).not.toContain('v2-test');
      await waitForLibrary(page, SAMPLE_DOCS - 1);
    } finally {
      await updHost.stop();
      rmSync(v2, { recursive: true, force: true });
    }
  });
});

describe('served from a sub-folder', () => {
  it('loads, registers its service worker in the folder scope and works offline', async () => {
    const sub = new StaticHost(requireDist(), '/tools/budget/');
    await sub.start();
    profile = new Profile();
    try {
      const { page, errors } = await openApp(profile, sub.url);
      await waitForLibrary(page, SAMPLE_DOCS);
      await waitForServiceWorker(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
      expect(scope).toBe(sub.url);
      expect(sub.requests.every((r) => r.startsWith('/tools/budget/'))).toBe(true);
      await sub.stop();
      await profile.context!.setOffline(true);
      await page.reload();
      await waitForLibrary(page, SAMPLE_DOCS);
      expect(errors.filter((e) => !e.includes('net::'))).toEqual([]);
    } finally {
      await sub.stop();
    }
  });
});
