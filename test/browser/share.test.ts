import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';
import { closeSharedBrowser, EphemeralProfile, waitForLibrary, waitForServiceWorker, watchErrors } from './support/browser';
import { requireDist } from './support/build';
import { StaticHost } from './support/server';

/** Share links: made in one browser profile, opened in a fresh one with nothing loaded. */
const SAMPLE_DOCS = 6;
const UNITS = ['202', '455', '203'];
let host: StaticHost;
const profiles: EphemeralProfile[] = [];

beforeAll(async () => {
  host = new StaticHost(requireDist());
  await host.start();
});
afterAll(async () => {
  await closeSharedBrowser();
  await host.stop();
});
afterEach(async () => {
  while (profiles.length) await profiles.pop()!.dispose();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const p = new EphemeralProfile();
  profiles.push(p);
  const context = await p.open();
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, errors: watchErrors(page) };
}

async function peersTotals(page: Page): Promise<string[]> {
  const table = page.getByTestId('peers-table');
  await table.waitFor();
  const out: string[] = [];
  for (const u of UNITS) {
    out.push((await table.locator(`tr[data-row="m:expense_total"] td[data-unit="code:${u}"] button.amount`).innerText()).trim());
  }
  return out;
}

async function makeLink(page: Page): Promise<string> {
  await page.goto(`${host.url}#view=peers&year=2023`);
  await page.getByTestId('peers-table').waitFor();
  await page.getByRole('button', { name: '分享链接（含数据）' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('data=');
  return link;
}

describe('share links with data', () => {
  it('opens the same comparison in a fresh profile as temporary data, also offline, and returns to the own library', async () => {
    const first = await newPage();
    await first.page.goto(host.url);
    await waitForLibrary(first.page, SAMPLE_DOCS);
    const link = await makeLink(first.page);
    const expected = await peersTotals(first.page);

    const second = await newPage();
    // A fresh browser: first visit installs the sample library, then the link's data shows instead.
    await second.page.goto(link);
    await second.page.getByTestId('shared-banner').waitFor();
    expect(await peersTotals(second.page)).toEqual(expected);
    await expect(second.page.getByTestId('save-state').innerText()).resolves.toContain('临时数据');

    // Once the app is cached, the link opens with no network at all.
    await waitForServiceWorker(second.page);
    await second.page.context().setOffline(true);
    await second.page.reload();
    await second.page.getByTestId('shared-banner').waitFor();
    expect(await peersTotals(second.page)).toEqual(expected);
    await second.page.context().setOffline(false);

    await second.page.getByRole('button', { name: '返回我的资料库' }).click();
    await waitForLibrary(second.page, SAMPLE_DOCS);
    expect(second.page.url()).not.toContain('data=');
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  it('rejects a tampered or truncated link with a message and changes nothing', async () => {
    const first = await newPage();
    await first.page.goto(host.url);
    await waitForLibrary(first.page, SAMPLE_DOCS);
    const link = await makeLink(first.page);
    for (const bad of [link.slice(0, link.length - 40), link.replace(/data=([A-Za-z0-9_-]{10})/, 'data=$1!!<b>'), `${host.url}#view=peers&data=catalog:../../etc`]) {
      const { page } = await newPage();
      await page.goto(bad);
      await waitForLibrary(page, SAMPLE_DOCS);
      // The notice itself (the always-visible share button matched the old /分享链接|数据集/).
      await page.getByText(/已忽略链接中的数据，你的资料库没有任何改变|无法打开链接中的数据集「/).waitFor();
      expect(await page.getByTestId('shared-banner').count()).toBe(0);
      await expect(page.getByTestId('save-state').innerText()).resolves.not.toContain('临时数据');
    }
  });

  it('can name a catalog dataset instead of carrying the data', async () => {
    const { page } = await newPage();
    await page.goto(host.url);
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.goto(`${host.url}#view=peers&year=2023&data=catalog:seeds`);
    await page.reload();
    await page.getByTestId('shared-banner').filter({ hasText: `${SAMPLE_DOCS} 份文档` }).waitFor();
    expect((await peersTotals(page)).every((t) => /^\d[\d,]*\.\d\d$/.test(t))).toBe(true);
    await page.getByRole('button', { name: '保存到我的资料库' }).click();
    await page.getByText(/已把 0 份文档加入你的资料库（6 份已存在）/).waitFor();
  });
});

describe('exporting the view', () => {
  it('downloads the 横比 view laid out for Excel and its figures as FORMAT CSV', async () => {
    const { page } = await newPage();
    await page.goto(host.url);
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.goto(`${host.url}#view=peers&year=2023`);
    const totals = await peersTotals(page);
    await page.getByTestId('downloads').locator('summary').click();
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载视图表格（Excel）' }).click()]);
    const excel = readFileSync((await table.path())!, 'utf8');
    expect(excel.startsWith('\uFEFF')).toBe(true);
    const total = excel.split('\r\n').find((l) => l.startsWith('支出总计'))!;
    for (const t of totals) expect(total).toContain(`,${t.replaceAll(',', '')},`);

    const [data] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载视图数据：交换格式 CSV（供程序读取）' }).click()]);
    const parsed = parseFormatCsv(readFileSync((await data.path())!, 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.map((d) => d.meta.unitCode).sort()).toEqual([...UNITS].sort());
  });
});
