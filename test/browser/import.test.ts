import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documents, renderDocument } from '../../src/lib/synth';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { seedsDir } from '../support/shared';

const seeds = seedsDir;
const app = useApp();
const open = (url?: string) => app.open(url);

async function remove(page: Page, unitName: string): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: new RegExp(`^删除 ${unitName}`) }).click();
}

describe('importing disclosures in the app', () => {
  it('imports a picked seed, shows what was read, keeps it after a reload, and refuses a duplicate', async () => {
    const { page, errors } = await open();
    await remove(page, '开发区群众工作局');
    await waitForLibrary(page, SAMPLE_DOCS - 1);

    await page.getByTestId('file-input').setInputFiles(path.join(seeds, '000_90f61d72552513ea.txt'));
    await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);
    const results = page.getByTestId('import-results');
    await expect(results.innerText()).resolves.toMatch(/已导入.*开发区群众工作局 2023年/);
    const row = page.getByTestId('library-table').locator('tr', { hasText: '开发区群众工作局' });
    // gold/seeds.json lists 84 figures for this seed; the importer reads at least those.
    expect(Number(await row.getByTestId('figure-count').innerText())).toBeGreaterThanOrEqual(84);

    await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    await page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').first().waitFor();

    await page.getByTestId('file-input').setInputFiles(path.join(seeds, '000_90f61d72552513ea.txt'));
    await page.getByTestId('import-results').filter({ hasText: '已在资料库中' }).waitFor();
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });

  it('names a file that is not a disclosure and loses nothing already loaded', async () => {
    const { page, errors } = await open();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
    await page.getByTestId('file-input').setInputFiles([
      { name: '照片.png', mimeType: 'image/png', buffer: png },
      { name: '小说.txt', mimeType: 'text/plain', buffer: Buffer.from('第一章\n\n那一年的春天来得特别早，河边的柳树已经发芽。'.repeat(20)) },
      { name: '空文件.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await page.getByTestId('import-progress').filter({ hasText: '3 / 3' }).waitFor();
    const text = await page.getByTestId('import-results').innerText();
    expect(text).toContain('「照片.png」');
    expect(text).toContain('「小说.txt」');
    expect(text).toContain('「空文件.txt」');
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });

  it('reads a burst of files in the parse pool and lists them in the order they were picked', async () => {
    const { page } = await open();
    const folder = mkdtempSync(path.join(tmpdir(), 'bl-pool-'));
    try {
      // Synthetic disclosures (src/lib/synth), not the seeds: the sample already holds those.
      const picked = documents(5, 7).map((d) => renderDocument(d)).map((r) => {
        const file = path.join(folder, r.fileName);
        writeFileSync(file, r.text);
        return file;
      });
      await page.getByTestId('file-input').setInputFiles(picked);
      await page.getByTestId('import-progress').filter({ hasText: '5 / 5' }).waitFor();
      await waitForLibrary(page, SAMPLE_DOCS + 5);
      // The database worker handed the files to a worker of its pool (a worker of its own, nested in it).
      expect(page.workers().map((w) => w.url()).some((u) => /parseWorker-[\w-]+\.js$/.test(u))).toBe(true);
      const lines = (await page.getByTestId('import-results').innerText()).split('\n').filter((l) => l.includes('合成测试'));
      const years = lines.map((l) => Number(/(\d{4})年/.exec(l)?.[1]));
      expect(years).toEqual(documents(5, 7).map((d) => d.year));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('imports pasted text and a dropped file', async () => {
    const { page } = await open();
    await remove(page, '信访局（市委群工部）');
    await remove(page, '沧州渤海新区南大港产业园区政法工作办公室');
    await waitForLibrary(page, SAMPLE_DOCS - 2);

    await page.getByRole('button', { name: '粘贴文本' }).click();
    await page.getByLabel('粘贴公开文件的文本').fill(readFileSync(path.join(seeds, '003_3753cf426c7ec0a0.txt'), 'utf8'));
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await page.getByRole('button', { name: '信访局（市委群工部）', exact: true }).waitFor();

    const content = readFileSync(path.join(seeds, '001_0e01da1d0149c9a7.txt'), 'utf8');
    const dt = await page.evaluateHandle((text) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([text], '001.txt', { type: 'text/plain' }));
      return dataTransfer;
    }, content);
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByRole('button', { name: '沧州渤海新区南大港产业园区政法工作办公室', exact: true }).waitFor();
  });
});
