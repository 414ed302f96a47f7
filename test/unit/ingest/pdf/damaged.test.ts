import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile, type FileImport } from '../../../../src/lib/ingest/file';
import { pdfOpenerNode } from '../../../../src/lib/ingest/pdf/node';
import { damage } from '../../../support/mutate';
import { corpusBytes, corpusDir } from './corpus';

/**
 * Issue 14 finding 5: damaged PDFs. A flipped bit in a font makes pdf.js spin for minutes (this
 * mutant's page 2 took 108 s in-process); other mutants crashed the layout with a TypeError. Every
 * outcome is now either the document with warnings naming the pages, or one Chinese message naming
 * the file, within the time limits.
 */
const figures = (r: FileImport) => (r.ok ? r.docs.reduce((n, d) => n + d.figures.length, 0) : 0);
const warnings = (r: FileImport) => (r.ok ? r.docs.flatMap((d) => d.warnings.map((w) => w.message)) : []);

function named(r: FileImport, file: string): void {
  if (r.ok) return;
  expect(r.error).toContain(`「${file}」`);
  expect(r.error).not.toMatch(/读取失败|内部错误|Cannot read|TypeError/);
}

describe('a PDF whose font spins pdf.js', () => {
  it('is read within the page limits: the spinning pages are skipped and named, the others read', async () => {
    // The limits are hang guards, set far above a healthy page (tens of ms) and far below the spin.
    const open = pdfOpenerNode({ pageMs: 8_000, afterTimeoutMs: 4_000, openMs: 60_000, budgetMs: 600_000 });
    const bytes = damage(corpusBytes('putuo-czj-2024-department-final.pdf'), 11, 2, 40);
    const started = Date.now();
    const r = await importFile(bytes, 'spin.pdf', { openPdf: open });
    const pages = 25;
    // Without the limits page 2 alone took minutes; with them no page waits longer than its limit
    // plus opening the file again.
    expect(Date.now() - started).toBeLessThan(pages * (8_000 + 60_000));
    named(r, 'spin.pdf');
    const text = r.ok ? warnings(r).join('\n') : r.error;
    expect(text).toMatch(/第 2 页的解析超过 8 秒仍未完成/);
  }, 900_000);
});

describe('mutants that crashed the layout or pdf.js', () => {
  const open = pdfOpenerNode();
  const file = 'putuo-qzfb-2025-department.pdf';
  let whole: Promise<FileImport> | null = null;
  // putuo-qzfb-2025-department.pdf, seed 1: these cases threw 「Cannot read properties of undefined
  // (reading 'push')」 at layout.ts:129 (a text position that was not a number).
  it.each([0, 1, 21, 24, 30, 35])('case %i gives the document with warnings, or a message naming the file', async (index) => {
    const r = await importFile(damage(corpusBytes(file), 1, index, 8), `m${index}.pdf`, { openPdf: open });
    named(r, `m${index}.pdf`);
    whole ??= importFile(corpusBytes(file), file, { openPdf: open });
    if (r.ok && figures(r) < figures(await whole)) expect(warnings(r).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('a PDF without its last page', () => {
  it('says what is missing (242 → 234 figures, silently, before)', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'budget-lens-cut-'));
    try {
      const file = path.join(corpusDir, 'putuo-qzfb-2025-unit.pdf');
      const out = path.join(tmp, 'cut.pdf');
      execFileSync('qpdf', [file, '--pages', file, '1-r2', '--', out]);
      const whole = await importFile(new Uint8Array(readFileSync(file)), 'whole.pdf', { openPdf: pdfOpenerNode() });
      const cut = await importFile(new Uint8Array(readFileSync(out)), 'cut.pdf', { openPdf: pdfOpenerNode() });
      expect(figures(cut)).toBeLessThan(figures(whole));
      expect(warnings(cut).filter((w) => !warnings(whole).includes(w)).join('\n')).toMatch(/目录列出的「其他相关情况说明」在文件中没有找到/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
