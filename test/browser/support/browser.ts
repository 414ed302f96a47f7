import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
  '--disable-component-update', '--disable-sync',
];

let shared: Promise<Browser> | null = null;

/**
 * One Chromium per test file for the tests that need a fresh profile but no restart: a new context
 * is a new, empty profile (its own IndexedDB, service workers and caches) and costs a fraction of a
 * browser launch, which on a busy 2-core machine took seconds per test. closeSharedBrowser() in
 * afterAll.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return shared;
}

export async function closeSharedBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  await (await b)?.close();
}

/** A fresh in-memory profile in the file's shared browser (see sharedBrowser). */
export class EphemeralProfile {
  context: BrowserContext | null = null;

  /** `options` for a device: a phone's viewport and touch (`{ viewport, hasTouch: true, isMobile: true }`). */
  async open(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    this.context = await (await sharedBrowser()).newContext({ locale: 'zh-CN', acceptDownloads: true, ...options });
    return this.context;
  }

  async dispose(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }
}

/**
 * A browser profile on disk, so tests can close the browser and open the same profile again, as a
 * user restarting their browser would. Remove it with dispose().
 */
export class Profile {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'budget-lens-profile-'));
  context: BrowserContext | null = null;

  async open(): Promise<BrowserContext> {
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    return this.context;
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }

  async dispose(): Promise<void> {
    await this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Collects uncaught page errors and console errors: a test fails on any of them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Tesseract (OCR of a scanned PDF) prints through its WebAssembly core's stderr, as console
    // errors of its worker, a line for each setting of its model files that its LSTM-only build does
    // not have: a notice of the library's, not an error of the page.
    if (m.type() === 'error' && !/^Warning: Parameter not found: \w+$/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Waits until the library has opened and shows the given number of documents — on a first visit,
 * until the sample's texts have followed its documents too (data-sample-texts, worker/sampleTexts.ts).
 */
export async function waitForLibrary(page: Page, count?: number): Promise<void> {
  await page.locator('main[data-ready="true"]:not([data-sample-texts])').waitFor();
  if (count !== undefined) {
    await page.getByTestId('doc-count').filter({ hasText: `${count} 份文档` }).waitFor();
  }
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, { timeout: 90_000 });
}
