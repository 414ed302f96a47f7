import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { LAYOUT_VARIANTS } from '../../../../src/lib/synth/layout/list';
import { perfectReport, readBackReport } from '../../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../../src/lib/synth/layout/variants';
import { LIBREOFFICE_OFFICE_FILES } from './libreofficeFiles';

// Synthetic disclosures as an office suite saves a web page: into Word (each table a Word table,
// blank paragraphs between) and into a spreadsheet (each table's title and unit line in one cell,
// header cells spread over many columns). Committed (CI has no LibreOffice), read with the importer,
// every figure compared with what the generator printed. Before this suite's fixes the workbooks read
// only their narratives' figures (16 of 259), then lost the rows after a label merged over a few
// columns (「三、事业单位经营收入」 over A:E) or a group's head (「支出用途」 over K:T), taken for cells
// that span the table; the Word files lost two rows of Jiangsu's 收入预算总表 without a word; and the
// Word 97 files, whose merged header cells are single cells as wide as those they cover, read heads
// over the wrong columns: 45 figures wrong across the seventeen variants.
const dir = path.join(import.meta.dirname, 'libreoffice');

describe('a synthetic disclosure saved by LibreOffice as Word or Excel comes back exactly', () => {
  it.each(LIBREOFFICE_OFFICE_FILES.map(({ id, format }) => [`${id}.${format}`, id] as const))('%s', async (file, id) => {
    const r = renderVariant(LAYOUT_VARIANTS.find((v) => v.id === id)!);
    const bytes = file.endsWith('.doc') ? gunzipSync(readFileSync(path.join(dir, `synth-${file}.gz`))) : readFileSync(path.join(dir, `synth-${file}`));
    const read = await importFile(new Uint8Array(bytes), `synth-${file}`);
    if (!read.ok) throw new Error(read.error);
    const { messages: _, ...report } = readBackReport(r, read.docs);
    const { messages: __, ...perfect } = perfectReport(r);
    expect(report).toEqual(perfect);
  }, 60_000);
});
