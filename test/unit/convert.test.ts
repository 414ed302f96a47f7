import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../scripts/convert';
import { parseDecimal } from '../../src/lib/model/amount';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';
import { contentId } from '../../src/lib/model/hash';
import { gold, SHARED, seedBytes, seedFiles } from './ingest/seeds';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'convert-test-'));
const seedPaths = seedFiles.map((f) => `${SHARED}seeds/${f}`);

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('scripts/convert.ts', () => {
  const run = (async () => {
    const io = capture();
    const code = await main(seedPaths, io);
    return { code, ...io };
  })();

  it('writes every gold figure of every seed into the FORMAT CSV', async () => {
    const { code, out } = await run;
    expect(code).toBe(0);
    const parsed = parseFormatCsv(out);
    expect(parsed.errors).toEqual([]);
    const missing: string[] = [];
    for (const g of gold.documents) {
      const doc = parsed.docs.find((d) => d.meta.unitCode === g.unit_code && d.meta.unitName === g.unit_name);
      if (!doc) {
        missing.push(`document ${g.unit_code} ${g.unit_name}`);
        continue;
      }
      expect(doc.meta).toMatchObject({ scope: g.scope, stage: g.stage, year: g.year });
      for (const [table, row, column, amount] of g.figures) {
        const f = doc.figures.find((x) => x.table === table && x.rowCode === row && x.column === column);
        if (f?.amount !== parseDecimal(amount)) missing.push(`${g.unit_code} ${table} ${row} ${column} ${amount}`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('names documents by content id, later documents of a file with -2, -3 …', async () => {
    const { out } = await run;
    const ids = [...new Set(parseFormatCsv(out).docs.map((d) => d.docId))];
    const id004 = await contentId(seedBytes('004_4e927ba8514049a8.txt'));
    expect(ids).toContain(id004);
    expect(ids).toContain(`${id004}-2`);
    expect(ids).toHaveLength(6);
  });

  it('prints warnings on stderr prefixed with the file name', async () => {
    const { err } = await run;
    expect(err).toContain('001_0e01da1d0149c9a7.txt: 第 1839 行：');
    expect(err).toMatch(/^004_4e927ba8514049a8\.txt: .*重复出现/m);
  });

  it('reads a ZIP of disclosures as its files: the same figures as the files given one by one', { timeout: 120_000 }, async () => {
    const { out } = await run;
    const io = capture();
    expect(await main([join(REPO, 'test/unit/ingest/bundle/bundle.zip')], io)).toBe(0);
    // Seed 003 is in the ZIP as an .xls: another file, so another id; its figures are the text's.
    const figures = (csv: string) => parseFormatCsv(csv).docs.flatMap((d) => d.figures.map((f) => `${d.meta.unitName}|${d.meta.scope}|${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).sort();
    const zipped = new Set(figures(io.out));
    expect(figures(out).filter((f) => !zipped.has(f))).toEqual([]);
    expect(io.err).toMatch(/^「bundle\.zip」1 个图片、音视频或程序文件不是公开文件，未读取：「封面\.png」$/m);
    expect(io.err).toMatch(/^bundle\.zip\/其他\/更多\.zip\/004_4e927ba8514049a8\.txt: .*重复出现/m);
  });

  it('a narrative PDF and its tables PDF in one ZIP are one document, as given side by side', { timeout: 120_000 }, async () => {
    const names = ['jiangsu-swbgt-2017-dept-budget-text.pdf', 'jiangsu-swbgt-2017-dept-budget-tables.pdf'];
    const zip = join(dir, '省委办公厅2017.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(names.map((n) => [`预算公开/${n}`, new Uint8Array(readFileSync(`${SHARED}corpus/jiangsu/${n}`))]))));
    const zipped = capture();
    const apart = capture();
    expect(await main([zip], zipped)).toBe(0);
    expect(await main(names.map((n) => `${SHARED}corpus/jiangsu/${n}`), apart)).toBe(0);
    const docs = parseFormatCsv(zipped.out).docs;
    expect(docs).toHaveLength(1);
    expect(docs[0].figures.some((f) => f.table === 'facts')).toBe(true);
    expect(zipped.out).toBe(apart.out);
  });

  it('convert(convert(x)) == convert(x), through --out', async () => {
    const { out } = await run;
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    writeFileSync(first, out);
    const io = capture();
    expect(await main([first, '--out', second], io)).toBe(0);
    expect(io.out).toBe('');
    expect(readFileSync(second, 'utf8')).toBe(out);
  });

  it('reports the row errors of a CSV input on stderr', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\nx,1,甲,department,budget,2023,summary,income.general,,amount,abc\n');
    const io = capture();
    expect(await main([bad], io)).toBe(1);
    // Through the one way in (ingest/file.ts): a CSV with no importable row is refused, naming the row.
    expect(io.err).toMatch(/^bad\.csv: 「bad\.csv」是预算数字 CSV，但没有可导入的行（第 2 行：/m);
  });

  it('exits non-zero for a file that is not a disclosure, and still writes the others', async () => {
    const novel = join(dir, '小说.txt');
    writeFileSync(novel, '从前有座山，山里有座庙，庙里有个老和尚。\n'.repeat(20));
    const io = capture();
    expect(await main([novel, seedPaths[0]], io)).toBe(1);
    expect(io.err).toContain('小说.txt: 「小说.txt」不像是部门预算或决算公开文件');
    expect(parseFormatCsv(io.out).docs).toHaveLength(1);
  });

  it('runs as a command: npx tsx scripts/convert.ts, non-zero exit on a bad file', async () => {
    const novel = join(dir, 'novel.txt');
    writeFileSync(novel, 'not a budget at all\n');
    const exec = promisify(execFile);
    const ok = await exec('npx', ['tsx', 'scripts/convert.ts', seedPaths[3]], { cwd: REPO });
    expect(ok.stdout).toMatch(/^doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\r\n/);
    expect(ok.stdout).toContain(',543,信访局（市委群工部）,department,budget,2024,summary,income.general,');
    const failed = await exec('npx', ['tsx', 'scripts/convert.ts', novel], { cwd: REPO }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('novel.txt');
  }, 60_000);

  it('reads a scanned PDF by OCR, as the app does', async () => {
    const io = capture();
    expect(await main([join(REPO, 'test/unit/ingest/ocr/scans/czj-2025-p9-skew.pdf')], io)).toBe(0);
    const [doc] = parseFormatCsv(io.out).docs;
    expect(doc.meta.unitName).toBe('上海市普陀区财政局');
    expect(doc.figures.find((f) => f.table === 'summary' && f.rowCode === 'income.grand_total')?.amount).toBe(parseDecimal('3121.42058'));
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});
