import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { expenseLabel, incomeLabel } from '../../../../src/lib/ingest/tables/labels';
import { shared } from './corpus';

/**
 * The gold records figures by key, not by row name, so a row that took a neighbour's label (a line
 * joined across a page break: 「使用非财政拨款结余（含专用结余）本年收入合计」) still matches it. Here
 * every 收支总表 row of the real PDFs keeps a name that the label reader reads back as its own key.
 * The two deliberate readings the name alone can't give: a plain 「收入合计」 that is the table's
 * grand total (summary.ts), and the parts of 上年结转 printed under it (「一、一般公共预算财政拨款」).
 */
const FILES = ['shanghai', 'jiangsu'].flatMap((region) => {
  const dir = path.resolve(shared, 'corpus', region);
  return readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f));
});

/**
 * A name that is two rows' labels one after the other: each part (four characters or more) a label
 * of its own, the first of another row than the whole name reads as. 「一、一般公共预算」+「财政拨款收入」
 * is one row's label: its first part reads as the whole does.
 */
function twoLabels(name: string, read: (label: string) => string | null): [string, string] | null {
  const text = name.replace(/\s+/g, '');
  const whole = read(text);
  for (let k = 4; k <= text.length - 4; k++) {
    const [a, b] = [text.slice(0, k), text.slice(k)];
    const first = read(a);
    if (first !== null && first !== whole && read(b) !== null) return [a, b];
  }
  return null;
}

function namesOff(figures: readonly { table: string; rowCode: string; rowName: string }[]): string[] {
  const off: string[] = [];
  for (const f of figures) {
    if (f.table !== 'summary' && f.table !== 'fiscal_summary') continue;
    if (f.rowCode.startsWith('income.carryover.')) continue;
    const income = f.rowCode.startsWith('income.');
    const read = income ? incomeLabel(f.rowName) : expenseLabel(f.rowName);
    const key = read === null ? null : read.includes('.') ? read : `${income ? 'income' : 'expense'}.${read}`;
    const side = income ? 'income' : 'expense';
    const glued = twoLabels(f.rowName, income ? incomeLabel : expenseLabel);
    if (glued) off.push(`${f.table} ${f.rowCode}「${f.rowName}」: 「${glued[0]}」+「${glued[1]}」`);
    else if (key === f.rowCode || (f.rowCode === `${side}.grand_total` && key === `${side}.current_total`)) continue;
    else off.push(`${f.table} ${f.rowCode}「${f.rowName}」→ ${key}`);
  }
  return [...new Set(off)];
}

describe.each(FILES.map((file) => ({ file, name: path.basename(file) })))('$name', ({ file, name }) => {
  it('every 收支总表 row keeps its own printed name', { timeout: 120_000 }, async () => {
    const r = await importFile(new Uint8Array(readFileSync(file)), name, { openPdf: openPdfNode });
    if (!r.ok) throw new Error(r.error);
    expect(namesOff(r.docs.flatMap((d) => d.figures))).toEqual([]);
  });
});

describe('the check itself', () => {
  it('catches a label glued to its neighbour', () => {
    const figures = [
      { table: 'summary', rowCode: 'income.current_total', rowName: '本年收入合计' },
      { table: 'summary', rowCode: 'income.grand_total', rowName: '收入合计' },
    ];
    expect(namesOff(figures)).toEqual([]);
    expect(namesOff([{ table: 'summary', rowCode: 'income.current_total', rowName: '使用非财政拨款结余（含专用结余）本年收入合计' }])).toHaveLength(1);
    expect(namesOff([{ table: 'fiscal_summary', rowCode: 'expense.current_total', rowName: '结余分配本年支出合计' }])).toHaveLength(1);
  });
});
