import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { LAYOUT_VARIANTS } from '../../../../src/lib/synth/layout/list';
import { perfectReport, readBackReport, type ReadDocument } from '../../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../../src/lib/synth/layout/variants';
import { LIBREOFFICE_VARIANTS } from './libreofficeVariants';

// Another PDF producer than the corpus's and the layout suite's: synthetic documents printed by
// LibreOffice Writer from their web pages (committed: CI has no LibreOffice). Read with the
// importer, every figure compared with what the generator printed, and the document named as it is.
// Before this suite's fixes they read 1,443 of 2,612 figures, 451 of them wrong (a 元 table read in
// 万元 where 「单位：元」 stood beside the unit's name, among others).
const dir = path.join(import.meta.dirname, 'libreoffice');

describe('a synthetic disclosure printed by LibreOffice comes back exactly', () => {
  it.each(LIBREOFFICE_VARIANTS.map((id) => [id] as const))('%s', async (id) => {
    const r = renderVariant(LAYOUT_VARIANTS.find((v) => v.id === id)!);
    const docs: ReadDocument[] = [];
    const errors: string[] = [];
    for (const plan of r.files) {
      const read = await importFile(new Uint8Array(readFileSync(path.join(dir, plan.name))), plan.name, { openPdf: openPdfNode });
      if (read.ok) docs.push(...read.docs);
      else errors.push(read.error);
    }
    // Its messages are its own (a blank first page is said so): the figures and the document are checked.
    const { messages: _, ...report } = readBackReport(r, docs, errors);
    const { messages: __, ...perfect } = perfectReport(r);
    expect(report).toEqual(perfect);
    expect(errors).toEqual([]);
  }, 120_000);
});
