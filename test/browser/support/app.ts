import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { Profile, waitForLibrary, watchErrors } from './browser';
import { requireDist } from './build';
import { StaticHost } from './server';

/** The sample library: the five seed files give six documents (seed 004 holds a department and its unit). */
export const SAMPLE_DOCS = 6;

/**
 * The shared setup of the browser tests: one static host serving dist/ per test file, and a fresh
 * browser profile per test (disposed after it), so no test sees another's library.
 */
export function useApp() {
  let host: StaticHost;
  let profile: Profile | null = null;
  beforeAll(async () => {
    host = new StaticHost(requireDist());
    await host.start();
  });
  afterAll(() => host.stop());
  afterEach(async () => {
    await profile?.dispose();
    profile = null;
  });
  return {
    get host(): StaticHost {
      return host;
    },
    get profile(): Profile {
      if (!profile) throw new Error('open() the app first');
      return profile;
    },
    /** Opens the app at `url` in a fresh profile and waits for its library (`docs` documents). */
    async open(url?: string, docs = SAMPLE_DOCS): Promise<{ page: Page; errors: string[] }> {
      await profile?.dispose();
      profile = new Profile();
      const context = await profile.open();
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await page.goto(url ?? host.url);
      await waitForLibrary(page, docs);
      return { page, errors };
    },
  };
}
