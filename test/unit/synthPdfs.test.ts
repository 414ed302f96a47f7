import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../scripts/cli';
import { main } from '../../scripts/synth-pdfs';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';
import { LAYOUT_VARIANTS } from '../../src/lib/synth/layout/list';
import { renderVariant } from '../../src/lib/synth/layout/variants';

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scripts/synth-pdfs.ts', () => {
  it('says what is wrong with its arguments before printing anything', async () => {
    for (const [argv, message] of [[[], '用法'], [['out', '--only', 'no-such-layout'], 'no-such-layout'], [['a', 'b'], '多余的参数「b」']] as const) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toContain(message);
      expect(io.out).toBe('');
    }
    const help = capture();
    expect(await main(['--help'], help)).toBe(0);
    for (const v of LAYOUT_VARIANTS) expect(help.out).toContain(v.id);
  });

  it('writes a variant as PDF with its expected FORMAT CSV, and --check reads it back', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'synth-pdfs-'));
    const io = capture();
    expect(await main([dir, '--only', 'national-flat-headers', '--check'], io)).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['synth-national-flat-headers.expected.csv', 'synth-national-flat-headers.pdf']);
    const pdf = await readFile(path.join(dir, 'synth-national-flat-headers.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = parseFormatCsv(await readFile(path.join(dir, 'synth-national-flat-headers.expected.csv'), 'utf8'));
    const expected = renderVariant(LAYOUT_VARIANTS.find((v) => v.id === 'national-flat-headers')!);
    expect(csv.errors).toEqual([]);
    expect(csv.docs).toHaveLength(1);
    expect(csv.docs[0].meta).toEqual(expected.meta);
    expect(csv.docs[0].figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).toEqual(expected.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`));
    // The control variant prints as the seeds' PDFs do, which the importer reads completely.
    expect(io.out).toMatch(/^national-flat-headers\tright (\d+) of \1 · missing 0 · wrong 0 · extra 0\t读出 1 个文档\n$/);
  }, 120_000);
});
