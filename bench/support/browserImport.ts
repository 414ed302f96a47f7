/**
 * The browser benchmark's import and view-switching runs: synthetic disclosures picked through the
 * file input of the built app, with every main-thread long task recorded by a PerformanceObserver
 * installed before the app starts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { importFile } from '../../src/lib/ingest/file';
import type { StoredDocument } from '../../src/lib/model/document';
import { documentsToRows, rowsToCsv } from '../../src/lib/model/formatCsv';
import { Profile, waitForLibrary, waitForServiceWorker } from '../../test/browser/support/browser';
import type { StaticHost } from '../../test/browser/support/server';
import { syntheticFiles } from './corpus';

const SAMPLE_DOCS = 6;
const LONG_WAIT = { timeout: 600_000 };

export interface ImportRun {
  ms: number;
  longestTask: number;
  longTasks: number;
}

export interface SwitchRun {
  loadMs: number;
  /** Click → the frame that draws the view, painted; each view's rounds. */
  views: Record<string, number[]>;
  /** Click → the animation frame after that one (the measure before the twelfth pass). */
  nextFrame: Record<string, number[]>;
  longestTask: Record<string, number>;
}

/** View → (nav link name, what shows the view is on screen, besides nothing marked busy). */
const VIEWS: [string, string, string][] = [
  ['yoy', '同比（跨年）', '[data-testid="yoy-table"]'],
  ['peers', '横比（跨单位）', '[data-testid="peers-table"] tbody tr'],
  // The matrix's rows, not the table: its head is drawn before the worker's answer arrives.
  ['audit', '审核（勾稽）', '[data-testid="audit-matrix"] tbody tr'],
  ['data', '数据导入导出', '[data-testid="catalog"]'],
  ['library', '资料库', '[data-testid="library-table"]'],
];

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

function observeLongTasks(): void {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => window.__longTasks.filter((e) => e.start >= t), since);
}

let libraryCsv: Buffer | null = null;
async function csvOf(count: number): Promise<Buffer> {
  if (libraryCsv) return libraryCsv;
  const docs: StoredDocument[] = [];
  for (const f of syntheticFiles(count, 4242)) {
    const r = await importFile(f.bytes, f.name);
    if (r.ok) docs.push(...r.docs);
  }
  libraryCsv = Buffer.from(rowsToCsv(documentsToRows(docs)));
  return libraryCsv;
}

/**
 * Notes on the page's clock when the document count first reads `text` (a MutationObserver, set up
 * before the files are picked); returns the page's clock now.
 */
async function watchCount(page: Page, text: string): Promise<number> {
  // A string, not a function: tsx's name helper would not exist in the page.
  return (await page.evaluate(`(() => {
    window.__countDrawnAt = null;
    // Disconnected once the count is seen: left observing, it ran on every change of the page through
    // the library load and the view switches measured after it.
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="doc-count"]')?.textContent?.includes(${JSON.stringify(text)})) {
        window.__countDrawnAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return performance.now();
  })()`)) as number;
}

/** Click → view on screen, two ways (page clock, ms). */
export interface Switched {
  /** To the end of the frame that first draws the view: its animation frame, then the next task. */
  painted: number;
  /** To the start of the frame after that one (two animation frames), as measured before the twelfth pass. */
  nextFrame: number;
}

/**
 * Clicks a view's link; the page's clock from the click to the view on screen: `selector` present,
 * nothing marked busy. Checked on every change to the page (a MutationObserver), not polled:
 * Playwright's waitFor polls up to 500 ms apart in a long wait, which had made a 30 ms switch read as
 * hundreds.
 *
 * Two figures. `painted` ends with the frame that draws the view: the animation frame after it is
 * ready, then a message, which runs once that frame's style, layout and paint are done. `nextFrame`
 * waits for one more animation frame, as this bench did before: it also counts what the page does
 * after the view is painted, such as the rest of a long table drawn a task at a time below the
 * window (state/steps.svelte.ts) or a chart made after its table is shown.
 */
async function switchTo(page: Page, name: string, selector: string): Promise<Switched> {
  // A string, not a function: tsx's name helper would not exist in the page.
  await page.evaluate(`(() => {
    window.__viewShown = new Promise((resolve) => {
      let clickAt = null;
      let waiting = false;
      // In the view shown: a kept view the user left is on the page too, hidden (ui/state/kept.svelte.ts).
      const ready = () => clickAt !== null && document.querySelector(${JSON.stringify(`.view:not(.away) ${selector}`)}) && !document.querySelector('[aria-busy="true"]:not(.away *)');
      const check = () => {
        if (waiting || !ready()) return;
        waiting = true;
        requestAnimationFrame(() => {
          let painted = null;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (painted = performance.now() - clickAt);
          channel.port2.postMessage(null);
          requestAnimationFrame(() => {
            waiting = false;
            if (!ready() || painted === null) return;
            observer.disconnect();
            resolve({ painted, nextFrame: performance.now() - clickAt });
          });
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      document.addEventListener('click', () => {
        clickAt = performance.now();
        setTimeout(check, 0);
      }, { capture: true, once: true });
    });
  })()`);
  await page.getByRole('link', { name, exact: true }).click();
  return (await page.evaluate('window.__viewShown')) as Switched;
}

/**
 * `atOnce`: pick the files the moment the sample is listed, while the first visit's own work still
 * runs (the sample's texts read and saved, the service worker precaching the app); otherwise once
 * that is done, as a user who opens the file picker a few seconds later finds the app.
 */
export async function importAndSwitch(host: StaticHost, opts: { importCount: number; libraryCount: number; seed: number; atOnce?: boolean }): Promise<{ import: ImportRun; switching: SwitchRun | null }> {
  const profile = new Profile();
  let dir: string | null = null;
  try {
    const context = await profile.open();
    // Explicit limits: Playwright's default 30 s is too short for a busy 2-core machine.
    context.setDefaultTimeout(600_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(observeLongTasks);
    await page.goto(host.url);
    await waitForLibrary(page, SAMPLE_DOCS);
    if (!opts.atOnce) {
      await page.locator('main[data-ready="true"]:not([data-sample-texts])').waitFor(LONG_WAIT);
      await waitForServiceWorker(page);
      await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor(LONG_WAIT);
    }

    // Files on disk, picked by path as a user's file picker gives them: in-page buffers would make
    // the longest task Playwright's decoding of them, not ours.
    const folder = (dir = mkdtempSync(path.join(tmpdir(), 'bl-bench-')));
    const files = syntheticFiles(opts.importCount, 100 + opts.seed).map((f) => {
      const file = path.join(folder, f.name);
      writeFileSync(file, f.bytes);
      return file;
    });
    let since = await watchCount(page, `${SAMPLE_DOCS + opts.importCount} 份文档`);
    await page.getByTestId('file-input').setInputFiles(files);
    await page.getByTestId('doc-count').filter({ hasText: `${SAMPLE_DOCS + opts.importCount} 份文档` }).waitFor(LONG_WAIT);
    // On the page's clock, from the pick to the count drawn: Playwright's waitFor polls, at up to
    // 500 ms apart once a wait is long, which had added 150–450 ms to a one-second import.
    const ms = (await page.evaluate('window.__countDrawnAt')) as number - since;
    const tasks = await longTasksSince(page, since);
    const result = { ms, longestTask: Math.max(0, ...tasks.map((e) => e.duration)), longTasks: tasks.length };
    if (!opts.libraryCount) return { import: result, switching: null };

    const csv = await csvOf(opts.libraryCount);
    let t = performance.now();
    const csvFile = path.join(folder, 'synthetic-library.csv');
    writeFileSync(csvFile, csv);
    await page.getByTestId('file-input').setInputFiles(csvFile);
    await page.getByTestId('doc-count').filter({ hasText: `${SAMPLE_DOCS + opts.importCount + opts.libraryCount} 份文档` }).waitFor(LONG_WAIT);
    const loadMs = performance.now() - t;

    const views: Record<string, number[]> = {};
    const nextFrame: Record<string, number[]> = {};
    const longest: Record<string, number> = {};
    for (let round = 0; round < 3; round++) {
      for (const [view, name, selector] of VIEWS) {
        since = await page.evaluate(() => performance.now());
        const shown = await switchTo(page, name, selector);
        (views[view] ??= []).push(shown.painted);
        (nextFrame[view] ??= []).push(shown.nextFrame);
        const lt = await longTasksSince(page, since);
        longest[view] = Math.max(longest[view] ?? 0, 0, ...lt.map((e) => e.duration));
      }
    }
    return { import: result, switching: { loadMs, views, nextFrame, longestTask: longest } };
  } finally {
    await profile.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
