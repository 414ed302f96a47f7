import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatPct, signedWan } from '../../src/lib/compare/change';
import { displayWan, parseDecimal } from '../../src/lib/model/amount';
import { EXCEL_HEADER } from '../../src/lib/model/excelCsv';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';
import { useApp } from './support/app';
import { downloadText, openDownloads, parseCsv, tableRows, textIn } from './support/ux';

/**
 * Issue #16, item 1: 「下载视图表格」 wrote 增减% 100× too large (+9.4% on the page, 942.7 in the
 * CSV). Every column of the export is checked against what the page shows, row by row.
 */
const app = useApp();

async function exported(page: Page): Promise<{ head: string[]; rows: Map<string, string[]>; lines: string[][] }> {
  await openDownloads(page);
  const { text } = await downloadText(page, page.getByRole('button', { name: '下载视图表格（Excel）' }));
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = parseCsv(text);
  const at = lines.findIndex((l) => l[0] === '项目');
  const rows = new Map<string, string[]>();
  for (const l of lines.slice(at + 1)) if (l.length > 1) rows.set(`${l[0].trim()}|${l[1]}`, l);
  return { head: lines[at], rows, lines };
}

const codeOf = (key: string) => (/^[fe]:(\d+)$/.exec(key)?.[1] ?? '');
const wanOf = (csv: string) => displayWan(parseDecimal(csv)!);

describe('the view table download matches the page, column by column', () => {
  it('同比: amounts, changes and percentages of every visible row', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').waitFor();
    // Two real years: link the 2023 document of the renamed unit, then open a class to see its 款.
    await page.getByTestId('unit-links').locator('summary').click();
    await page.getByTestId('link-other').selectOption('code:202');
    await page.getByRole('button', { name: '关联', exact: true }).click();
    await page.getByTestId('code-mapping').first().waitFor();
    await page.getByRole('button', { name: /展开 201 / }).click();
    const { head, rows } = await exported(page);
    expect(head.slice(-6)).toEqual(['2023（万元）', '2023 较上一列增减（万元）', '2023 较上一列增减（%）', '2024（万元）', '2024 较上一列增减（万元）', '2024 较上一列增减（%）']);
    expect(head.length).toBe(2 + 3 * (await page.getByTestId('yoy-table').locator('thead th[data-year]').count()));

    let pcts = 0;
    for (const r of await tableRows(page.getByTestId('yoy-table'))) {
      const line = rows.get(`${r.label}|${codeOf(r.key)}`);
      expect(line, r.label).toBeDefined();
      for (const [i, cell] of r.cells.entries()) {
        const [amount, change, pct] = line!.slice(2 + 3 * i, 5 + 3 * i);
        expect(await textIn(cell, 'button.amount'), `${r.label} ${i}`).toBe(amount ? wanOf(amount) : '');
        const shown = await textIn(cell, 'button.change');
        const m = /^([+−][\d,.]+)(?: \((.+)\))?$/.exec(shown);
        expect(m ? m[1] : '', `${r.label} ${i} 增减`).toBe(change ? signedWan(parseDecimal(change)!) : '');
        expect(m?.[2] ?? '', `${r.label} ${i} 增减%`).toBe(pct ? formatPct(Number(pct)) : '');
        if (pct) pcts++;
      }
    }
    expect(pcts).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });

  it('横比: amounts, shares and ranks of every visible row, and the sources', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=peers&year=2023&scope=all`);
    await page.getByTestId('peers-table').waitFor();
    const { rows, lines } = await exported(page);
    const units = await page.getByTestId('peers-table').locator('thead th[data-unit]').count();
    expect(units).toBeGreaterThanOrEqual(4);
    expect(lines.at(-1)![0]).toMatch(/^来源：.+2023年部门预算/);

    let shares = 0;
    for (const r of await tableRows(page.getByTestId('peers-table'))) {
      const line = rows.get(`${r.label}|${codeOf(r.key)}`);
      expect(line, r.label).toBeDefined();
      for (const [i, cell] of r.cells.entries()) {
        const [amount, share, rank] = line!.slice(2 + 3 * i, 5 + 3 * i);
        expect(await textIn(cell, 'button.amount'), `${r.label} ${i}`).toBe(amount ? wanOf(amount) : '');
        const meta = await textIn(cell, '.meta');
        expect(/(\d+\.\d)%/.exec(meta)?.[1] ?? '', `${r.label} ${i} 占比`).toBe(share);
        expect(/第 (\d+) 名/.exec(meta)?.[1] ?? '', `${r.label} ${i} 名次`).toBe(rank);
        if (share) shares++;
      }
    }
    expect(shares).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });
});

describe('CSV for people and CSV for programs (issue #16, item 2)', () => {
  it('every CSV meant for Excel has a BOM and Chinese headers; the FORMAT CSV reads back; the two are named apart', async () => {
    const { page, errors } = await app.open();
    await page.getByRole('link', { name: '数据导入导出' }).click();
    const people = await downloadText(page, page.getByRole('button', { name: '下载资料库：Excel 表格（CSV）' }));
    expect(people.text.startsWith('\uFEFF')).toBe(true);
    expect(people.name).toMatch(/表格.*\.csv$/);
    const rows = parseCsv(people.text);
    expect(rows[0]).toEqual(EXCEL_HEADER);
    expect(rows.slice(1).every((r) => !/^[a-z_.]+$/.test(r[4]) && !/^[a-z_]+$/.test(r[7]))).toBe(true);
    const machines = await downloadText(page, page.getByRole('button', { name: '下载资料库：交换格式 CSV（供程序读取）' }));
    expect(machines.name).toMatch(/交换格式.*\.csv$/);
    const parsed = parseFormatCsv(machines.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.reduce((n, d) => n + d.figures.length, 0)).toBe(rows.length - 1);

    await page.goto(`${app.host.url}#view=peers&year=2023`);
    await page.getByTestId('peers-table').waitFor();
    await openDownloads(page);
    const view = await downloadText(page, page.getByRole('button', { name: '下载视图数据：Excel 表格（CSV）' }));
    expect(view.text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(view.text)[0]).toEqual(EXCEL_HEADER);
    const table = await downloadText(page, page.getByRole('button', { name: '下载视图表格（Excel）' }));
    expect(table.text.startsWith('\uFEFF')).toBe(true);
    expect(errors).toEqual([]);
  });
});
