import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForLibrary, waitForServiceWorker } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir, shanghaiGold } from '../unit/ingest/pdf/corpus';
import { printPdfs, seedHtml } from '../unit/ingest/pdf/print';
import { gold as seedGold, seedText } from '../unit/ingest/seeds';
import type { TableKey } from '../../src/lib/model/keys';
import { displayWan, parseDecimal } from '../../src/lib/model/amount';

const FILE = 'putuo-qzfb-2025-unit.pdf';
const UNIT = '上海市普陀区人民政府办公室';
const SEED = '003_3753cf426c7ec0a0.txt';
const app = useApp();
const open = () => app.open();
let scanned: Uint8Array;
let novel: Uint8Array;
let seedPdf: Uint8Array;
let longPdf: Uint8Array;

beforeAll(async () => {
  // The same two bad PDFs as the Node tests (a page that is one picture, a PDF of prose), and a seed
  // printed to PDF as test/unit/ingest/pdf/seeds.test.ts prints them.
  const scan = `<canvas id="c" width="600" height="300"></canvas><script>
    const g = document.getElementById('c').getContext('2d');
    g.fillStyle = '#eee'; g.fillRect(0, 0, 600, 300); g.fillStyle = '#000'; g.font = '40px sans-serif';
    g.fillText('2023 budget 1441.70', 20, 150);</script>`;
  const prose = '<meta charset="utf-8"><h1>春游记</h1><p>春天来了，我们去公园散步，看见很多花。</p><p>中午在湖边吃了饭，下午回家。</p>';
  // 300 pages, each a small table, as a long yearbook-style PDF would be.
  const long = '<meta charset="utf-8"><style>div { page-break-after: always; font: 12pt "Noto Sans CJK SC"; }</style>' +
    Array.from({ length: 300 }, (_, i) => `<div><p>附表 ${i + 1}</p><table><tr><td>201</td><td>一般公共服务支出</td><td>${i}.25</td></tr></table></div>`).join('');
  let long300: Uint8Array;
  [scanned, novel, seedPdf, long300] = await printPdfs([scan, prose, seedHtml(seedText(SEED)), long]);
  longPdf = repeatPages(long300, LONG_COPIES);
});

/**
 * The long PDF must still be being read when the test cancels it, however fast or busy the machine:
 * 300 printed pages were read in full before a busy CI machine got to the 取消 button. Ten copies
 * (qpdf, installed by .ci/run) make it 3,000 pages: minutes of reading that the test cancels after
 * seconds, so its time does not grow.
 */
const LONG_COPIES = 10;
const LONG_PAGES = 300 * LONG_COPIES;
function repeatPages(pdf: Uint8Array, copies: number): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-long-'));
  try {
    const one = path.join(dir, 'one.pdf');
    writeFileSync(one, pdf);
    execFileSync('qpdf', ['--empty', '--pages', ...Array.from({ length: copies }, () => one), '--', path.join(dir, 'long.pdf')]);
    return new Uint8Array(readFileSync(path.join(dir, 'long.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every figure row of the open document by its keys (data attributes): shown amount, exact amount in fen. */
async function shownFigures(page: Page): Promise<Map<string, { shown: string; exact: number }>> {
  const rows = await page.getByTestId('figures').locator('tbody tr[data-row]').evaluateAll((trs) => trs.map((tr) => {
    const amount = tr.querySelector<HTMLElement>('td[data-exact]')!;
    return [(tr as HTMLElement).dataset.table, (tr as HTMLElement).dataset.row, (tr as HTMLElement).dataset.column, amount.textContent, amount.dataset.exact];
  }));
  return new Map(rows.map(([t, r, c, shown, exact]) => [`${t}|${r}|${c}`, { shown: shown ?? '', exact: Number(exact) }]));
}

/** The gold figures the open document does not show, exactly (data-exact) and rounded (text). */
async function notShown(page: Page, gold: readonly (readonly string[])[]): Promise<string[]> {
  await page.getByTestId('figures').locator('tbody tr').first().waitFor();
  const shown = await shownFigures(page);
  return gold.filter(([table, row, column, amount]) => {
    const got = shown.get(`${table}|${row}|${column}`);
    return !got || got.exact !== parseDecimal(amount) || got.shown !== displayWan(parseDecimal(amount)!);
  }).map((g) => g.join('|'));
}

/** Clicks the page link of one figure and waits for its page to be drawn in the source panel. */
async function openPageOf(page: Page, table: TableKey, rowCode: string, column: string): Promise<void> {
  const row = page.getByTestId('figures').locator(`tbody tr[data-table="${table}"][data-row="${rowCode}"][data-column="${column}"]`);
  await row.getByRole('button', { name: /^查看 PDF 第 \d+ 页中的/ }).click();
  await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 30_000 });
}

/** Dark pixels of the rendered page inside the highlight: the outline sits on printed digits. */
async function inkUnderHighlight(page: Page): Promise<{ ink: number; inside: boolean }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-canvas"]')!;
    const hit = document.querySelector<HTMLElement>('[data-testid="pdf-highlight"]')!;
    const c = canvas.getBoundingClientRect();
    const h = hit.getBoundingClientRect();
    const k = canvas.width / c.width;
    const x = Math.max(0, Math.round((h.left - c.left) * k));
    const y = Math.max(0, Math.round((h.top - c.top) * k));
    const w = Math.round(h.width * k);
    const hh = Math.round(h.height * k);
    const data = canvas.getContext('2d')!.getImageData(x, y, w, hh).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 110) ink++;
    const inside = h.left >= c.left - 4 && h.top >= c.top - 4 && h.right <= c.right + 4 && h.bottom <= c.bottom + 4;
    return { ink, inside };
  });
}

describe('PDF import in the app', () => {
  it('imports a Shanghai PDF with every gold figure, shows a figure on its rendered page, and works offline after', async () => {
    const { page, errors } = await open();
    await page.getByTestId('file-input').setInputFiles(path.join(corpusDir, FILE));
    await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(new RegExp(`${FILE}.*已导入.*${UNIT} 2025年`));
    await waitForLibrary(page, SAMPLE_DOCS + 1);

    await page.getByRole('button', { name: UNIT, exact: true }).click();
    const gold = shanghaiGold().find((g) => g.file === FILE)!;
    expect(gold.figures.length).toBeGreaterThan(200);
    expect(await notShown(page, gold.figures)).toEqual([]);

    // The summary's general-budget income: its page rendered, its cell outlined, ink under the outline.
    await openPageOf(page, 'summary', 'income.general', 'amount');
    const hit = await inkUnderHighlight(page);
    expect(hit.inside).toBe(true);
    expect(hit.ink).toBeGreaterThan(20);

    // Offline: the app, pdf.js and its data come from the service worker's cache.
    await waitForServiceWorker(page);
    await page.context().setOffline(true);
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.getByRole('button', { name: UNIT, exact: true }).click();
    await openPageOf(page, 'summary', 'income.general', 'amount');
    expect((await inkUnderHighlight(page)).ink).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('imports a seed printed to PDF with the seed\'s gold figures', async () => {
    const { page, errors } = await open();
    // The sample holds the seed as text: remove it, so the PDF's document is the only one of its unit.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 信访局（市委群工部）/ }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await page.getByTestId('file-input').setInputFiles({ name: '信访局.pdf', mimeType: 'application/pdf', buffer: Buffer.from(seedPdf) });
    await page.getByTestId('import-results').filter({ hasText: '信访局.pdf：已导入' }).waitFor({ timeout: 60_000 });
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByRole('button', { name: '信访局（市委群工部）', exact: true }).click();
    const [gold] = seedGold.documents.filter((d) => d.file === SEED);
    expect(await notShown(page, gold.figures)).toEqual([]);
    await openPageOf(page, 'summary', 'income.general', 'amount');
    expect((await inkUnderHighlight(page)).ink).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it('names a scanned PDF and a PDF that is not a disclosure, in Chinese, and imports nothing', async () => {
    const { page, errors } = await open();
    await page.getByTestId('file-input').setInputFiles([
      { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scanned) },
      { name: '游记.pdf', mimeType: 'application/pdf', buffer: Buffer.from(novel) },
      { name: '截断.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n' + 'x'.repeat(500)) },
    ]);
    await page.getByTestId('import-progress').filter({ hasText: '3 / 3' }).waitFor({ timeout: 60_000 });
    const text = await page.getByTestId('import-results').innerText();
    expect(text).toContain('「扫描件.pdf」此PDF为扫描件，已做文字识别（OCR），但识别出的文字中没有找到预算公开表');
    expect(text).toMatch(/「游记\.pdf」不像是部门预算或决算公开文件/);
    expect(text).toMatch(/「截断\.pdf」不是完整有效的 PDF/);
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });

  it('reads a 3,000-page PDF page by page while the page stays usable, and cancels it between pages, importing nothing', async () => {
    const { page, errors } = await open();
    await page.getByTestId('file-input').setInputFiles({ name: '三千页.pdf', mimeType: 'application/pdf', buffer: Buffer.from(longPdf) });
    const pages = new RegExp(`第 \\d+ / ${LONG_PAGES} 页`);
    await page.getByTestId('file-progress').filter({ hasText: pages }).waitFor({ timeout: 60_000 });
    // The reading happens in the worker: the page still answers clicks meanwhile.
    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    await page.getByRole('heading', { name: '审核（勾稽）' }).waitFor();
    await page.getByRole('link', { name: '资料库' }).click();
    const progress = await page.getByTestId('file-progress').innerText();
    expect(progress).toMatch(pages);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('import-results').filter({ hasText: '已取消导入「三千页.pdf」' }).waitFor({ timeout: 60_000 });
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });
});
