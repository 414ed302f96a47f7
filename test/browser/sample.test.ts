import { describe, expect, it } from 'vitest';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';

const app = useApp();

describe('the sample on the first screen', () => {
  it('says the data is a sample, names its documents by unit and year, and clears it in one click for good', async () => {
    const { page, errors } = await app.open();
    const banner = page.getByTestId('sample-banner');
    // Documents counted as documents: the heading, the list, the status bar and the catalog agree.
    await expect(banner.getByRole('heading').innerText()).resolves.toBe(`示例数据：河北省 ${SAMPLE_DOCS} 份公开文档（5 个文件）`);
    const items = await banner.locator('li').allInnerTexts();
    expect(items).toHaveLength(SAMPLE_DOCS);
    expect(items).toContain('信访局（市委群工部） · 2024年部门预算');
    expect(items).toContain('保定白沟新城党群工作部（本级） · 2023年单位预算');
    // Named by unit and year, never by the seeds' file names.
    expect((await banner.innerText()).match(/\d{3}_[0-9a-f]{16}\.txt/)).toBeNull();
    expect(await page.getByTestId('library-table').innerText()).not.toMatch(/_[0-9a-f]{16}\.txt/);

    await banner.getByRole('button', { name: '清除示例，从空资料库开始' }).click();
    await waitForLibrary(page, 0);
    await page.getByTestId('library-empty').waitFor();
    expect(await banner.count()).toBe(0);
    // Cleared for good: the empty library is what is saved, and a reload doesn't bring the sample back.
    await page.getByTestId('save-state').filter({ hasText: '已保存到本机' }).waitFor();
    await page.reload();
    await waitForLibrary(page, 0);
    await page.getByTestId('library-empty').waitFor();
    expect(await page.getByTestId('sample-banner').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
