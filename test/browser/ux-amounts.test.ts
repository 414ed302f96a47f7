import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { displayWan, parseDecimal } from '../../src/lib/model/amount';
import { useApp } from './support/app';

/**
 * Issue #16, item 7: amounts are 万元 with two decimals and thousands separators everywhere; the
 * exact value is in the tooltip (and in the exports, see ux-export). Every amount of the document
 * view, 同比 and 横比 is read with its tooltip.
 */
const app = useApp();
const SHOWN = /^-?\d{1,3}(?:,\d{3})*\.\d{2}$/;

/** [shown text, tooltip] of every element matched; the tooltip must hold the exact amount, which rounds to the text. */
async function check(amounts: Locator, min: number): Promise<void> {
  // A long table is drawn in steps (state/steps.svelte.ts): the callers wait for data-rows="all";
  // the count is polled too, for a table drawn whole (the limit is for a hang only).
  await expect.poll(() => amounts.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(min);
  const pairs = await amounts.evaluateAll((els) => els.map((e) => [e.textContent!.trim(), e.getAttribute('title') ?? '']));
  expect(pairs.length).toBeGreaterThanOrEqual(min);
  for (const [text, title] of pairs) {
    expect(text, text).toMatch(SHOWN);
    const exact = /^精确值 (-?\d+\.\d+) 万元$/.exec(title);
    expect(exact, `${text} ${title}`).not.toBeNull();
    expect(displayWan(parseDecimal(exact![1])!)).toBe(text);
  }
}

describe('amounts are shown as 万元 to 0.01 with separators, exact in the tooltip', () => {
  it('in a document, in 同比 and in 横比', async () => {
    const { page, errors } = await app.open();
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    await page.getByTestId('figures').locator('tbody tr').first().waitFor();
    await check(page.getByTestId('figures').locator('tbody td[data-exact]'), 200);
    expect(await page.getByTestId('figures').locator('tbody td[data-exact]').evaluateAll((tds) => tds.some((t) => t.textContent!.includes(',')))).toBe(true);

    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    await page.getByTestId('yoy-table').waitFor();
    await expect.poll(() => page.getByTestId('yoy-table').getAttribute('data-rows'), { timeout: 60_000 }).toBe('all');
    await check(page.getByTestId('yoy-table').locator('button.amount'), 15);

    await page.goto(`${app.host.url}#view=peers&year=2023&scope=all`);
    await page.getByTestId('peers-table').waitFor();
    await expect.poll(() => page.getByTestId('peers-table').getAttribute('data-rows'), { timeout: 60_000 }).toBe('all');
    await check(page.getByTestId('peers-table').locator('button.amount'), 60);
    expect(errors).toEqual([]);
  });
});
