import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpus, renderDocument } from '../../src/lib/synth';
import { parseDecimal } from '../../src/lib/model/amount';
import { PAGE_COLUMNS as P } from '../../src/lib/compare/peersPage';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { downloadText, openDownloads, parseCsv } from './support/ux';

/**
 * Issue 17: a year of a large library has hundreds of units, and 横比 of all of them rendered every
 * column at once. It shows a page of P (10) at a time with a pager; the order chosen with 「单位排序」 applies
 * before the page; the page is in the link.
 */
const app = useApp();
const YEAR = 2031;

describe('横比 of many units, a page of columns at a time', () => {
  it('shows a page of units, moves a page at a time, keeps the page in the link and starts again on a new order', async () => {
    const { page, errors } = await app.open();
    const dir = mkdtempSync(path.join(tmpdir(), 'peers-pages-'));
    let count = 0;
    try {
      // 2P + 7 synthetic units, one 部门预算 each, in a year the sample lacks.
      const files = [...corpus({ units: 2 * P + 7, years: 1, seed: 11, firstYear: YEAR })].map((doc) => {
        const r = renderDocument(doc);
        const file = path.join(dir, r.fileName);
        writeFileSync(file, r.text);
        return file;
      });
      count = files.length;
      await page.getByTestId('file-input').setInputFiles(files);
      await waitForLibrary(page, SAMPLE_DOCS + count);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Three pages, the last one short.
    expect(count).toBeGreaterThan(2 * P);
    expect(count).toBeLessThan(3 * P);

    await page.getByRole('link', { name: '横比（跨单位）' }).click();
    await page.getByTestId('peers-year').selectOption(String(YEAR));
    const table = page.getByTestId('peers-table');
    const range = page.getByTestId('peers-range');
    const next = page.getByRole('button', { name: `后 ${P} 个 ›` });
    await expect.poll(() => range.innerText(), { timeout: 60_000 }).toBe(`第 1–${P} 个单位，共 ${count} 个`);
    const heads = table.locator('thead th[data-unit]');
    expect(await heads.count()).toBe(P);
    const unitsShown = () => heads.evaluateAll((hs) => hs.map((h) => h.getAttribute('data-unit')));
    const first = await unitsShown();
    // Every row has a cell per shown unit, no more.
    expect(await table.locator('tr[data-row="m:expense_total"] td').count()).toBe(P);

    await next.click();
    await expect.poll(() => range.innerText()).toBe(`第 ${P + 1}–${2 * P} 个单位，共 ${count} 个`);
    const second = await unitsShown();
    await next.click();
    await expect.poll(() => range.innerText()).toBe(`第 ${2 * P + 1}–${count} 个单位，共 ${count} 个`);
    expect(await heads.count()).toBe(count - 2 * P);
    const third = await unitsShown();
    expect(new Set([...first, ...second, ...third]).size).toBe(count);
    expect(page.url()).toContain(`cols=${2 * P}`);
    expect(await next.isDisabled()).toBe(true);

    // A reload restores the page from the link. From then on, what the unit chooser of 同比 holds
    // each time its options change is noted, from the moment it is first drawn (ahead or clicked).
    await page.addInitScript(`new MutationObserver(() => {
      const s = document.querySelector('[data-testid="yoy-unit"]');
      if (s && (window.__unitOptions ??= []).at(-1) !== s.options.length) window.__unitOptions.push(s.options.length);
    }).observe(document, { subtree: true, childList: true })`);
    await page.reload();
    await expect.poll(() => range.innerText(), { timeout: 60_000 }).toBe(`第 ${2 * P + 1}–${count} 个单位，共 ${count} 个`);

    // Ordered by 支出总计: back to the first page, largest first, and no unit of a later page is larger.
    await page.getByRole('combobox', { name: '单位排序' }).selectOption('m:expense_total');
    await expect.poll(() => range.innerText()).toBe(`第 1–${P} 个单位，共 ${count} 个`);
    expect(page.url()).not.toContain('cols=');
    const amounts = async () => (await table.locator('tr[data-row="m:expense_total"] td button.amount').allInnerTexts()).map((t) => parseDecimal(t.replaceAll(',', ''))!);
    const top = await amounts();
    expect(top).toHaveLength(P);
    for (let i = 1; i < top.length; i++) expect(top[i]).toBeLessThanOrEqual(top[i - 1]);
    await next.click();
    await expect.poll(() => range.innerText()).toBe(`第 ${P + 1}–${2 * P} 个单位，共 ${count} 个`);
    const rest = await amounts();
    expect(Math.max(...rest)).toBeLessThanOrEqual(top[top.length - 1]);

    // The view's table carries every unit, not the page: the worker is asked for the whole answer.
    await openDownloads(page);
    const { text } = await downloadText(page, page.getByRole('button', { name: '下载视图表格（Excel）' }));
    const lines = parseCsv(text);
    const head = lines.find((l) => l[0] === '项目')!;
    expect(new Set(head.flatMap((h) => h.match(/合成测试第\d+号单位/) ?? [])).size).toBe(count);

    // 同比's unit chooser holds every unit (up to 200); past twenty a filter narrows it by name or code.
    await page.getByRole('link', { name: '同比（跨年）' }).click();
    const choose = page.getByTestId('yoy-unit');
    const options = choose.locator('option');
    await page.getByTestId('yoy-unit-filter').waitFor();
    await expect.poll(() => options.count(), { timeout: 60_000 }).toBeGreaterThan(count);
    // Drawn with the unit shown as its one option, the rest made once the page was idle
    // (compare/options.ts): a select of ~170 options was 7–10 ms of the frame that drew it.
    expect((await page.evaluate('window.__unitOptions')) as number[]).toEqual([1, await options.count()]);
    const shown = await choose.inputValue();
    const target = (await options.allInnerTexts()).map((t) => t.match(/合成测试第\d+号单位/)?.[0]).filter(Boolean).at(-1)!;
    await page.getByTestId('yoy-unit-filter').fill(target);
    await expect.poll(() => page.getByTestId('yoy-unit-count').innerText()).toBe('1 个单位符合');
    // The unit shown stays in the list (a select holds its value) until another is chosen.
    const left = await options.allInnerTexts();
    expect(left.length).toBeLessThanOrEqual(2);
    expect(left.filter((t) => t.includes(target))).toHaveLength(1);
    expect(await choose.inputValue()).toBe(shown);
    const value = await options.filter({ hasText: target }).getAttribute('value');
    await choose.selectOption(value!);
    await expect.poll(() => choose.inputValue()).toBe(value);
    await page.getByTestId('yoy-table').waitFor();
    // Its width is set, not taken from its options: Chromium measures every option's text to size a
    // select of automatic width (15–35 ms of a first visit's layout with 200 units).
    const widths = await choose.evaluate((s: HTMLSelectElement) => {
      const empty = s.cloneNode(false) as HTMLSelectElement;
      s.after(empty);
      const w = [s.offsetWidth, empty.offsetWidth];
      empty.remove();
      return w;
    });
    expect(widths[0]).toBe(widths[1]);

    // 执行, 变化最大 and 简报 choose their unit with the same chooser (they listed every unit).
    for (const [view, id] of [['执行（预算对决算）', 'exec-unit'], ['变化最大', 'story-unit'], ['简报（一页）', 'brief-unit']]) {
      await page.getByRole('link', { name: view }).click();
      await page.getByTestId(`${id}-filter`).fill(target);
      await expect.poll(() => page.getByTestId(`${id}-count`).innerText()).toBe('1 个单位符合');
      expect(await page.getByTestId(id).locator('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(target)]));
    }
    expect(errors).toEqual([]);
  });
});
