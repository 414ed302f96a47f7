import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { distDir, repoRoot } from './support/build';
import { corpusDir, seedsDir } from '../support/shared';

/**
 * Issue 14 #4: the built app runs under its own Content-Security-Policy (index.html) with no
 * violation anywhere: startup (sql.js's wasm, the database worker, the service worker), importing a
 * text seed and a PDF (pdf.js's worker, its cMaps and fonts), the audit, 同比 and a PDF page drawn in
 * the source panel. Violations are caught both ways: the page's securitypolicyviolation events and
 * Chromium's console lines (a worker's violation reaches only the console).
 */
const app = useApp();
const SEED = '003_3753cf426c7ec0a0.txt';
const PDF = 'putuo-qzfb-2025-department.pdf';

describe('Content-Security-Policy', () => {
  it('the built index.html carries a strict policy: no inline script, no eval, our origin only', () => {
    const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // No inline script in the built page for the policy to have to allow.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
  });

  it('starts, imports a seed and a PDF, and shows the audit, 同比 and a PDF page with no violation', async () => {
    await runsClean();
  });

  it('does the same under the headers README 「Publishing」 tells a host to add (they govern the workers too)', async () => {
    app.host.headers = readmeHeaders();
    expect(app.host.headers['Content-Security-Policy']).toMatch(/frame-ancestors 'none'/);
    try {
      await runsClean();
    } finally {
      app.host.headers = {};
    }
  });
});

/** The header lines of README's 「Publishing」 code block. */
function readmeHeaders(): Record<string, string> {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = /Content-Security-Policy: [^\n]+(?:\n[A-Z][\w-]+: [^\n]+)*/.exec(readme)?.[0] ?? '';
  return Object.fromEntries(block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

async function runsClean(): Promise<void> {
  const { page, errors } = await app.open();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  // Listen from the first script on, then start again: startup is covered too.
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.reload();
  await waitForLibrary(page, SAMPLE_DOCS);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(violations).toEqual([]);
  // The policy is in force: an inline script is refused (and reported), so the listener works.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  // (Once per policy in force: the meta tag's, and the header's when the host sends it.)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  await page.evaluate(() => ((window as unknown as { __csp: string[] }).__csp = []));
  violations.length = 0;
  errors.length = 0;

  // The sample holds the five seeds: this copy of one, with one amount printed otherwise, is a new
  // document to import (the same figures from another file are the same disclosure, not added twice).
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-csp-'));
  const copy = path.join(dir, `copy-${SEED}`);
  const text = readFileSync(path.join(seedsDir, SEED), 'utf8');
  const changed = text.replace(/\t1237\.14(?=\t|\n)/, '\t1237.15');
  expect(changed).not.toBe(text);
  writeFileSync(copy, changed);
  try {
    await page.getByTestId('file-input').setInputFiles(copy);
    await waitForLibrary(page, SAMPLE_DOCS + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.getByTestId('file-input').setInputFiles(path.join(corpusDir, 'shanghai', PDF));
  await page.getByTestId('import-progress').filter({ hasText: '1 / 1' }).waitFor({ timeout: 90_000 });
  await waitForLibrary(page, SAMPLE_DOCS + 2);

  await page.getByRole('link', { name: '审核（勾稽）' }).click();
  await page.getByTestId('audit-matrix').locator('tbody tr').first().waitFor();
  await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
  await page.getByTestId('yoy-table').waitFor();

  await page.getByRole('link', { name: '资料库' }).click();
  await page.getByRole('button', { name: '上海市普陀区人民政府办公室', exact: true }).click();
  await page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').getByRole('button', { name: /^查看 PDF 第 \d+ 页/ }).click();
  await page.locator('[data-testid="pdf-page"][data-status="shown"]').waitFor({ timeout: 60_000 });

  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
}
