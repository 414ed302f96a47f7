import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { EphemeralProfile, waitForLibrary, watchErrors } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { corpusDir } from '../support/shared';
import { openPdfNode } from '../../src/lib/ingest/pdf/node';
import { toFragments } from '../../src/lib/ingest/pdf/fragments';

/** 执行（预算对决算） and 变化最大 read off the page: a hand-made 预算 + 决算 pair, and the real Shanghai 决算. */
const app = useApp();

const HEADER = 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\r\n';
const line = (doc: string, stage: string, year: number, table: string, row: string, name: string, column: string, amount: string) =>
  `${doc},901,执行测试局,department,${stage},${year},${table},${row},${name},${column},${amount}\r\n`;
// The unit test's pair (test/unit/compare/execution.test.ts), plus the 2023 budget for the ranking.
const CSV = HEADER + [
  line('exb23', 'budget', 2023, 'expense', 'total', '合计', 'basic', '50'),
  line('exb23', 'budget', 2023, 'expense', '2010101', '行政运行', 'total', '50'),
  line('exb23', 'budget', 2023, 'expense', '2010102', '一般行政管理事务', 'total', '45'),
  line('exb24', 'budget', 2024, 'expense', 'total', '合计', 'total', '120'),
  line('exb24', 'budget', 2024, 'expense', 'total', '合计', 'basic', '60'),
  line('exb24', 'budget', 2024, 'expense', '2010101', '行政运行', 'total', '60'),
  line('exb24', 'budget', 2024, 'expense', '2010102', '一般行政管理事务', 'total', '40'),
  line('exb24', 'budget', 2024, 'expense', '2010105', '专项业务', 'total', '10'),
  line('exf24', 'final', 2024, 'expense', 'total', '合计', 'total', '96.9'),
  line('exf24', 'final', 2024, 'expense', 'total', '合计', 'full_year_budget', '125'),
  line('exf24', 'final', 2024, 'expense', '2010101', '行政运行', 'total', '59'),
  line('exf24', 'final', 2024, 'expense', '2010102', '一般行政管理事务', 'total', '30'),
  line('exf24', 'final', 2024, 'expense', '2010102', '一般行政管理事务', 'full_year_budget', '35'),
  line('exf24', 'final', 2024, 'expense', '2010105', '专项业务', 'total', '7.9'),
].join('');

const cellText = (page: Page, table: string, row: string, col: string) =>
  page.getByTestId(table).locator(`tr[data-row="${row}"] td[data-col="${col}"]`).innerText().then((t) => t.trim());

describe('执行（预算对决算）', () => {
  it('offers the 决算 printed under the long form of the 预算\'s name, and pairs them once linked', { timeout: 120_000 }, async () => {
    // No code: the 预算 names the office in the short form, its 决算 in full. Two units until linked.
    const named = (doc: string, stage: string, name: string, row: string, column: string, amount: string) =>
      `${doc},,${name},department,${stage},2024,expense,${row},${row === 'total' ? '合计' : '行政运行'},${column},${amount}\r\n`;
    const csv = HEADER + [
      named('rnb24', 'budget', '中共测试县委办公室', 'total', 'total', '120'), named('rnb24', 'budget', '中共测试县委办公室', '2010101', 'total', '120'),
      named('rnf24', 'final', '中国共产党测试县委员会办公室', 'total', 'total', '90'), named('rnf24', 'final', '中国共产党测试县委员会办公室', '2010101', 'total', '90'),
    ].join('');
    const { page, errors } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '更名.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await waitForLibrary(page, SAMPLE_DOCS + 2);
    await page.goto(`${app.host.url}#view=execution&unit=${encodeURIComponent('name:中共测试县委办公室')}&year=2024`);
    const docs = page.getByTestId('exec-docs');
    await docs.filter({ hasText: '资料库中没有该年度决算' }).waitFor();
    const offer = page.getByTestId('rename-suggestion');
    await expect(offer.innerText()).resolves.toContain('「中国共产党测试县委员会办公室」（2024 年）');
    await offer.getByRole('button', { name: '并入本单位' }).click();
    // The 预算's own rows may already be on screen without a 决算: wait for the pair, not the row.
    await expect.poll(() => cellText(page, 'execution-table', 'fn:2010101', 'rate'), { timeout: 60_000 }).toBe('75.0%');
    await expect(docs.innerText()).resolves.not.toContain('没有该年度决算');
    expect(await offer.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows budget, 全年预算, 决算, rate, signed difference and flags, and the 横比 of rates', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    await page.getByRole('link', { name: /执行/ }).click();
    await page.getByTestId('execution-table').waitFor();
    await page.goto(`${app.host.url}#view=execution&unit=code%3A901&year=2024`);
    const table = page.getByTestId('execution-table');
    await table.locator('tr[data-row="fn:2010102"]').waitFor();
    // 30 of the 全年预算数 35: 85.7%, not flagged although 30 of 年初 40 would be 75%.
    expect(await cellText(page, 'execution-table', 'fn:2010102', 'budget')).toBe('40.00');
    expect(await cellText(page, 'execution-table', 'fn:2010102', 'full-year')).toBe('35.00');
    expect(await cellText(page, 'execution-table', 'fn:2010102', 'rate')).toBe('85.7%（全年）');
    expect(await cellText(page, 'execution-table', 'fn:2010102', 'difference')).toBe('−10.00');
    expect(await cellText(page, 'execution-table', 'fn:2010102', 'flags')).toBe('');
    expect(await cellText(page, 'execution-table', 'fn:2010105', 'rate')).toBe('79.0%');
    expect(await cellText(page, 'execution-table', 'fn:2010105', 'flags')).toBe('执行率低于80%');
    expect(await cellText(page, 'execution-table', 'expense_total', 'difference')).toBe('−23.10');
    const peers = page.getByTestId('execution-peers');
    await expect(peers.locator('tr[data-row="code:901"] td[data-col="rate"]').innerText()).resolves.toBe('77.5%');
    // The view's state is in the URL: a reload shows the same unit and year.
    await page.reload();
    await page.getByTestId('execution-table').locator('tr[data-row="fn:2010105"]').waitFor();
    expect(await page.getByTestId('exec-year').inputValue()).toBe('2024');
  });

  it('the real Shanghai 决算 alone: 年初预算 from its narrative, the stated reason with its page', { timeout: 180_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles(path.join(corpusDir, 'shanghai', 'putuo-czj-2024-department-final.pdf'));
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await page.goto(`${app.host.url}#view=execution&year=2024`);
    const row = page.getByTestId('execution-table').locator('tr[data-row="fn:2010601"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await cellText(page, 'execution-table', 'fn:2010601', 'budget')).toBe('1,560.05');
    expect(await cellText(page, 'execution-table', 'fn:2010601', 'actual')).toBe('1,511.89');
    expect(await cellText(page, 'execution-table', 'fn:2010601', 'difference')).toBe('−48.16');
    expect(await cellText(page, 'execution-table', 'fn:2010601', 'reason')).toBe('人员进出及退休变化，减少人员经费开支（第 22 页）');
    expect(await cellText(page, 'execution-table', 'three_public', 'flags')).toBe('执行率低于80%');
  });
});

describe('变化最大', () => {
  it('ranks one unit\'s changes, new and discontinued items apart, and downloads them for Excel', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    await page.goto(`${app.host.url}#view=story&year=2024&unit=code%3A901&floor=1`);
    const abs = page.getByTestId('ranking-absolute');
    await abs.locator('tbody tr').first().waitFor();
    const rows = await abs.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    // 2010102 45 → 40 (−5), 2010101 50 → 60 (+10), 基本支出 50 → 60 (+10): largest first.
    expect(rows).toEqual(['code:901|basic', 'code:901|fn:2010101', 'code:901|fn:2010102']);
    expect(await cellText(page, 'ranking-absolute', 'code:901|fn:2010102', 'change')).toBe('−5.00');
    expect(await cellText(page, 'ranking-absolute', 'code:901|fn:2010102', 'pct')).toBe('−11.1%');
    await expect(page.getByTestId('ranking-appeared').locator('tr[data-row="code:901|fn:2010105"] td[data-col="item"]').innerText()).resolves.toContain('新增');
    await page.getByTestId('downloads').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载视图表格/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^预算透镜-变化最大-/);
    // The ranking as an image.
    await page.getByTestId('ranking-chart').locator('canvas[data-ready="true"]').waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ranking-chart-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
  });

  it('opens on the newest year that has something to rank, not the newest year', { timeout: 120_000 }, async () => {
    // The sample's newest 预算 is 2024 (one unit, nothing before it); a unit with 2017 and 2018 comes in.
    const older = HEADER + [
      line('ob17', 'budget', 2017, 'expense', 'total', '合计', 'total', '50'), line('ob17', 'budget', 2017, 'expense', '2010101', '行政运行', 'total', '50'),
      line('ob18', 'budget', 2018, 'expense', 'total', '合计', 'total', '70'), line('ob18', 'budget', 2018, 'expense', '2010101', '行政运行', 'total', '70'),
    ].join('');
    const { page, errors } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '较早.csv', mimeType: 'text/csv', buffer: Buffer.from(older) });
    await waitForLibrary(page, SAMPLE_DOCS + 2);
    await page.getByRole('link', { name: '变化最大' }).click();
    const abs = page.getByTestId('ranking-absolute');
    await abs.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('story-year').inputValue()).toBe('2018');
    expect(await cellText(page, 'ranking-absolute', 'code:901|expense_total', 'change')).toBe('+20.00');
    // 2024 is still there to choose, and says why it shows nothing.
    await page.getByTestId('story-year').selectOption('2024');
    await page.getByText('没有可比较的变化').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('执行 and 变化最大 shared with their data open in a fresh profile with the same figures', { timeout: 180_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    const links: string[] = [];
    for (const url of ['#view=execution&unit=code%3A901&year=2024', '#view=story&year=2024&unit=code%3A901&floor=1']) {
      await page.goto(`${app.host.url}${url}`);
      await page.getByTestId(url.includes('execution') ? 'execution-table' : 'ranking-absolute').locator('tbody tr').first().waitFor();
      // The link made on the view before is not shown beside this one (it would open that view).
      expect(await page.getByTestId('share-link').count()).toBe(0);
      await page.getByRole('button', { name: '分享链接（含数据）' }).click();
      const link = await page.getByTestId('share-link').inputValue();
      expect(link).toContain('data=');
      links.push(link);
    }
    const fresh = new EphemeralProfile();
    try {
      const context = await fresh.open();
      const other = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(other);
      await other.goto(links[0]);
      await other.getByTestId('shared-banner').waitFor();
      await other.getByTestId('execution-table').locator('tr[data-row="fn:2010102"]').waitFor();
      expect(await cellText(other, 'execution-table', 'fn:2010102', 'rate')).toBe('85.7%（全年）');
      expect(await cellText(other, 'execution-table', 'fn:2010105', 'flags')).toBe('执行率低于80%');
      expect(await cellText(other, 'execution-table', 'expense_total', 'difference')).toBe('−23.10');
      await other.goto(links[1]);
      await other.reload();
      await other.getByTestId('shared-banner').waitFor();
      const abs = other.getByTestId('ranking-absolute');
      await abs.locator('tbody tr').first().waitFor();
      expect(await abs.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')))).toEqual(['code:901|basic', 'code:901|fn:2010101', 'code:901|fn:2010102']);
      expect(await cellText(other, 'ranking-absolute', 'code:901|fn:2010102', 'change')).toBe('−5.00');
      expect(errors).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });

  it('a link followed while a view writes its choices to the address: the link wins', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    await page.goto(`${app.host.url}#view=execution&unit=code%3A901&year=2024`);
    await page.getByTestId('execution-table').locator('tbody tr').first().waitFor();
    // The new fragment's hashchange is queued; before it runs, the view writes a choice of its own
    // (as one does when its data arrives). That write must not put the old view back over the link.
    await page.evaluate(() => {
      location.hash = '#view=story&year=2024&unit=code%3A901&floor=1';
      const year = document.querySelector<HTMLSelectElement>('[data-testid="exec-year"]')!;
      year.value = '2024';
      year.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByTestId('ranking-absolute').locator('tbody tr').first().waitFor();
    expect(page.url()).toContain('view=story');
  });

  it('长期趋势 of the chosen unit: 预算 and 决算 by year, the average change and the largest jump', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    await page.goto(`${app.host.url}#view=story&year=2024&unit=code%3A901`);
    await page.getByTestId('trend-table').locator('tr[data-row="2024"]').waitFor();
    // 本年支出合计: the 2024 预算 120 and its 决算 96.9; one point each, so no average.
    expect(await cellText(page, 'trend-table', '2024', 'budget')).toBe('120.00');
    expect(await cellText(page, 'trend-table', '2024', 'final')).toBe('96.90');
    await expect(page.getByTestId('trend-summary-budget').innerText()).resolves.toContain('不足两个年度');
    await page.getByTestId('trend-item').selectOption('basic');
    await expect.poll(() => page.getByTestId('trend-summary-budget').innerText()).toContain('年均变动 +10.00 万元（逐年增幅平均 +20.0%）；最大变动 2023→2024 年 +10.00 万元');
    expect(await cellText(page, 'trend-table', '2024', 'budget')).toBe('60.00最大变动 +10.00');
    expect(page.url()).toContain('item=basic');
  });
});

describe('一页简报', () => {
  it('totals, the largest changes, 三公, execution flags and sources on one A4 page', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: '执行.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForLibrary(page, SAMPLE_DOCS + 3);
    await page.goto(`${app.host.url}#view=brief&unit=code%3A901&year=2024`);
    const totals = page.getByTestId('brief-totals');
    await totals.locator('tr[data-row="expense_total"]').waitFor();
    expect(await totals.locator('tr[data-row="expense_total"]').innerText()).toMatch(/120\.00\s+96\.90\s+77\.5%/);
    await expect(page.getByTestId('brief-changes').locator('li').first().innerText()).resolves.toContain('基本支出：+10.00 万元（+20.0%）');
    await expect(page.getByTestId('brief-flags').innerText()).resolves.toContain('2010105 专项业务：执行率低于80%（79.0%）');
    await expect(page.getByTestId('brief-sources').innerText()).resolves.toContain('执行测试局 2024年');
    // Printed (Chromium's print to PDF): one A4 page, the brief's text, none of the screen's controls.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const opened = await openPdfNode(new Uint8Array(pdf));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.source.pageCount).toBe(1);
    const first = await opened.source.page(1);
    expect([Math.round(first.width), Math.round(first.height)]).toEqual([595, 842]);
    const text = first.items.flatMap((i) => toFragments(i).map((f) => f.text)).join('').replace(/\s+/g, '');
    await opened.source.close();
    expect(text).toContain('执行测试局2024年预算简报');
    expect(text).toContain('变化最大的五项');
    expect(text).not.toContain('打印/存为PDF');
  });
});
