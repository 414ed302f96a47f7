import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpus, renderDocument } from '../../src/lib/synth';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';

/**
 * Issue 17: going back to a view re-asked the worker and drew a 「正在计算…」 frame before the same
 * table. A view opened again on an unchanged library now shows its last answer at once; any change
 * to the library (here an import) makes it ask again. (compare.test's unit link covers a change that
 * keeps the document list.)
 */
const app = useApp();

/** Counts the requests the page sends to its database worker, by type. */
async function countRequests(page: Page): Promise<() => Promise<Record<string, number>>> {
  // The first visit saved before the reload: a page reloaded before that opens the sample again
  // and reads its texts again, a changing request that can land between two questions read ahead
  // and make the later one ask again (executionPeers asked twice on a loaded CI machine).
  await page.locator('main[data-ready="true"]:not([data-sample-texts])').waitFor({ timeout: 60_000 });
  await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor({ timeout: 60_000 });
  await page.context().addInitScript(`(() => {
    window.__asked = {};
    const W = window.Worker;
    window.Worker = class extends W {
      postMessage(m, ...rest) {
        if (m && m.request) window.__asked[m.request.type] = (window.__asked[m.request.type] ?? 0) + 1;
        return super.postMessage(m, ...rest);
      }
    };
  })()`);
  await page.reload();
  await waitForLibrary(page, SAMPLE_DOCS);
  return () => page.evaluate(() => ({ ...(window as unknown as { __asked: Record<string, number> }).__asked }));
}

/** One synthetic disclosure of 2023 through the file input, as a user picks a file; waits until it is listed. */
async function importOne(page: Page, seed: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-revisit-'));
  try {
    const [doc] = corpus({ units: 1, years: 1, seed, firstYear: 2023 });
    const r = renderDocument(doc);
    const file = path.join(dir, r.fileName);
    writeFileSync(file, r.text);
    await page.getByTestId('file-input').setInputFiles(file);
    await waitForLibrary(page, SAMPLE_DOCS + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const view = (page: Page, name: RegExp) => page.getByRole('navigation', { name: '视图' }).getByRole('link', { name });

describe('a view opened again', () => {
  it('shows its table without asking the worker until the library changes', async () => {
    const { page } = await app.open();
    const asked = await countRequests(page);
    const heads = page.getByTestId('peers-table').locator('thead th[data-unit]');

    await view(page, /^横比/).click();
    await expect.poll(() => heads.count()).toBe(3);
    await view(page, /^审核/).click();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(SAMPLE_DOCS);
    const before = await asked();
    expect(before.peers).toBe(1);
    expect(before.auditPage).toBe(1);

    for (let round = 0; round < 2; round++) {
      await view(page, /^资料库/).click();
      await page.getByTestId('library-table').waitFor();
      await view(page, /^横比/).click();
      await expect.poll(() => heads.count()).toBe(3);
      await view(page, /^审核/).click();
      await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(SAMPLE_DOCS);
    }
    // What the downloads, the share link and print carry is the view's answer also when it came from the memo.
    await view(page, /^横比/).click();
    await expect.poll(() => heads.count()).toBe(3);
    await expect(page.getByTestId('print-head').locator('h2').textContent()).resolves.toMatch(/^2023年预算横比（3 个单位）$/);
    const after = await asked();
    expect(after.peers).toBe(1);
    expect(after.auditPage).toBe(1);

    // An import changes the library: both views ask again and show the new document.
    await view(page, /^资料库/).click();
    await importOne(page, 5);
    await view(page, /^横比/).click();
    await expect.poll(() => heads.count()).toBe(4);
    await view(page, /^审核/).click();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(SAMPLE_DOCS + 1);
    const changed = await asked();
    expect(changed.peers).toBe(2);
    expect(changed.auditPage).toBe(2);
  });
  it('a first visit shows what was read ahead and drawn, hidden, while the page was idle, without asking again', async () => {
    const { page, errors } = await app.open();
    const asked = await countRequests(page);
    // Nothing clicked: the idle moments after the library is listed ask what a first click on each would.
    // 变化最大 and 简报 each ask a ranking; 执行 and 简报 each an execution.
    const ahead = (a: Record<string, number>) => [a.yoy, a.peers, a.auditPage, a.ranking, a.execution, a.executionPeers];
    const once = [1, 1, 1, 2, 2, 1];
    await expect.poll(async () => ahead(await asked()), { timeout: 60_000 }).toEqual(once);
    // Then each is drawn with that answer, hidden (kept.svelte.ts), asking nothing more and changing
    // nothing the user sees: the address, the tables shown and what print and shares carry
    // (nothing, on the library view).
    const hash = await page.evaluate(() => location.hash);
    const tables = await page.locator('table:visible').count();
    // Then a chart of each type, on a canvas never attached (compare/chart.ts warmUp).
    await expect.poll(() => page.locator('main').getAttribute('data-drawn-ahead'), { timeout: 60_000 }).toBe('yoy audit peers story execution brief charts');
    expect(await page.locator('canvas:visible').count()).toBe(0);
    // The hidden views' charts are drawn too, at the size their layout gives them (compare/chart.ts
    // drawWaiting): a box's size is told only once it is shown.
    const hiddenCharts = () => page.locator('.view.away canvas').evaluateAll((cs) => cs.map((c) => ({
      view: c.closest('.view')!.getAttribute('data-view'), ready: (c as HTMLCanvasElement).dataset.ready ?? '',
      width: (c as HTMLCanvasElement).style.width, box: `${Math.floor(c.parentElement!.getBoundingClientRect().width)}px`,
    })));
    await expect.poll(async () => (await hiddenCharts()).filter((c) => c.ready !== 'true').length, { timeout: 60_000 }).toBe(0);
    const charts = await hiddenCharts();
    expect(charts.map((c) => c.view)).toEqual(expect.arrayContaining(['yoy', 'peers']));
    for (const c of charts) expect(c.width).toBe(c.box);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.locator('table:visible').count()).toBe(tables);
    expect(await page.getByTestId('yoy-table').isVisible()).toBe(false);
    expect(await page.getByTestId('print-head').count()).toBe(0);
    const drawn = await asked();
    expect([...ahead(drawn), drawn.compareUnits]).toEqual([...once, 1]);
    // The first visit shows that drawing: the same table element.
    await page.getByTestId('yoy-table').evaluate((t) => t.setAttribute('data-drawn-before', ''));
    await view(page, /^同比/).click();
    await expect.poll(() => page.getByTestId('yoy-table').isVisible()).toBe(true);
    expect(await page.getByTestId('yoy-table').getAttribute('data-drawn-before')).toBe('');
    expect(await page.getByTestId('yoy-table').locator('tbody tr').count()).toBeGreaterThan(0);
    // Its charts are drawn now that it is shown.
    await page.locator('.view[data-view="yoy"] canvas[data-ready="true"]').first().waitFor();
    await view(page, /^横比/).click();
    await expect.poll(() => page.getByTestId('peers-table').locator('thead th[data-unit]:visible').count()).toBe(3);
    await view(page, /^审核/).click();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr:visible').count()).toBe(SAMPLE_DOCS);
    await view(page, /^变化最大/).click();
    await expect.poll(() => page.getByTestId('ranking-absolute').isVisible()).toBe(true);
    await view(page, /^执行/).click();
    await expect.poll(() => page.getByTestId('execution-table').isVisible()).toBe(true);
    await view(page, /^简报/).click();
    await expect.poll(() => page.getByTestId('brief-totals').isVisible()).toBe(true);
    expect(ahead(await asked())).toEqual(once);
    // And the title that downloads and print carry is the one the view's own request would have set.
    await view(page, /^横比/).click();
    await expect(page.getByTestId('print-head').locator('h2').textContent()).resolves.toMatch(/^2023年预算横比（3 个单位）$/);
    expect(errors).toEqual([]);
  });

  it('paints a view shown again with its tables first and its charts a frame later', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.locator('.view[data-view="yoy"] canvas[data-ready="true"]').first().waitFor();
    await view(page, /^资料库/).click();
    await page.getByTestId('library-table').waitFor();
    // The first frame that shows the kept 同比 again, and a frame after it, as the page sees them
    // (state/arrival.svelte.ts): handing a chart's pixels to the compositor held that first frame
    // 10–54 ms a chart at 5,000 documents (issue 17).
    const frames = await page.evaluate(() => new Promise<{ table: boolean; charts: string[] }[]>((resolve) => {
      const yoy = document.querySelector('.view[data-view="yoy"]')!;
      const look = () => ({
        table: getComputedStyle(yoy).contentVisibility !== 'hidden' && yoy.querySelector('[data-testid="yoy-table"]')!.getBoundingClientRect().height > 0,
        charts: [...yoy.querySelectorAll('canvas')].map((c) => getComputedStyle(c).display),
      });
      new MutationObserver((_, observer) => {
        if (yoy.classList.contains('away')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const first = look();
          setTimeout(() => requestAnimationFrame(() => resolve([first, look()])), 0);
        });
      }).observe(yoy, { attributes: true });
      document.querySelector<HTMLAnchorElement>('nav a[href*="view=yoy"]')!.click();
    }));
    expect(frames[0].table).toBe(true);
    expect(frames[0].charts.length).toBeGreaterThan(0);
    expect(frames[0].charts.every((d) => d === 'none')).toBe(true);
    expect(frames[1].charts.every((d) => d === 'block')).toBe(true);
    expect(await page.locator('.view[data-view="yoy"] canvas').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps the drawing of a view the user left, hidden, and shows it again as it was until the library changes', async () => {
    const { page, errors } = await app.open();
    const yoyTable = page.getByTestId('yoy-table');
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await yoyTable.locator('tbody tr').first().waitFor();
    await yoyTable.evaluate((t) => t.setAttribute('data-drawn-before', ''));

    // Left: still on the page but not shown, not reachable, and not what print, shares or downloads carry.
    await view(page, /^横比/).click();
    await page.getByTestId('peers-table').locator('thead th[data-unit]').first().waitFor();
    expect(await yoyTable.isVisible()).toBe(false);
    // Not reachable: out of the accessibility tree, Tab never lands in it nor in the other hidden
    // view (both come before 横比 on the page), nor can anything in it be focused.
    const hidden = page.locator('[data-view="yoy"]');
    expect(await hidden.getAttribute('aria-hidden')).toBe('true');
    await view(page, /^横比/).focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.view.away')?.getAttribute('data-view') ?? null)).toBe(null);
    }
    expect(await hidden.evaluate((v) => {
      const b = v.querySelector('button')!;
      b.focus();
      return document.activeElement === b;
    })).toBe(false);
    await expect(page.getByTestId('print-head').locator('h2').textContent()).resolves.toMatch(/横比/);
    await view(page, /^资料库/).click();
    await page.getByTestId('library-table').waitFor();
    expect(await page.getByTestId('print-head').count()).toBe(0);

    // The tab goes back to the view as it was left: its unit, and the same drawing.
    await view(page, /^同比/).click();
    await expect.poll(() => yoyTable.isVisible()).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#view=yoy&unit=code%3A543');
    expect(await yoyTable.getAttribute('data-drawn-before')).toBe('');
    await expect(page.getByTestId('print-head').locator('h2').textContent()).resolves.toMatch(/同比/);
    // Its own tab again: its first screen.
    await view(page, /^同比/).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#view=yoy');

    // A change to the library: the views the user left are drawn anew when they are shown again.
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await yoyTable.locator('tbody tr').first().waitFor();
    await yoyTable.evaluate((t) => t.setAttribute('data-drawn-before', ''));
    await view(page, /^资料库/).click();
    await importOne(page, 6);
    // (Drawn anew, hidden, in the next quiet moment, or with the click: either way not the old drawing.)
    await view(page, /^同比/).click();
    await yoyTable.locator('tbody tr').first().waitFor();
    expect(await yoyTable.getAttribute('data-drawn-before')).toBeNull();
    expect(errors).toEqual([]);
  });
});
