import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { LAYOUT_VARIANTS } from '../../../../src/lib/synth/layout/list';
import { perfectReport, readBackReport } from '../../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../../src/lib/synth/layout/variants';
import { variantWorkbook } from '../../../../src/lib/synth/layout/workbook';
import { WORKBOOK_VARIANTS } from './workbookVariants';

// A third PDF producer: a spreadsheet's printout. The layout variants' tables kept in a workbook and
// printed by LibreOffice Calc (committed: CI has no LibreOffice), read with the importer, every
// figure compared with what the generator printed. A sheet sets its 栏次 numbers and heads at the left
// of their cells and the amounts at the right: before this suite's fix the 栏次 row was taken for
// data, its numbers made columns of their own, and the heads went with them: of the seventeen
// variants' 3,380 table figures 2,495 read, 64 of them under the next column's head. In the
// accounting format a zero is a dash two places in from the cell's right edge, under no head's word:
// a column of dashes took the next column's head, and the amounts after it moved along. Printed at
// full size, a wide table comes out in bands of columns, page after page: read as pages of their
// own, 2,061 of the 3,380 figures and 10 wrong, the bands' amounts in rows of no name.
const dir = path.join(import.meta.dirname, 'workbook');

describe('the tables of a synthetic disclosure printed from a workbook come back exactly', () => {
  it.each(WORKBOOK_VARIANTS.map((w) => [w.file, w] as const))('%s', async (name, { id, options }) => {
    const variant = LAYOUT_VARIANTS.find((v) => v.id === id)!;
    const expected = { ...renderVariant(variant), figures: variantWorkbook(variant, options).figures };
    const read = await importFile(new Uint8Array(readFileSync(path.join(dir, name))), name, { openPdf: openPdfNode });
    if (!read.ok) throw new Error(read.error);
    const { messages, ...report } = readBackReport(expected, read.docs);
    const { messages: _, ...perfect } = perfectReport(expected);
    expect(report).toEqual(perfect);
    // Nothing said of a table (a head left over, a column without one) but, printed in bands, which
    // pages were laid back beside which: a reviewer checks those.
    const cut = messages.filter((m) => m.includes('被分页截开'));
    expect(messages.filter((m) => /表/.test(m) && !cut.includes(m))).toEqual([]);
    expect(cut.length > 0).toBe(options.paper === 'cut');
    // A band's figures keep the page and place they were printed on, for the page view: inside that
    // page, not where they were laid beside the page they continue.
    const bands = new Set(cut.map((m) => Number(/第 (\d+) 页是/.exec(m)![1])));
    const onBands = read.docs.flatMap((d) => d.figures).filter((f) => bands.has(f.source.page ?? 0));
    expect(onBands.length > 0).toBe(options.paper === 'cut');
    for (const f of onBands) expect(f.source.box![2]).toBeLessThan(600);
  }, 120_000);
});
