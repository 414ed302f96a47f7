import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { waitForLibrary } from './support/browser';
import { SAMPLE_DOCS, useApp } from './support/app';
import { requireDist } from './support/build';
import { openDownloads } from './support/ux';
import { seedsDir } from '../support/shared';
import { docxOf, xlsxOf } from '../unit/ingest/office/fixtures';
import { importFile } from '../../src/lib/ingest/file';
import { readWorkbook } from '../../src/lib/ingest/office/xlsx';

const app = useApp();
const seed = readFileSync(path.join(seedsDir, '000_90f61d72552513ea.txt'), 'utf8');

/**
 * The office reader's chunks in the build, found by a message only they hold: one for each worker
 * that may read a file (the parse pool's, and the database worker's for when no pool worker runs).
 */
function officeChunks(): string[] {
  const assets = path.join(requireDist(), 'assets');
  const names = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(path.join(assets, f), 'utf8').includes('文件有密码保护'));
  if (!names.length) throw new Error('no office chunk in the build');
  return names;
}

const xlsx = (name: string, buffer: Uint8Array) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(buffer) });

describe('office files in the app', () => {
  it('loads the office reader only when an .xlsx arrives (precached for offline), imports its figures, and refuses hostile files keeping the library', { timeout: 120_000 }, async () => {
    const chunks = officeChunks();
    const sw = readFileSync(path.join(requireDist(), 'sw.js'), 'utf8');
    for (const chunk of chunks) expect(sw).toContain(chunk);
    const office = (u: string) => chunks.some((c) => u.includes(c));
    const { page } = await app.open();
    const requested: string[] = [];
    // Not the service worker's precache: it fetches every chunk once it installs, which under load
    // can be after the first visit is on screen (CI on a busy machine saw the reader's chunks in it).
    page.context().on('request', (r) => {
      if (!r.serviceWorker()) requested.push(r.url());
    });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 开发区群众工作局/ }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    expect(requested.filter(office)).toEqual([]);

    await page.getByTestId('file-input').setInputFiles(xlsx('2023年部门预算.xlsx', xlsxOf(seed)));
    await waitForLibrary(page, SAMPLE_DOCS);
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(/已导入.*开发区群众工作局 2023年/);
    const row = page.getByTestId('library-table').locator('tr', { hasText: '开发区群众工作局' });
    expect(Number(await row.getByTestId('figure-count').innerText())).toBeGreaterThanOrEqual(84);
    await page.getByRole('button', { name: '开发区群众工作局', exact: true }).click();
    await page.getByTestId('figures').locator('tr[data-table="summary"][data-row="income.general"]').first().waitFor();
    // The same disclosure as a Word file: the same document, said so, not added twice.
    await page.getByTestId('file-input').setInputFiles({ name: '2023年部门预算.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docxOf(seed)) });
    await page.getByTestId('import-results').filter({ hasText: '2023年部门预算.docx' }).waitFor();
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(/「2023年部门预算\.docx」与资料库中「2023年部门预算\.xlsx」读出的开发区群众工作局 2023年的 \d+ 个数字完全相同/);
    await waitForLibrary(page, SAMPLE_DOCS);
    // A corrected version (one amount printed otherwise) is kept beside it, and said so.
    const corrected = seed.replace(/\t1441\.70(?=\t|\n)/, '\t1441.71');
    expect(corrected).not.toBe(seed);
    await page.getByTestId('file-input').setInputFiles({ name: '更正版.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docxOf(corrected)) });
    await waitForLibrary(page, SAMPLE_DOCS + 1);
    await expect(page.getByTestId('differs').innerText()).resolves.toMatch(/资料库中另有「2023年部门预算\.xlsx」的开发区群众工作局 2023年，两者有 1 个数字不同/);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 开发区群众工作局/ }).last().click();
    await waitForLibrary(page, SAMPLE_DOCS);

    // A zip bomb (its header says 4 kB, it inflates to 40 MB) and a password-protected workbook.
    const files: Record<string, Uint8Array> = unzipSync(xlsxOf(seed));
    files['xl/worksheets/sheet2.xml'] = strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(40 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`);
    const bomb = zipSync(files);
    const view = new DataView(bomb.buffer);
    for (let i = 0; i + 4 < bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && new TextDecoder().decode(bomb.subarray(i + 30, i + 30 + 24)) === 'xl/worksheets/sheet2.xml') view.setUint32(i + 22, 4096, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(bomb.subarray(i + 46, i + 46 + 24)) === 'xl/worksheets/sheet2.xml') view.setUint32(i + 24, 4096, true);
    }
    const locked = new Uint8Array(1024);
    locked.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptionInfo'].forEach((ch, k) => (locked[640 + 2 * k] = ch.charCodeAt(0)));
    locked[640 + 64] = 30;
    locked[640 + 66] = 2;
    await page.getByTestId('file-input').setInputFiles([xlsx('炸弹.xlsx', bomb), xlsx('加密.xlsx', locked)]);
    await page.getByTestId('import-progress').filter({ hasText: '2 / 2' }).waitFor();
    const results = await page.getByTestId('import-results').innerText();
    expect(results).toMatch(/「炸弹\.xlsx」.*压缩炸弹/);
    expect(results).toMatch(/「加密\.xlsx」文件有密码保护/);
    await waitForLibrary(page, SAMPLE_DOCS);
    // Fetched once, by the worker that read the files (the parse pool's): the reader, and the ZIP
    // reader it shares with the bundle and OFD readers, each once.
    const fetched = requested.filter(office);
    expect(fetched.filter((u) => /\/read-[^/]+\.js$/.test(u))).toHaveLength(1);
    expect(new Set(fetched).size).toBe(fetched.length);
  });

  it('imports a legacy .doc as a file picker gives it (a file LibreOffice wrote)', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 沧州渤海新区南大港产业园区政法工作办公室/ }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await page.getByTestId('file-input').setInputFiles(path.resolve('test/unit/ingest/office/doc/001_0e01da1d0149c9a7.doc'));
    await waitForLibrary(page, SAMPLE_DOCS);
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(/已导入.*南大港产业园区政法工作办公室 2023年/);
    const row = page.getByTestId('library-table').locator('tr', { hasText: '南大港产业园区政法工作办公室' });
    expect(Number(await row.getByTestId('figure-count').innerText())).toBeGreaterThanOrEqual(46);
  });

  it('imports a legacy .xls as a file picker gives it (a file LibreOffice wrote)', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^删除 开发区群众工作局/ }).click();
    await waitForLibrary(page, SAMPLE_DOCS - 1);
    await page.getByTestId('file-input').setInputFiles(path.resolve('test/unit/ingest/office/xls/000_90f61d72552513ea.xls'));
    await waitForLibrary(page, SAMPLE_DOCS);
    await expect(page.getByTestId('import-results').innerText()).resolves.toMatch(/已导入.*开发区群众工作局 2023年/);
    const row = page.getByTestId('library-table').locator('tr', { hasText: '开发区群众工作局' });
    expect(Number(await row.getByTestId('figure-count').innerText())).toBeGreaterThanOrEqual(84);
  });

  it('exports a view and the library as .xlsx; the library workbook reads back to the same figures', { timeout: 120_000 }, async () => {
    const { page } = await app.open();
    await page.goto(`${app.host.url}#view=peers&year=2023`);
    await page.getByTestId('peers-table').waitFor();
    await openDownloads(page);
    const [viewDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('view-xlsx').click()]);
    expect(viewDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const viewBytes = new Uint8Array(readFileSync((await viewDownload.path())!));
    const parts = unzipSync(viewBytes);
    const read = (p: string) => (parts[p] ? new TextDecoder().decode(parts[p]) : null);
    const book = readWorkbook(read, 'xl/workbook.xml');
    expect(book.sheets.map((s) => s.name)).toEqual(['表格', '来源']);
    expect(book.sheets[0].cells.get(0)?.get(0)).toMatch(/^横比/);
    expect(book.sheets[0].cells.get(1)?.get(0)).toBe('单位：万元');
    expect(book.sheets[0].cells.get(2)?.get(0)).toBe('项目');
    expect(read('xl/worksheets/sheet1.xml')).toContain('state="frozen"');
    expect(Object.keys(parts).filter((p) => p.endsWith('.xml') && read(p)!.includes('<f>'))).toEqual([]);

    await page.getByRole('link', { name: '数据导入导出' }).click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载资料库：交换格式 CSV（供程序读取）' }).click()]);
    const [libDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-xlsx').click()]);
    const fromCsv = await importFile(new Uint8Array(readFileSync((await csvDownload.path())!)), 'lib.csv');
    const fromXlsx = await importFile(new Uint8Array(readFileSync((await libDownload.path())!)), 'lib.xlsx');
    if (!fromCsv.ok || !fromXlsx.ok) throw new Error('export not readable');
    const keys = (docs: typeof fromCsv.docs) => docs.flatMap((d) => d.figures.map((f) => `${d.docId}|${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).sort();
    expect(fromXlsx.docs).toHaveLength(SAMPLE_DOCS);
    expect(keys(fromXlsx.docs)).toEqual(keys(fromCsv.docs));
  });
});
