import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPlan, withPrinter } from '../../../../scripts/print-pdf';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { LAYOUT_VARIANTS } from '../../../../src/lib/synth/layout/list';
import { perfectReport, readBackReport, type ReadDocument } from '../../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../../src/lib/synth/layout/variants';

// The layout-robustness suite (issue 12): synthetic 部门预算 documents printed as PDFs in the layouts
// real disclosures use (src/lib/synth/layout, README there), read back through the importer, every
// figure compared exactly with what the generator printed. One test per variant, so a failure names
// the layout; its report lists the figures missing, wrong and extra. Printing needs Debian's
// Chromium, qpdf and fonts-noto-cjk (.ci/run installs them). The PDFs are printed once per run into
// a temporary folder.
const rendered = LAYOUT_VARIANTS.map(renderVariant);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-layouts-'));
  // The printer's tabs print several files at once.
  await withPrinter((printer) => Promise.all(rendered.flatMap((r) => r.files).map(async (plan) => writeFile(path.join(dir, plan.name), await printPlan(printer, plan)))));
}, 400_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('every figure of a synthetic disclosure printed to PDF comes back exactly', () => {
  it.each(rendered.map((r) => [`${r.variant.id}: ${r.variant.about}`, r] as const))('%s', async (_, r) => {
    const docs: ReadDocument[] = [];
    const errors: string[] = [];
    for (const plan of r.files) {
      const read = await importFile(new Uint8Array(await readFile(path.join(dir, plan.name))), plan.name, { openPdf: openPdfNode });
      if (read.ok) docs.push(...read.docs);
      else errors.push(read.error);
    }
    expect(readBackReport(r, docs, errors)).toEqual(perfectReport(r));
  }, 120_000);
});
