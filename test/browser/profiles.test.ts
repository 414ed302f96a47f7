import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { documents } from '../../src/lib/synth';
import { renderUnknownLayout } from '../../src/lib/synth/unknownLayout';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';

/**
 * Issue 18: a layout nobody uses (the synthetic nine tables under unknown titles), taught in the
 * app. Two documents of the one layout: different units, figures and text layout.
 */
const app = useApp();
const [first, second] = [documents(1, 7, 'tab')[0], documents(7, 7, 'cells')[6]];
const fileOf = (d: typeof first) => {
  const r = renderUnknownLayout(d);
  return { name: `未知版式-${d.unitName}.txt`, mimeType: 'text/plain', buffer: Buffer.from(r.text), figures: r.figures.length };
};
const A = fileOf(first);
const B = fileOf(second);

async function importDoc(page: Page, file: typeof A, docs: number): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
  await waitForLibrary(page, docs);
}

const row = (page: Page, unit: string) => page.getByTestId('library-table').locator('tr', { hasText: unit }).first();

async function openDoc(page: Page, unit: string): Promise<void> {
  await page.getByRole('button', { name: unit, exact: true }).click();
  await page.getByTestId('unmapped').waitFor();
}

describe('teaching the app a layout it does not know', () => {
  it('lists the unmapped tables, maps all nine with one confirmation each, audits them, and reads the next document of the layout at once', async () => {
    const { page } = await app.open();
    await importDoc(page, A, SAMPLE_DOCS + 1);
    await openDoc(page, first.unitName);
    const tables = page.getByTestId('unmapped-table');
    await expect(tables.count()).resolves.toBe(9);
    await expect(page.locator('[data-testid="unmapped-table"][data-mapped="no"]').count()).resolves.toBe(9);
    // Plain grids, as text: the first table's cells are there with the page furniture's words.
    await expect(tables.first().getByTestId('raw-grid').innerText()).resolves.toContain('一般公共预算拨款收入');
    await expect(tables.first().getByTestId('suggested-kind').innerText()).resolves.toBe('收支总表');
    await expect(page.getByTestId('import-warnings').innerText()).resolves.toContain('不是可识别的公开表');

    // One click per table: 按建议确认 on the first table still unmapped, nine times.
    let clicks = 0;
    for (let mapped = 1; mapped <= 9; mapped++) {
      await page.locator('[data-testid="unmapped-table"][data-mapped="no"]').first().getByTestId('confirm-suggestion').click();
      clicks++;
      await page.locator('[data-testid="unmapped-table"][data-mapped="yes"]').nth(mapped - 1).waitFor();
    }
    expect(clicks).toBe(9);
    await page.getByTestId('import-warnings').waitFor({ state: 'detached' });
    console.info(`issue 18 measure: a nine-table document of an unknown layout mapped with ${clicks} clicks (one 按建议确认 per table)`);

    // The figures appear at once, each saying which profile read it; every printed figure is there.
    await expect(row(page, first.unitName).getByTestId('figure-count').innerText()).resolves.not.toBe('0');
    const viaProfile = page.getByTestId('figures').getByTestId('figure-profile');
    await viaProfile.nth(A.figures - 1).waitFor();
    await expect(viaProfile.count()).resolves.toBe(A.figures);
    await expect(viaProfile.first().innerText()).resolves.toMatch(/^按版式配置 .+ 读取$/);
    // The audit ran on them: the badge shows no error.
    await row(page, first.unitName).getByTestId('audit-badge').filter({ hasText: /^✓/ }).waitFor();

    // A second document of the layout (another unit, the other text layout) comes in mapped.
    await importDoc(page, B, SAMPLE_DOCS + 2);
    await openDoc(page, second.unitName);
    await expect(page.locator('[data-testid="unmapped-table"][data-mapped="yes"]').count()).resolves.toBe(9);
    await page.getByTestId('figures').getByTestId('figure-profile').nth(B.figures - 1).waitFor();
    await expect(page.getByTestId('figures').getByTestId('figure-profile').count()).resolves.toBe(B.figures);
  }, 180_000);

  it('corrects a suggestion in the 映射 panel, and the sums say when the mapping is wrong', async () => {
    const { page } = await app.open();
    await importDoc(page, A, SAMPLE_DOCS + 1);
    await openDoc(page, first.unitName);
    const third = page.getByTestId('unmapped-table').nth(2);
    await third.getByTestId('open-mapping').click();
    const panel = third.getByTestId('mapping-panel');
    await expect(panel.getByTestId('mapping-kind').inputValue()).resolves.toBe('expense');
    await expect(panel.locator('[data-ok="false"]').count()).resolves.toBe(0);
    // Swap 合计 and 基本支出: the row identity breaks and says so.
    const roles = panel.getByTestId('mapping-role');
    await roles.nth(3).selectOption('basic');
    await roles.nth(4).selectOption('total');
    await panel.locator('[data-ok="false"]').first().waitFor();
    await roles.nth(3).selectOption('total');
    await roles.nth(4).selectOption('basic');
    await expect(panel.locator('[data-ok="false"]').count()).resolves.toBe(0);
    await panel.getByTestId('mapping-name').fill('县级支出总表');
    await panel.getByTestId('mapping-save').click();
    await third.getByTestId('mapped-by').filter({ hasText: '县级支出总表' }).waitFor();
  }, 180_000);

  it('exports the profiles, imports them in a fresh browser profile, and refuses a tampered file', async () => {
    let { page } = await app.open();
    await importDoc(page, A, SAMPLE_DOCS + 1);
    await openDoc(page, first.unitName);
    for (let mapped = 1; mapped <= 9; mapped++) {
      await page.locator('[data-testid="unmapped-table"][data-mapped="no"]').first().getByTestId('confirm-suggestion').click();
      await page.locator('[data-testid="unmapped-table"][data-mapped="yes"]').nth(mapped - 1).waitFor();
    }
    await page.getByRole('link', { name: '数据导入导出' }).click();
    await page.getByTestId('profiles-list').locator('tbody tr').nth(8).waitFor();
    await expect(page.getByTestId('profiles-list').locator('tbody tr').count()).resolves.toBe(9);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('profiles-export').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(text).profiles).toHaveLength(9);
    await page.getByTestId('profiles-link').click();
    const link = await page.getByTestId('profiles-link-text').inputValue();
    expect(link).toMatch(/#view=data&profiles=[A-Za-z0-9_-]+$/);

    ({ page } = await app.open());
    await page.getByRole('link', { name: '数据导入导出' }).click();
    await page.getByTestId('profiles-empty').waitFor();
    const tampered = text.replace('"kind": "summary"', '"kind": "summary", "__proto__": { "kind": "x" }');
    await page.getByTestId('profiles-import').setInputFiles({ name: '篡改.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await expect(page.getByTestId('profiles-error').innerText()).resolves.toMatch(/「篡改\.json」.*__proto__/);
    await page.getByTestId('profiles-empty').waitFor();

    await page.getByTestId('profiles-import').setInputFiles({ name: '版式.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByTestId('profiles-message').filter({ hasText: '已导入 9 个版式配置' }).waitFor();
    await expect(page.getByTestId('profiles-list').locator('tbody tr').count()).resolves.toBe(9);
    await page.getByRole('link', { name: '资料库' }).first().click();
    await importDoc(page, B, SAMPLE_DOCS + 1);
    await openDoc(page, second.unitName);
    await expect(page.locator('[data-testid="unmapped-table"][data-mapped="yes"]').count()).resolves.toBe(9);

    // The share link, opened in another fresh browser profile: the app asks, then adds them.
    ({ page } = await app.open());
    const asked: string[] = [];
    page.on('dialog', (d) => {
      // Leaving the first page while its first save is still pending asks before leaving: not the
      // question this test is about, and it took the one answer meant for the link's (seen under load).
      if (d.type() === 'beforeunload') return void d.accept();
      asked.push(d.message());
      void d.accept();
    });
    await page.goto('about:blank');
    await page.goto(`${app.host.url.replace(/\/$/, '')}/${link.replace(/^https?:\/\/[^/]+\/?/, '')}`);
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByRole('link', { name: '数据导入导出' }).click();
    try {
      await page.getByTestId('profiles-list').locator('tbody tr').nth(8).waitFor();
    } catch (e) {
      // What the page said instead, for a failure seen only under CI's load.
      throw new Error(`${(e as Error).message}\nasked: ${JSON.stringify(asked)}\n${(await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 600)}`);
    }
    expect(asked).toEqual([expect.stringContaining('版式配置')]);
  }, 180_000);
});
