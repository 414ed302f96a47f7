import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/sql';
import type { Io } from '../../../scripts/cli';
import { parseFormatCsv } from '../../../src/lib/model/formatCsv';
import { trackedLibraries } from '../db/tracked';
import { SHARED, seedFiles } from '../ingest/seeds';
import { libraryOf, seedInputs } from './library';

const { SQL, track } = trackedLibraries();
const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}
const seedPaths = seedFiles.map((f) => `${SHARED}seeds/${f}`);

describe('npm run sql', () => {
  it('queries files converted on the fly, and an exported library file, with the same answer', async () => {
    const q = "SELECT unit_name, year, three_public FROM document_metrics WHERE scope = 'department' ORDER BY unit_name";
    const a = capture();
    expect(await main([...seedPaths, q], a)).toBe(0);
    const lib = track(await libraryOf(SQL(), seedInputs()));
    const file = join(dir, 'library.sqlite');
    writeFileSync(file, lib.export());
    const b = capture();
    expect(await main([file, q], b)).toBe(0);
    expect(b.out).toBe(a.out);
    expect(a.out.split('\n')[0]).toBe('unit_name,year,three_public');
    expect(a.out).toContain('信访局（市委群工部）,2024,5.28');
    expect(b.err).toContain('共 5 行');
  }, 120_000);

  it('refuses a write with exit status 1 and leaves the library file as it was', async () => {
    const lib = track(await libraryOf(SQL(), seedInputs()));
    const file = join(dir, 'write.sqlite');
    const bytes = lib.export();
    writeFileSync(file, bytes);
    const io = capture();
    expect(await main([file, 'DROP TABLE figure'], io)).toBe(1);
    expect(io.err).toContain('只读');
    expect(Buffer.compare(readFileSync(file), Buffer.from(bytes))).toBe(0);
    const again = capture();
    expect(await main([file, 'SELECT count(*) AS n FROM figures'], again)).toBe(0);
    expect(Number(again.out.split('\n')[1])).toBeGreaterThan(1000);
  }, 120_000);

  it('writes FORMAT CSV with --format, and says what is wrong with the arguments', async () => {
    const io = capture();
    expect(await main([seedPaths[0], 'SELECT doc_id, unit_code, unit_name, scope, stage, year, table_key, row_code, row_name, column_key, amount_text FROM figures', '--format'], io)).toBe(0);
    const parsed = parseFormatCsv(io.out);
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.length).toBeGreaterThan(0);
    const bad = capture();
    expect(await main(['SELECT 1'], bad)).toBe(2);
    expect(bad.err).toContain('用法');
    const missing = capture();
    expect(await main([join(dir, 'nope.sqlite'), 'SELECT 1'], missing)).toBe(2);
    expect(missing.err).toContain('无法打开文件');
    const schema = capture();
    expect(await main(['--schema'], schema)).toBe(0);
    expect(schema.out).toContain('document_metrics');
  }, 120_000);
});
