import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EphemeralProfile, waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';

const app = useApp();

describe('the sample on the first screen', () => {
  it('says the data is a sample, names its documents by unit and year, and clears it in one click for good', async () => {
    const { page, errors } = await app.open();
    const banner = page.getByTestId('sample-banner');
    // Documents counted as documents: the heading, the list, the status bar and the catalog agree.
    await expect(banner.getByRole('heading').innerText()).resolves.toBe(`示例数据：河北省 ${SAMPLE_DOCS} 份公开文档（5 个文件）`);
    const items = await banner.locator('li').allInnerTexts();
    expect(items).toHaveLength(SAMPLE_DOCS);
    expect(items).toContain('信访局（市委群工部） · 2024年部门预算');
    expect(items).toContain('保定白沟新城党群工作部（本级） · 2023年单位预算');
    // Named by unit and year, never by the seeds' file names.
    expect((await banner.innerText()).match(/\d{3}_[0-9a-f]{16}\.txt/)).toBeNull();
    expect(await page.getByTestId('library-table').innerText()).not.toMatch(/_[0-9a-f]{16}\.txt/);

    await banner.getByRole('button', { name: '清除示例，从空资料库开始' }).click();
    await waitForLibrary(page, 0);
    await page.getByTestId('library-empty').waitFor();
    expect(await banner.count()).toBe(0);
    // Cleared for good: the empty library is what is saved, and a reload doesn't bring the sample back.
    await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
    await page.reload();
    await waitForLibrary(page, 0);
    await page.getByTestId('library-empty').waitFor();
    expect(await page.getByTestId('sample-banner').count()).toBe(0);
    // A returning visit has no sample texts to read, and no file was picked: the parse pool starts
    // by itself a moment after the library opened, so the first files picked need not wait for it.
    await expect.poll(() => page.workers().some((w) => /parseWorker/.test(w.url())), { timeout: 60_000, interval: 250 }).toBe(true);
    expect(errors).toEqual([]);
  });

  it('is on screen from its documents\' figures before its texts are fetched, then has their tables from the texts', async () => {
    const profile = new EphemeralProfile();
    try {
      const page = await (await profile.open()).newPage();
      // The wall-clock time of the first frame listing documents (issue 17: what a first visit
      // fetches before its data is on screen), against each request's start.
      await page.addInitScript(() => {
        const look = () => {
          if (/[1-9] 份文档/.test(document.querySelector('[data-testid="doc-count"]')?.textContent ?? '')) {
            (window as unknown as { listedAt: number }).listedAt = performance.timeOrigin + performance.now();
          } else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      const requests: Request[] = [];
      page.on('request', (r) => requests.push(r));
      await page.goto(app.host.url);
      await waitForLibrary(page, SAMPLE_DOCS);
      const listedAt = await page.evaluate(() => (window as unknown as { listedAt: number }).listedAt);
      // A request's timing is known once its response has come: read after both have.
      const started = async (file: string) => {
        const r = requests.find((q) => new URL(q.url()).pathname.endsWith(file));
        if (!r) return NaN;
        await r.response();
        return r.timing().startTime;
      };
      const csvAt = await started('/data/seeds.csv');
      expect(csvAt).toBeGreaterThan(0);
      expect(csvAt).toBeLessThan(listedAt);
      expect(await started('/data/sample.json')).toBeGreaterThan(listedAt);
      // After the texts: every sample document has its tables (the CSV alone gives none).
      const tables = await page.getByTestId('library-table').locator('tbody tr[data-doc-id] td:nth-child(6)').allInnerTexts();
      expect(tables).toHaveLength(SAMPLE_DOCS);
      for (const t of tables) expect(Number(t)).toBeGreaterThan(0);
      await expect(page.getByTestId('sample-banner').getByRole('heading').innerText()).resolves.toContain('（5 个文件）');
      // The texts were read in the parse pool (worker/sampleTexts.ts), which is up for the first files.
      expect(page.workers().some((w) => /parseWorker/.test(w.url()))).toBe(true);
      await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor({ timeout: 60_000 });
    } finally {
      await profile.dispose();
    }
  });
});
