import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/ingest/file';
import { mergeDocuments } from '../../../src/lib/ingest/merge';
import type { StoredDocument } from '../../../src/lib/model/document';
import { LAYOUT_VARIANTS } from '../../../src/lib/synth/layout/list';
import { metaLine, perfectReport, readBackReport } from '../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../src/lib/synth/layout/variants';

// The layout suite's disclosures as web pages: the HTML the generator writes (and Chromium prints
// for the PDF suite), each part a page of its own, read with the importer and given together. A
// county that publishes its 部门预算 on its site gives this family: tables as HTML tables, titles and
// their qualifiers broken where the page's width breaks them (「…基本支出预算表」 / 「（经济科目）」).
const enc = new TextEncoder();

describe('a synthetic disclosure as web pages comes back exactly', () => {
  it.each(LAYOUT_VARIANTS.map((v) => [v.id] as const))('%s', async (id) => {
    const r = renderVariant(LAYOUT_VARIANTS.find((v) => v.id === id)!);
    const perFile: StoredDocument[][] = [];
    for (const plan of r.files) {
      for (const [i, part] of plan.parts.entries()) {
        const read = await importFile(enc.encode(part.html), plan.name.replace(/\.pdf$/, `-${i}.html`));
        // A cover page alone is no disclosure, and says so: the other pages are.
        if (read.ok) perFile.push(read.docs);
      }
    }
    const report = readBackReport(r, mergeDocuments(perFile));
    expect(report.summary).toBe(perfectReport(r).summary);
    expect(report.wrong).toEqual([]);
    expect(report.documents).toContain(metaLine(r.meta));
  }, 60_000);
});
