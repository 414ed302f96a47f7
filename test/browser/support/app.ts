import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { closeSharedBrowser, EphemeralProfile, waitForLibrary, watchErrors } from './browser';
import { requireDist } from './build';
import { StaticHost } from './server';

/** The sample library: the five seed files give six documents (seed 004 holds a department and its unit). */
export const SAMPLE_DOCS = 6;

/**
 * The shared setup of the browser tests: one static host and one Chromium per test file, and a fresh
 * profile (a new browser context) per test, disposed after it, so no test sees another's library.
 * Tests that restart the browser use Profile (on disk) instead.
 */
export function useApp() {
  let host: StaticHost;
  let profile: EphemeralProfile | null = null;
  let errors: string[] = [];
  beforeAll(async () => {
    host = new StaticHost(requireDist());
    await host.start();
  });
  afterAll(async () => {
    await closeSharedBrowser();
    await host.stop();
  });
  afterEach(async () => {
    await profile?.dispose();
    profile = null;
    // Every test's page errors are checked, also where the test itself did not look at them (issue 14:
    // 14 tests collected console errors and never asserted them). A test that provokes an expected
    // error removes that message from the list itself, by name.
    const seen = errors;
    errors = [];
    expect(seen, 'page or console errors').toEqual([]);
  });
  return {
    get host(): StaticHost {
      return host;
    },
    get profile(): EphemeralProfile {
      if (!profile) throw new Error('open() the app first');
      return profile;
    },
    /** Opens the app at `url` in a fresh profile (as `device`: viewport, touch) and waits for its library (`docs` documents). */
    async open(url?: string, docs = SAMPLE_DOCS, device: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
      await profile?.dispose();
      profile = new EphemeralProfile();
      const context = await profile.open(device);
      const page = context.pages()[0] ?? (await context.newPage());
      errors = watchErrors(page);
      await page.goto(url ?? host.url);
      await waitForLibrary(page, docs);
      return { page, errors };
    },
  };
}
