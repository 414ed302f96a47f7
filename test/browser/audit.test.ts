import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { seedsDir } from '../support/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { documents, renderDocument } from '../../src/lib/synth';
import { importFile } from '../../src/lib/ingest/file';
import { documentsToRows, rowsToCsv } from '../../src/lib/model/formatCsv';
import type { StoredDocument } from '../../src/lib/model/document';
import { AUDIT_PAGE as P } from '../../src/ui/audit/page';
import { rowsToFill, stepRows } from '../../src/ui/state/steps.svelte';

const seeds = seedsDir;
const NANDAGANG = '沧州渤海新区南大港产业园区政法工作办公室';
const app = useApp();
const open = (url?: string) => app.open(url);

const matrixRow = (page: Page, label: string) => page.getByTestId('audit-matrix').locator('tbody tr', { has: page.getByRole('button', { name: label }) });

describe('audit (勾稽) in the app', () => {
  it('summarises the library, shows a document’s findings with their source line, filters by severity and exports CSV', async () => {
    const { page, errors } = await open();
    // The library list links each document to its audit, with its error count (seed 001: 5 blank 合计 + the assets total).
    const badge = page.getByTestId('library-table').locator('tr', { hasText: NANDAGANG }).getByTestId('audit-badge');
    await expect(badge.innerText()).resolves.toBe('6 错');

    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    // The view loads on first use (its own chunk): wait for it before counting its rows.
    await page.getByTestId('audit-matrix').locator('tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(SAMPLE_DOCS);
    const row = matrixRow(page, `${NANDAGANG} 2023年部门预算`);
    await expect(row.getByTestId('error-total').innerText()).resolves.toBe('6');
    await expect(row.locator('td[data-check="row_total"]').innerText()).resolves.toBe('5 错');
    await expect(row.locator('td[data-check="cross_document"]').innerText()).resolves.toBe('未执行');

    await row.getByRole('button').click();
    const panelErrors = page.getByTestId('findings-error');
    await expect(panelErrors.innerText()).resolves.toMatch(/201 行「一般公共服务支出」：合计空白.*175\.11/);
    // Each finding opens with one plain sentence, and shows its figures with two decimals (exact value in the tooltip).
    await expect(panelErrors.getByTestId('finding-plain').first().innerText()).resolves.toContain('矛盾');
    await expect(panelErrors.locator('li', { hasText: '2010301' }).locator('.figures b').first().getAttribute('title')).resolves.toMatch(/万元$/);
    await panelErrors.locator('li', { hasText: '2010301' }).getByRole('button', { name: /查看第 \d+ 行原文/ }).click();
    await expect(page.getByTestId('source-lines').locator('.hit').innerText()).resolves.toContain('75.11');
    // The source opens in a panel over the right of the view; close it to go on reading the findings.
    await page.getByRole('button', { name: '关闭来源' }).click();
    await page.getByTestId('source-panel').waitFor({ state: 'detached' });
    await page.getByTestId('findings-rounding').locator('summary').click();
    await expect(page.getByTestId('findings-rounding').innerText()).resolves.toContain('14.97');

    // Without errors shown, neither the panel nor the export has any.
    await page.getByTestId('severity-filter').getByLabel('错误').uncheck();
    await page.getByTestId('findings-error').waitFor({ state: 'detached' });
    await expect.poll(() => page.url()).toContain('sev=');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-audit').click()]);
    const csv = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.doc_id)).size).toBe(1);
    expect(rows.some((r) => r.severity === 'error')).toBe(false);
    expect(rows.some((r) => r.severity === 'rounding' && r.row_code === '30103')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('audits a document on import, and again when its related document arrives (department, then its unit)', async () => {
    const { page, errors } = await open();
    for (const name of ['保定白沟新城党群工作部 2023', '保定白沟新城党群工作部（本级） 2023']) {
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: `删除 ${name}`, exact: true }).click();
    }
    await waitForLibrary(page, SAMPLE_DOCS - 2);
    // Seed 004 holds the department and its unit; given as two files they arrive one after the other.
    const lines = readFileSync(path.join(seeds, '004_4e927ba8514049a8.txt'), 'utf8').split('\n');
    const part = (name: string, from: number, to?: number) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(lines.slice(from, to).join('\n')) });
    await page.getByTestId('file-input').setInputFiles(part('部门.txt', 0, 6336));
    await waitForLibrary(page, SAMPLE_DOCS - 1);

    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    const dept = matrixRow(page, '保定白沟新城党群工作部 2023年部门预算');
    await expect(dept.locator('td[data-check="cross_document"]').innerText()).resolves.toBe('未执行');
    await expect(dept.locator('td[data-check="income_row"]').innerText()).resolves.toBe('4 错');

    await page.getByRole('link', { name: '资料库' }).click();
    await page.getByTestId('file-input').setInputFiles(part('单位.txt', 6336));
    await waitForLibrary(page, SAMPLE_DOCS);
    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    await dept.locator('td[data-check="cross_document"]', { hasText: '1 错' }).waitFor();
    await dept.getByRole('button').click();
    await expect(page.getByTestId('findings-error').innerText()).resolves.toMatch(/-74\.65.*1693\.18/);
    // 提示: the narrative's doubled 「。。」, quoted as printed.
    await expect(page.getByTestId('findings-warning').getByTestId('finding-quote').first().innerText()).resolves.toContain('。。');
    expect(errors).toEqual([]);
  });

  it('shows a large library’s audit a page of documents at a time, and a linked document’s page with its findings', async () => {
    const { page, errors } = await open();
    // A page and a few more synthetic disclosures (src/lib/synth) as one dataset: two pages with the sample.
    const extra = P + 4;
    const docs: StoredDocument[] = [];
    for (const d of documents(extra, 5)) {
      const r = renderDocument(d);
      const read = await importFile(new TextEncoder().encode(r.text), r.fileName);
      if (!read.ok) throw new Error(read.error);
      docs.push(...read.docs);
    }
    expect(docs.length).toBe(extra);
    const folder = mkdtempSync(path.join(tmpdir(), 'bl-audit-'));
    try {
      const file = path.join(folder, '合成数据.csv');
      writeFileSync(file, rowsToCsv(documentsToRows(docs)));
      // Each matrix drawn (hidden ahead of the click, or on it): its rows in the task that first has any.
      await page.evaluate(`(() => {
        const seen = new WeakSet();
        window.__firstMatrixRows = null;
        new MutationObserver(() => {
          for (const t of document.querySelectorAll('[data-testid="audit-matrix"]')) {
            const n = t.querySelectorAll('tbody tr').length;
            if (n && !seen.has(t)) { seen.add(t); window.__firstMatrixRows = [n, t.querySelector('thead').getBoundingClientRect().bottom, t.checkVisibility()]; }
          }
        }).observe(document.body, { subtree: true, childList: true });
      })()`);
      await page.getByTestId('file-input').setInputFiles(file);
      await waitForLibrary(page, SAMPLE_DOCS + extra);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const total = SAMPLE_DOCS + extra;
    await page.getByRole('link', { name: '审核（勾稽）' }).click();
    await page.getByTestId('audit-range').filter({ hasText: `第 1–${P} 份文档，共 ${total} 份` }).waitFor();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(P);
    expect(await page.getByTestId('audit-matrix').getAttribute('data-rows')).toBe('all');
    // Drawn in steps: the rows the window shows first, every row of the page in the end.
    // (From where the head ends on screen; a matrix drawn hidden, ahead of the click, takes a step's rows.)
    const [firstRows, headBottom, visible] = (await page.evaluate('window.__firstMatrixRows')) as [number, number, boolean];
    const height = Number(await page.evaluate('innerHeight'));
    expect(firstRows).toBe(visible ? rowsToFill(headBottom, height) : stepRows(height));
    expect(firstRows).toBeLessThan(P);
    await page.getByTestId('audit-pager').getByRole('button', { name: `后 ${P} 份 ›` }).click();
    await page.getByTestId('audit-range').filter({ hasText: `第 ${P + 1}–${total} 份文档，共 ${total} 份` }).waitFor();
    await expect.poll(() => page.getByTestId('audit-matrix').locator('tbody tr').count()).toBe(total - P);
    const rowIds = await page.getByTestId('audit-matrix').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-doc-id')));

    // A link to a document on the second page opens that page and its findings, from anywhere.
    await page.getByTestId('audit-pager').getByRole('button', { name: `‹ 前 ${P} 份` }).click();
    await page.getByTestId('audit-range').filter({ hasText: `第 1–${P} 份` }).waitFor();
    const target = rowIds.at(-1)!;
    await page.getByRole('link', { name: '资料库' }).click();
    await page.evaluate((id) => (location.hash = `#view=audit&doc=${encodeURIComponent(id)}`), target);
    await page.getByTestId('audit-range').filter({ hasText: `第 ${P + 1}–${total} 份` }).waitFor();
    await expect(page.locator(`[data-testid="audit-matrix"] tr[data-doc-id="${target}"]`).getAttribute('class')).resolves.toContain('current');
    await page.getByTestId('audit-panel').waitFor();
    // It stays open while the user looks at another page.
    await page.getByTestId('audit-pager').getByRole('button', { name: `‹ 前 ${P} 份` }).click();
    await page.getByTestId('audit-range').filter({ hasText: `第 1–${P} 份` }).waitFor();
    await expect(page.getByTestId('audit-panel').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
