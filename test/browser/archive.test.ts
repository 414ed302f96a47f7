import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/archive/build';
import { placeOf } from '../../src/lib/archive/place';
import { unitKeyOf } from '../../src/lib/model/unitKey';
import { displayWan } from '../../src/lib/model/amount';
import type { StoredDocument } from '../../src/lib/model/document';
import initSqlJs from 'sql.js';
import { executionQuery } from '../../src/lib/compare/execution';
import { LibraryDb } from '../../src/lib/db/library';
import { nationalCorpus } from '../../src/lib/synth/national';
import { closeSharedBrowser, EphemeralProfile, waitForLibrary, watchErrors } from './support/browser';
import { requireDist } from './support/build';
import { PAGE_COLUMNS } from '../../src/lib/compare/peersPage';
import { SAMPLE_DOCS } from './support/app';
import { RangeHost } from './support/rangeHost';

/**
 * Issue 21 in the browser: the app and a national archive on one CDN-like host (range requests,
 * 50 ms per request). The archive is opened by `#archive=`, a unit found by search, its 同比 and its
 * city's 横比 shown with the figures of the documents it was built from, one document brought into
 * the local library; an archive the site's catalog lists on another origin opens where that host
 * allows it (CORS) and is refused with a clear message where it does not.
 */
const CORPUS = { documents: 400, seed: 7, years: 3 };
/** A second archive on the same host whose unit-years carry a 决算 beside the 预算, for 执行. */
const FINALS = { documents: 120, seed: 9, years: 2, finals: true };
let finals: StoredDocument[];
let site: string;
let host: RangeHost;
let blocked: RangeHost;
let allowed: RangeHost;
let docs: StoredDocument[];
let profile: EphemeralProfile | null = null;

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'bl-archive-site-'));
  const dist = requireDist();
  // The built app beside its archive, one origin: dist/'s entries linked, data/ copied so its catalog can list archives.
  for (const name of readdirSync(dist)) if (name !== 'data') symlinkSync(path.join(dist, name), path.join(site, name));
  mkdirSync(path.join(site, 'data'));
  for (const name of readdirSync(path.join(dist, 'data'))) symlinkSync(path.join(dist, 'data', name), path.join(site, 'data', name));
  docs = [...nationalCorpus(CORPUS)];
  await buildArchive(docs, { outDir: path.join(site, 'archive'), id: 'browser', title: '浏览器测试档案' });
  finals = [...nationalCorpus(FINALS)];
  await buildArchive(finals, { outDir: path.join(site, 'archive-exec'), id: 'browser-exec', title: '浏览器测试执行档案' });
  host = new RangeHost(site, { latencyMs: 50 });
  blocked = new RangeHost(path.join(site, 'archive'));
  allowed = new RangeHost(path.join(site, 'archive'), { cors: true });
  await Promise.all([host.start(), blocked.start(), allowed.start()]);
  const catalog = JSON.parse(readFileSync(path.join(dist, 'data', 'catalog.json'), 'utf8')) as Record<string, unknown>;
  rmSync(path.join(site, 'data', 'catalog.json'));
  writeFileSync(path.join(site, 'data', 'catalog.json'), JSON.stringify({
    ...catalog,
    archives: [{ title: '本站档案', url: '../archive/' }, { title: '不许跨域的档案', url: blocked.url }, { title: '允许跨域的档案', url: allowed.url }],
  }));
}, 180_000);

afterAll(async () => {
  await closeSharedBrowser();
  await Promise.all([host?.stop(), blocked?.stop(), allowed?.stop()]);
  if (site) rmSync(site, { recursive: true, force: true });
});

afterEach(async () => {
  await profile?.dispose();
  profile = null;
});

async function openApp(fragment: string): Promise<{ page: Page; errors: string[] }> {
  profile = new EphemeralProfile();
  const page = await (await profile.open()).newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.url}index.html`);
  await waitForLibrary(page, SAMPLE_DOCS);
  await page.goto(`${host.url}index.html#${fragment}`);
  return { page, errors };
}

/** What 支出总计 is in a document as printed (the summary's grand total, the view's first source). */
function expenseTotal(d: StoredDocument): number {
  const f = d.figures.find((x) => x.table === 'summary' && x.rowCode === 'expense.grand_total' && x.column === 'amount');
  if (!f) throw new Error(`${d.docId} prints no 支出总计`);
  return f.amount;
}

/**
 * The archive view's own tables: 同比, 横比 and 执行 of the library may be on the page too, drawn and hidden
 * (ui/state/kept.svelte.ts), with the same tables.
 */
const inArchive = (page: Page) => page.locator('[data-view="archive"]');

const amountIn = (page: Page, testid: string, row: string, col: string) =>
  inArchive(page).getByTestId(testid).locator(`tr[data-row="${row}"] td[${col}] button.amount`).innerText().then((t) => t.trim());

describe('数据档案 in the app', () => {
  it('opens an archive by #archive=, searches a unit, shows 同比 and 横比, imports a document', async () => {
    // A unit of all three years, in a city with several units.
    const byUnit = new Map<string, StoredDocument[]>();
    for (const d of docs) {
      const k = unitKeyOf(d.meta.unitCode, d.meta.unitName);
      byUnit.set(k, [...(byUnit.get(k) ?? []), d]);
    }
    const [key, mine] = [...byUnit].find(([, ds]) => new Set(ds.map((d) => d.meta.year)).size === CORPUS.years)!;
    const name = mine[mine.length - 1].meta.unitName;
    const { province, city } = placeOf(name);
    const lastYear = Math.max(...mine.map((d) => d.meta.year));

    const { page, errors } = await openApp('archive=archive/');
    await expect(page.getByTestId('archive-network').innerText()).resolves.toContain('需要联网');
    await page.getByTestId('archive-summary').filter({ hasText: `${CORPUS.documents} 份文档` }).waitFor();
    host.resetCounters();

    await page.getByTestId('archive-search').fill(name);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.locator(`[data-testid="archive-units"] button[data-unit="${key}"]`).click();
    await inArchive(page).getByTestId('yoy-table').waitFor();
    for (const d of mine) {
      expect(await amountIn(page, 'yoy-table', 'm:expense_total', `data-year="${d.meta.year}"`)).toBe(displayWan(expenseTotal(d)));
    }
    // Only the index, footers and the unit's rows were fetched: no document's full figures or content.
    expect(host.log.some((l) => /\/(figures|content)\//.test(l))).toBe(false);
    await expect(page.getByTestId('archive-transfer').innerText()).resolves.toMatch(/已从档案下载 [\d,.]+ KB（\d+ 次请求）/);

    // One click brings a document into the library, whole.
    const doc = mine.find((d) => d.meta.year === lastYear)!;
    await page.locator(`[data-testid="archive-docs"] button[data-doc="${doc.docId}"]`).click();
    await page.getByTestId('archive-docs').getByText('已加入资料库').waitFor();
    expect(host.log.some((l) => l.includes('/figures/'))).toBe(true);

    // 横比 of the unit's city for its last year: its column holds its document's figure.
    await page.getByRole('button', { name: '城市横比' }).click();
    const provinceKey = await page.getByTestId('archive-province').locator('option', { hasText: province }).getAttribute('value');
    await page.getByTestId('archive-province').selectOption(provinceKey!);
    await page.getByTestId('archive-city').selectOption(city);
    await page.getByTestId('archive-year').selectOption(String(lastYear));
    await page.getByRole('button', { name: '比较该市各部门' }).click();
    await inArchive(page).getByTestId('peers-table').waitFor();
    expect(await amountIn(page, 'peers-table', 'm:expense_total', `data-unit="${key}"`)).toBe(displayWan(expenseTotal(doc)));
    const peers = new Set(docs.filter((d) => d.meta.year === lastYear && placeOf(d.meta.unitName).city === city && placeOf(d.meta.unitName).province === province)
      .map((d) => unitKeyOf(d.meta.unitCode, d.meta.unitName)));
    // Every department of the city is counted; a page of them is on screen at once (the pager moves the rest).
    await expect.poll(() => inArchive(page).getByTestId('peers-table').locator('thead th[data-unit]').count()).toBe(Math.min(PAGE_COLUMNS, peers.size));
    if (peers.size > PAGE_COLUMNS) expect(await inArchive(page).getByTestId('peers-range').innerText()).toBe(`第 1–${PAGE_COLUMNS} 个单位，共 ${peers.size} 个`);

    // The change ranking of the province for that year lists each of its units with a document that year.
    await page.getByRole('button', { name: '变动排名' }).click();
    await page.getByRole('button', { name: '排名', exact: true }).click();
    await page.getByTestId('archive-ranking').waitFor();
    await expect.poll(() => page.getByTestId('archive-ranking').locator('tbody tr').count()).toBeGreaterThan(0);

    // The imported document is in the local library (works offline and in the audit).
    await page.getByRole('link', { name: '资料库' }).click();
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await expect(page.getByText(name).first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it('an archive the catalog lists on another origin: refused plainly without CORS, opened with it', async () => {
    const { page, errors } = await openApp('view=archive');
    await page.getByRole('button', { name: '不许跨域的档案' }).click();
    const error = page.getByTestId('archive-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toMatch(new RegExp(`另一网站（${new URL(blocked.url).origin.replaceAll('.', '\\.')}）.*跨域读取（CORS）`));
    await expect(page.getByTestId('archive-summary').count()).resolves.toBe(0);
    await waitForLibrary(page, SAMPLE_DOCS);

    await page.getByRole('button', { name: '允许跨域的档案' }).click();
    await page.getByTestId('archive-summary').filter({ hasText: `${CORPUS.documents} 份文档` }).waitFor();
    await expect(page.getByTestId('archive-error').count()).resolves.toBe(0);
    // Chromium reports the refused cross-origin read on the console; nothing else may go wrong.
    expect(errors.filter((e) => !/CORS|Failed to load resource|net::ERR_FAILED/.test(e))).toEqual([]);
  }, 120_000);

  it('执行 over the archive: a unit and year with both stages, the table the library would show', async () => {
    const last = finals[finals.length - 1].meta.stage === 'final' ? finals.length - 1 : finals.length - 2;
    const final = finals[last];
    const key = unitKeyOf(final.meta.unitCode, final.meta.unitName);
    const SQL = await initSqlJs();
    const lib = LibraryDb.create(SQL);
    let expected;
    try {
      lib.addDocuments(finals, 'archive', 'local');
      expected = executionQuery(lib.compare, key, final.meta.year)!;
    } finally {
      lib.close();
    }
    const total = expected.rows.find((r) => r.key === 'expense_total')!;
    expect(total.actual).not.toBeNull();

    const { page, errors } = await openApp('archive=archive-exec/');
    await page.getByTestId('archive-summary').filter({ hasText: `${FINALS.documents} 份文档` }).waitFor();
    await page.getByRole('button', { name: '执行', exact: true }).click();
    host.resetCounters();
    await page.getByTestId('archive-search').fill(final.meta.unitName);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.locator(`[data-testid="archive-units"] button[data-unit="${key}"]`).click();
    await page.getByTestId('archive-exec-year').selectOption(String(final.meta.year));
    const table = inArchive(page).getByTestId('execution-table');
    await table.waitFor();
    const cell = (row: string, col: string) => table.locator(`tr[data-row="${row}"] td[data-col="${col}"]`).innerText().then((t) => t.trim());
    await expect.poll(() => cell('expense_total', 'actual')).toBe(displayWan(total.actual!.amount));
    for (const row of expected.rows.filter((r) => r.budget).slice(0, 8)) expect(await cell(row.key, 'budget')).toBe(displayWan(row.budget!.amount));
    await expect.poll(() => table.locator('tbody tr').count()).toBe(expected.rows.length);
    // Only the unit-year's two documents were read whole.
    expect(host.log.filter((l) => l.includes('/content/')).length).toBeGreaterThan(0);
    // The archive's bytes only: the same host serves the app, whose service worker may precache it meanwhile.
    const archiveBytes = [...host.bytesByPath].filter(([p]) => p.includes('/archive-exec/')).reduce((s, [, n]) => s + n, 0);
    expect(archiveBytes).toBeGreaterThan(0);
    expect(archiveBytes).toBeLessThan(1_000_000);
    expect(errors).toEqual([]);
  }, 120_000);
});
