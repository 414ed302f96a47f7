import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { waitForLibrary, waitForServiceWorker } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { shanghaiGold } from '../unit/ingest/pdf/corpus';
import { displayWan, parseDecimal } from '../../src/lib/model/amount';

/**
 * A scanned PDF through the file input (test/unit/ingest/ocr/scans: a Shanghai 收支总表 and 收入总表
 * page as pictures): OCR runs in the app (tesseract.js in a worker of its own, its core and models
 * from our build), the figures are those of the gold, and the document says its pages were
 * recognised. Before, the file was refused as a scan.
 */
const app = useApp();
const SCANS = path.join(import.meta.dirname, '../unit/ingest/ocr/scans');
const FILE = path.join(SCANS, 'czj-2025-p9-10.pdf');
const UNIT = '上海市普陀区财政局';

describe('a scanned PDF in the app', () => {
  it('is read by OCR: the 收支总表 as the gold has it, and the warning that says so', async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles(FILE);
    await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor({ timeout: 240_000 });
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(new RegExp(`czj-2025-p9-10\\.pdf.*已导入.*${UNIT} 2025年`));
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByRole('button', { name: UNIT, exact: true }).click();
    const gold = shanghaiGold().find((g) => g.file === 'putuo-czj-2025-department.pdf')!.figures.filter((f) => f[0] === 'summary');
    expect(gold).toHaveLength(8);
    const rows = page.getByTestId('figures').locator('tbody tr[data-table="summary"]');
    await rows.first().waitFor();
    const shown = new Map(await rows.evaluateAll((trs) => trs.map((tr) => {
      const cell = tr.querySelector<HTMLElement>('td[data-exact]')!;
      return [`${(tr as HTMLElement).dataset.row}|${(tr as HTMLElement).dataset.column}`, `${cell.dataset.exact} ${cell.textContent}`] as const;
    })));
    for (const [, row, column, amount] of gold) expect(shown.get(`${row}|${column}`), `${row}|${column}`).toBe(`${parseDecimal(amount)} ${displayWan(parseDecimal(amount)!)}`);
    await expect(page.locator('body').innerText()).resolves.toContain('是扫描页，其文字和数字由文字识别（OCR）读出');
  }, 300_000);

  it('reads scans offline once one has been read online: OCR’s files are kept by the service worker', async () => {
    const { page } = await app.open();
    await waitForServiceWorker(page);
    await page.getByTestId('file-input').setInputFiles(FILE);
    await page.getByTestId('import-results').filter({ hasText: '已导入' }).waitFor({ timeout: 240_000 });
    // Kept by the service worker as they were fetched (vite.config.ts runtimeCaching), not precached.
    const kept = await page.evaluate(async () => (await (await caches.open('budget-lens-ocr')).keys()).map((r) => new URL(r.url).pathname.replace(/^.*\/assets\/ocr\//, '')));
    expect(kept).toEqual(expect.arrayContaining(['worker.min.js', 'chi_sim/chi_sim.traineddata.gz', 'eng/eng.traineddata.gz']));
    expect(kept.some((f) => /^core\/tesseract-core-.*lstm\.wasm\.js$/.test(f))).toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByTestId('file-input').setInputFiles(path.join(SCANS, 'czj-2025-p9-skew.pdf'));
    await page.getByTestId('import-results').filter({ hasText: /czj-2025-p9-skew\.pdf/ }).waitFor({ timeout: 240_000 });
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(new RegExp(`czj-2025-p9-skew\\.pdf.*已导入.*${UNIT} 2025年`));
    await page.context().setOffline(false);
  }, 300_000);
});
