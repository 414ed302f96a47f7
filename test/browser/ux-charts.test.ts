import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { useApp } from './support/app';

/**
 * Issue #16, item 9: the line chart's axis started at 15,000, equal series hid each other, and the
 * PNG had no title, units, years or source. Read off the drawn pixels and the saved image.
 */
const app = useApp();

/** Pixels of the plot area (not the legend) close to a colour (#rrggbb). */
async function pixelsOf(page: Page, testid: string, hex: string): Promise<number> {
  return page.getByTestId(testid).locator('canvas').evaluate((c: HTMLCanvasElement, h) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const [left, top, right, bottom] = c.dataset.area!.split(',').map(Number);
    const k = c.width / c.getBoundingClientRect().width;
    const d = c.getContext('2d')!.getImageData(left * k, top * k, (right - left) * k, (bottom - top) * k).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) n++;
    return n;
  }, hex);
}

/** Size of a PNG and the dark pixels in its top and bottom bands (where the title and the source are written). */
async function pngBands(page: Page, png: Buffer): Promise<{ width: number; height: number; top: number; bottom: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const dark = (y0: number, y1: number) => {
      const d = g.getImageData(0, y0, c.width, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) n++;
      return n;
    };
    return { width: c.width, height: c.height, top: dark(0, Math.round(c.height * 0.1)), bottom: dark(Math.round(c.height * 0.94), c.height) };
  }, png.toString('base64'));
}

describe('charts a reader can trust and reuse', () => {
  it('the line starts at zero, equal series both show, the PNG carries title, units, years and source at 2×', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    const chart = page.getByTestId('yoy-total-chart');
    await chart.locator('canvas[data-ready="true"]').waitFor();
    const ticks = (await chart.locator('canvas').getAttribute('data-y-ticks'))!.split('|').map(Number);
    expect(ticks[0]).toBe(0);
    // 收入总计 and 支出总计 are equal in this document: the caption says so and both colours are drawn.
    await expect(page.getByTestId('yoy-total-chart-twin').innerText()).resolves.toContain('支出总计与收入总计相同');
    expect(await pixelsOf(page, 'yoy-total-chart', '#9b1c1c')).toBeGreaterThan(100);
    expect(await pixelsOf(page, 'yoy-total-chart', '#1f6feb')).toBeGreaterThan(100);
    await expect(chart.locator('figcaption').innerText()).resolves.toMatch(/万元.*2022–2024年|万元.*\d{4}–\d{4}年/);

    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yoy-total-chart-png').click()]);
    expect(d.suggestedFilename()).toMatch(/收支总计.*\.png$/);
    const png = readFileSync((await d.path())!);
    const bands = await pngBands(page, png);
    expect(bands.width).toBeGreaterThanOrEqual(1600);
    expect(bands.width / bands.height).toBeGreaterThan(1.5);
    // Text in the title band and in the source band; the chart on screen has neither there.
    expect(bands.top).toBeGreaterThan(500);
    expect(bands.bottom).toBeGreaterThan(200);
    expect(errors).toEqual([]);
  });

  it('a chart follows its box when the window narrows or widens (one ResizeObserver, not chart.js\'s own)', async () => {
    const { page, errors } = await app.open();
    await page.goto(`${app.host.url}#view=yoy&unit=code%3A543`);
    const chart = page.getByTestId('yoy-total-chart');
    await chart.locator('canvas[data-ready="true"]').waitFor();
    const widths = () => chart.evaluate((f) => {
      const box = f.querySelector('.box')!.getBoundingClientRect();
      const c = f.querySelector('canvas')!;
      return { box: Math.round(box.width), canvas: Math.round(c.getBoundingClientRect().width), pixels: c.width, height: Math.round(c.getBoundingClientRect().height), boxHeight: Math.round(box.height) };
    });
    const wide = await widths();
    expect(Math.abs(wide.canvas - wide.box)).toBeLessThanOrEqual(1);
    expect(wide.height).toBe(wide.boxHeight);
    await page.setViewportSize({ width: 520, height: 800 });
    await expect.poll(async () => (await widths()).canvas).toBeLessThan(wide.canvas - 100);
    const narrow = await widths();
    expect(Math.abs(narrow.canvas - narrow.box)).toBeLessThanOrEqual(1);
    // Redrawn at the new size, not stretched: the bitmap is as wide as the canvas times the pixel ratio.
    expect(narrow.pixels).toBe(Math.round(narrow.canvas * (await page.evaluate(() => devicePixelRatio))));
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await widths()).canvas).toBe(wide.canvas);
    expect(errors).toEqual([]);
  });
});
