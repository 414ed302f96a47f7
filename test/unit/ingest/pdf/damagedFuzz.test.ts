import { describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../../src/lib/ingest/file';
import { pdfOpenerNode } from '../../../../src/lib/ingest/pdf/node';
import type { StopLimits } from '../../../../src/lib/ingest/pdf/stoppable';
import { damage } from '../../../support/mutate';
import { corpusBytes } from './corpus';

/**
 * Issue 14: a seeded fuzz of damaged PDFs (bits flipped, NULs) from two real Shanghai files. Every
 * case ends in the documents or one message naming the file — never an exception, an internal error
 * or a raw TypeError — no page waits longer than its limit (plus opening the file again in a new
 * pdf.js), and fewer figures than the whole file always come with a warning the whole file does not
 * have.
 */
const LIMITS: StopLimits = { pageMs: 10_000, afterTimeoutMs: 5_000, openMs: 60_000, budgetMs: 60_000 };
const FILES = ['putuo-qzfb-2025-department.pdf', 'putuo-sww-2025-unit.pdf'];
const PER_FILE = 30;

const figures = (r: FileImport) => (r.ok ? r.docs.reduce((n, d) => n + d.figures.length, 0) : 0);
const warnings = (r: FileImport) => new Set(r.ok ? r.docs.flatMap((d) => d.warnings.map((w) => w.message)) : []);

describe('fuzz: damaged PDFs are read or refused within the limits, never lost silently', () => {
  it(`${FILES.length * PER_FILE} seeded cases`, async () => {
    const open = pdfOpenerNode({ ...LIMITS });
    const counts = { same: 0, 'fewer, warned': 0, refused: 0, 'more or changed': 0 };
    const problems: string[] = [];
    for (const file of FILES) {
      const bytes = corpusBytes(file);
      const whole = await importFile(bytes, file, { openPdf: open });
      const pages = 30;
      for (let i = 0; i < PER_FILE; i++) {
        const name = `${file}#${i}`;
        const started = Date.now();
        const r = await importFile(damage(bytes, 14, i, 8), name, { openPdf: open });
        const ms = Date.now() - started;
        if (ms > pages * (LIMITS.pageMs + LIMITS.openMs)) problems.push(`${name}: took ${ms} ms`);
        if (!r.ok) {
          if (!r.error.includes(`「${name}」`) || /内部错误|读取失败|TypeError|Cannot read/.test(r.error)) problems.push(`${name}: ${r.error}`);
          counts.refused++;
          continue;
        }
        const before = warnings(whole);
        const fresh = [...warnings(r)].filter((w) => !before.has(w));
        if (figures(r) < figures(whole)) {
          if (!fresh.length) problems.push(`${name}: ${figures(whole)} → ${figures(r)} figures with no warning`);
          else counts['fewer, warned']++;
        } else counts[figures(r) === figures(whole) ? 'same' : 'more or changed']++;
      }
    }
    console.log('damaged PDFs:', JSON.stringify(counts), 'problems:', problems.length);
    expect(problems).toEqual([]);
  }, 1_800_000);
});
