import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/ingest/file';
import { LAYOUT_VARIANTS } from '../../../src/lib/synth/layout/list';
import { readBackReport } from '../../../src/lib/synth/layout/readBack';
import { renderVariant } from '../../../src/lib/synth/layout/variants';

// Synthetic national disclosures (the layout suite's, printed by Chromium: `npm run synth:pdfs`) as
// `pdftotext -layout` writes them, committed (CI has no poppler). The narrow national template's
// 财政拨款收支总表 comes out of the converter with its cells a space apart: the 序号 run into the
// income label (「1 一、一般公共预算拨款」), the income label, its amount and the expense label in
// one column over the rows, and 「合计」 run together with 「一般公共预算财政拨款」 in one header cell,
// the heads after it pushed off their amounts; the 三公 table's heads likewise. Read back against what
// the generator printed.
const fixture = (id: string) => gunzipSync(new Uint8Array(readFileSync(path.join(import.meta.dirname, 'spaced', `synth-${id}.txt.gz`))));

describe('a synthetic national disclosure through pdftotext', () => {
  it.each([['national-merged-headers'], ['national-numbered-titles']] as const)('%s: nothing read wrong, the 财政拨款收支总表 and the 三公 under their own keys', async (id) => {
    const r = renderVariant(LAYOUT_VARIANTS.find((v) => v.id === id)!);
    const read = await importFile(fixture(id), `synth-${id}.txt`);
    if (!read.ok) throw new Error(read.error);
    const report = readBackReport(r, read.docs);
    expect(report.wrong).toEqual([]);
    expect(report.extra.filter((e) => /^(?:fiscal_summary|three_public)\|/.test(e))).toEqual([]);
    // The income side's 一般公共预算拨款, every expense row's 合计 and every 三公 row's 合计: each the
    // first amount after its label.
    const first = (f: (typeof r.figures)[number]) => f.table === 'fiscal_summary' ? f.rowCode === 'income.general' || (f.rowCode.startsWith('expense.') && f.column === 'total') : f.table === 'three_public' && f.column === 'total';
    const wanted = r.figures.filter(first);
    expect(wanted.filter((f) => f.table === 'three_public').length).toBeGreaterThan(3);
    expect(wanted.filter((f) => f.table === 'fiscal_summary').length).toBeGreaterThan(4);
    const got = new Map(read.docs.flatMap((d) => d.figures).map((f) => [`${f.table}|${f.rowCode}|${f.column}`, f.amount]));
    for (const f of wanted) expect([f.table, f.rowCode, got.get(`${f.table}|${f.rowCode}|${f.column}`)]).toEqual([f.table, f.rowCode, f.amount]);
    // The amounts the pushed heads leave unplaced are said so, not read under a guess.
    expect(read.docs.flatMap((d) => d.warnings.map((w) => w.message)).some((m) => m.includes('挤在一起'))).toBe(true);
  }, 60_000);
});
