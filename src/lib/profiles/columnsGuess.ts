import type { RawTable } from '../model/document';
import { parseAmountCell } from '../ingest/amounts';
import { compact } from '../ingest/normalize';

/**
 * What each column of a raw table looks like from its cells: a running number (序号), classification
 * codes, names or labels, or amounts. Structure only: the kind and the keys come later (suggest.ts).
 */
export type ColumnShape = 'seq' | 'code' | 'name' | 'amount' | 'blank';

/** The body rows that hold data: not a repeated header (a new page), not the 栏次 row. */
export function dataRows(raw: Pick<RawTable, 'header' | 'body'>): string[][] {
  const text = (cells: readonly string[]) => cells.map(compact).join('|').replace(/\|+$/, '');
  const headers = new Set(raw.header.map(text));
  return raw.body.filter((cells) => !headers.has(text(cells)) && compact(cells.find((c) => c.trim()) ?? '') !== '栏次');
}

export function columnShapes(raw: Pick<RawTable, 'header' | 'body'>, columns: number): ColumnShape[] {
  const rows = dataRows(raw);
  const shapes: ColumnShape[] = [];
  let textSeen = false;
  for (let i = 0; i < columns; i++) {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    const shape = shapeOf(values, textSeen, raw.header.map((h) => compact(h[i] ?? '')));
    if (shape === 'name') textSeen = true;
    shapes.push(shape);
  }
  return shapes;
}

function shapeOf(values: readonly string[], afterText: boolean, header: readonly string[]): ColumnShape {
  if (!values.length) {
    // An empty table (or column): its header says whether it is a number column or a label one.
    if (header.some((h) => /^序号$|^栏次$/.test(h))) return 'seq';
    if (header.some((h) => /编码|代码|^类$|^款$|^项$/.test(h))) return 'code';
    if (header.some((h) => /名称|项目$|^科目$/.test(h)) && !afterText) return 'name';
    return header.some(Boolean) ? 'amount' : 'blank';
  }
  const ints = values.every((v) => /^\d{1,7}$/.test(v));
  if (ints && values.every((v, k) => Number(v) === Number(values[0]) + k) && Number(values[0]) <= 1) return 'seq';
  const majority = (test: (v: string) => boolean) => values.filter(test).length * 2 > values.length;
  if (!afterText && majority((v) => /^\d{2,7}$/.test(v.replace(/\s+/g, '')))) return 'code';
  if (majority((v) => parseAmountCell(v).kind === 'value' && /\d/.test(v))) return 'amount';
  return 'name';
}
