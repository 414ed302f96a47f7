import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES } from '../../src/lib/console/examples';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';
import { corpus, renderDocument } from '../../src/lib/synth';
import { Profile, waitForLibrary, watchErrors } from './support/browser';
import { requireDist } from './support/build';
import { StaticHost } from './support/server';

/** The 「SQL 查询」 view on the sample library: examples against the views, read-only, cancel, export. */
const SAMPLE_DOCS = 6;
const XINFANG = '信访局（市委群工部）';

let host: StaticHost;
let profile: Profile;
beforeAll(async () => {
  host = new StaticHost(requireDist());
  await host.start();
});
afterAll(() => host.stop());
afterEach(() => profile?.dispose());

async function open(fragment = 'view=sql'): Promise<{ page: Page; errors: string[] }> {
  profile = new Profile();
  const context = await profile.open();
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(host.url);
  await waitForLibrary(page, SAMPLE_DOCS);
  await page.goto(`${host.url}#${fragment}`);
  await page.getByTestId('sql-input').waitFor();
  return { page, errors };
}

/** Types a query and runs it; waits for its row count or its error. */
async function run(page: Page, sql: string): Promise<void> {
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('sql-run').click();
  await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
}

async function resultRows(page: Page): Promise<Record<string, string>[]> {
  const table = page.getByTestId('sql-result');
  const head = await table.locator('thead th').allInnerTexts();
  const cols = head.map((h) => h.replace(/[ ▲▼]+$/, '').trim());
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])));
}

const countText = (page: Page) => page.getByTestId('sql-count').innerText();
/** The 同比 table's caption: the unit whose figures it shows. */
const yoyCaption = async (page: Page) => (await page.getByTestId('yoy-table').locator('caption').textContent({ timeout: 60_000 })) ?? '';
const wan = (s: string) => Number(s.replaceAll(',', ''));

describe('SQL 查询', () => {
  it('runs the examples, and their figures are the ones the 同比 and audit views show', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: EXAMPLES[0].title }).click();
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/共 \d+ 行/);
    const rows = await resultRows(page);
    const xinfang = rows.find((r) => r['单位'] === XINFANG && r['年度'] === '2024')!;
    expect(xinfang).toBeDefined();
    // The chart the example asks for is drawn, from the rows shown.
    await expect.poll(() => page.getByTestId('sql-chart').locator('canvas').getAttribute('data-ready')).toBe('true');
    expect(page.url()).toContain('chart=bar');
    // The query and its chart travel in a share link.
    await page.getByRole('button', { name: '复制视图链接' }).click();
    const link = new URL(await page.getByTestId('share-link').inputValue());
    const shared = new URLSearchParams(link.hash.slice(1));
    expect(shared.get('view')).toBe('sql');
    expect(shared.get('q')).toBe(EXAMPLES[0].sql);
    expect([shared.get('chart'), shared.get('x'), shared.get('y')]).toEqual(['bar', EXAMPLES[0].chart!.x, EXAMPLES[0].chart!.y]);

    // The same figure in the 同比 view.
    await page.goto(`${host.url}#view=yoy&unit=code%3A543`);
    const yoyCell = page.getByTestId('yoy-table').locator('tr[data-row="m:three_public"] td[data-year="2024"] button.amount');
    await yoyCell.waitFor();
    expect(wan(await yoyCell.innerText())).toBe(wan(xinfang['三公经费']));

    // 全部“错误”级审核发现: as many as the audit view counts.
    await page.goto(`${host.url}#view=audit`);
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(SAMPLE_DOCS);
    const errorsInAudit = (await page.getByTestId('error-total').allInnerTexts()).reduce((s, t) => s + Number(t), 0);
    expect(errorsInAudit).toBeGreaterThan(0);
    await page.goto(`${host.url}#view=sql`);
    await page.getByRole('button', { name: EXAMPLES[3].title }).click();
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(new RegExp(`^共 ${errorsInAudit} 行`));
    expect(errors).toEqual([]);
  });

  it('ranks 项 increases and 机关运行经费 growth with the amounts the 同比 view shows', async () => {
    const { page, errors } = await open();
    // Three synthetic units over three years, imported through the file input.
    const dir = mkdtempSync(path.join(tmpdir(), 'sql-synth-'));
    try {
      const files = [...corpus({ units: 3, years: 3, seed: 7 })].map((doc) => {
        const r = renderDocument(doc);
        const file = path.join(dir, r.fileName);
        writeFileSync(file, r.text);
        return file;
      });
      await page.goto(`${host.url}#view=library`);
      await page.getByTestId('file-input').setInputFiles(files);
      await waitForLibrary(page, SAMPLE_DOCS + files.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.goto(`${host.url}#view=sql`);
    await page.getByRole('button', { name: EXAMPLES[1].title }).click();
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/^共 10 行/);
    const top = (await resultRows(page))[0];
    const code = top['科目编码'];
    await run(page, `SELECT DISTINCT unit_key FROM documents WHERE unit_name = '${top['单位']}'`);
    const unitKey = (await resultRows(page))[0].unit_key;
    // The 项 row, opened under its 类 and 款, in the unit's 同比.
    await page.goto(`${host.url}#view=yoy&unit=${encodeURIComponent(unitKey)}&open=${encodeURIComponent(`f:${code.slice(0, 3)},f:${code.slice(0, 5)}`)}`);
    // The view drawn ahead for another unit (same codes, same years) stays until this unit's answer
    // comes: under load a cell of it was read (449.85 for 914.87). Its caption names the unit.
    await expect.poll(() => yoyCaption(page), { timeout: 60_000 }).toContain(top['单位']);
    const item = page.getByTestId('yoy-table').locator(`tr[data-row="f:${code}"] td[data-year="${top['本年']}"]`);
    await item.locator('button.amount').waitFor();
    expect(wan(await item.locator('button.amount').innerText())).toBe(wan(top['本年金额']));
    // The change reads 「+670.03 (+273.7%)」: its amount, before the percentage.
    const change = (await item.locator('button.change').innerText()).match(/^\+([\d,]+\.\d{2})/);
    expect(change, 'an increase').not.toBeNull();
    expect(wan(change![1])).toBe(wan(top['增加额']));

    await page.goto(`${host.url}#view=sql`);
    await page.getByRole('button', { name: EXAMPLES[2].title }).click();
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/^共 [1-9]\d* 行/);
    const grew = (await resultRows(page))[0];
    await run(page, `SELECT DISTINCT unit_key FROM documents WHERE unit_name = '${grew['单位']}'`);
    const grewKey = (await resultRows(page))[0].unit_key;
    await page.goto(`${host.url}#view=yoy&unit=${encodeURIComponent(grewKey)}`);
    await expect.poll(() => yoyCaption(page), { timeout: 60_000 }).toContain(grew['单位']);
    const op = (year: string) => page.getByTestId('yoy-table').locator(`tr[data-row="m:operating_cost"] td[data-year="${year}"] button.amount`);
    await op(grew['本年']).waitFor();
    expect(wan(await op(grew['上年']).innerText())).toBe(wan(grew['上年机关运行经费']));
    expect(wan(await op(grew['本年']).innerText())).toBe(wan(grew['本年机关运行经费']));
    expect(errors).toEqual([]);
  });

  it('refuses every write and leaves the library as it was, also after a reload', async () => {
    const { page, errors } = await open();
    const writes = ['INSERT INTO unit_link VALUES (\'a\', \'b\')', 'UPDATE figure SET amount = 0', 'DELETE FROM document', 'DROP TABLE figure',
      'CREATE TABLE t (x)', "ATTACH DATABASE 'x.db' AS x", 'PRAGMA writable_schema = ON', 'WITH x AS (SELECT 1) DELETE FROM figure'];
    for (const sql of writes) {
      await run(page, sql);
      await expect(page.getByTestId('sql-error').innerText(), sql).resolves.toContain('只读');
    }
    await run(page, 'SELECT count(*) AS n, (SELECT count(*) FROM figures) AS f FROM documents');
    const [row] = await resultRows(page);
    expect(row.n).toBe(String(SAMPLE_DOCS));
    const figures = row.f;
    await page.reload();
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByTestId('sql-input').waitFor();
    // The query is in the URL: the reload runs it again.
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/共 1 行/);
    expect((await resultRows(page))[0].f).toBe(figures);
    expect(errors).toEqual([]);
  });

  it('stops a runaway query on 取消, and the app goes on', async () => {
    const { page, errors } = await open();
    await page.getByTestId('sql-input').fill('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r');
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-cancel').click();
    await expect(page.getByTestId('sql-error').innerText()).resolves.toContain('已取消');
    await run(page, 'SELECT count(*) AS n FROM documents');
    expect((await resultRows(page))[0].n).toBe(String(SAMPLE_DOCS));
    await page.getByRole('link', { name: '资料库' }).click();
    await waitForLibrary(page, SAMPLE_DOCS);
    expect(errors).toEqual([]);
  });

  it('exports FORMAT CSV that imports back into an empty library with the same figures', async () => {
    const { page, errors } = await open();
    const q = 'SELECT doc_id, unit_code, unit_name, scope, stage, year, table_key, row_code, row_name, column_key, amount_text FROM figures WHERE year = 2024';
    await run(page, q);
    const total = Number((await countText(page)).match(/共 ([\d,]+) 行/)![1].replaceAll(',', ''));
    expect(total).toBeGreaterThan(50);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-format').click()]);
    const csvPath = (await file.path())!;
    const parsed = parseFormatCsv(readFileSync(csvPath, 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.reduce((s, d) => s + d.figures.length, 0)).toBe(total);
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-csv').click()]);
    expect(readFileSync((await excel.path())!, 'utf8').startsWith('\uFEFF')).toBe(true);

    // Into an empty library: clear the sample, import the file, query again.
    await page.goto(`${host.url}#view=library`);
    await page.getByRole('button', { name: '清除示例，从空资料库开始' }).click();
    await waitForLibrary(page, 0);
    await page.getByTestId('file-input').setInputFiles(csvPath);
    await waitForLibrary(page, parsed.docs.length);
    await page.goto(`${host.url}#view=sql`);
    await page.getByTestId('sql-input').waitFor();
    await run(page, 'SELECT count(*) AS n FROM figures');
    expect((await resultRows(page))[0].n).toBe(String(total));
    expect(errors).toEqual([]);
  });
});
