import type { Row } from '../lines';
import { compact } from '../normalize';
import { columnKeys } from './columns';
import type { MappedTable } from './prepare';
import { readPartTotal, unpairRows } from './paired';
import type { FigureSink } from './sink';

/**
 * Tables whose rows are classified by a code: 收入总表, 支出总表, the 一般公共预算 / 政府性基金 /
 * 国有资本经营 支出表 (功能分类) and the 基本支出表 (经济分类). Row key = the code's digits joined
 * (「208 05 01」 → 2080501), 合计 → total.
 */

const HAS_WORD = /[^\d\s.,，\-－()（）%]/;
const CODE = /^\d{3}(?:\d{2}){0,3}$/;
const CODE_AND_NAME = /^(\d{3}(?:\s?\d{2}){0,3})\s+(\D.*)$/;
const SKIP = /^(?:栏次|档次|序号)$/;
const CODE_HEADER = /^[类款项]$/;

interface CodedRow {
  code: string;
  name: string;
  /** Index of the first amount cell. */
  first: number;
}

/**
 * Finds the code, the name and where the amounts begin; null for header and blank rows. `parent`
 * carries the split code columns (类 | 款 | 项) of the previous row, because a child row may print
 * only its own part (「 | 05 | 01」) under its parent.
 */
export function codedRow(raw: readonly string[], hasSeq: boolean, parent: string[] = []): CodedRow | 'unreadable' | null {
  // The 类 | 款 | 项 header words can share a line with the 合计 row below them (a PDF's wrapped header).
  const cells = raw.some((c) => c.length === 1 && CODE_HEADER.test(c)) ? raw.map((c) => (CODE_HEADER.test(c) ? '' : c)) : raw;
  const nameAt = cells.findIndex((c) => c !== '' && HAS_WORD.test(c));
  if (nameAt < 0) return cells.some((c, i) => i > 0 && /\d/.test(c)) ? 'unreadable' : null;
  let name = cells[nameAt];
  if (SKIP.test(compact(name))) return null;
  let pre = cells.slice(0, nameAt).map(compact);
  const joined = CODE_AND_NAME.exec(name);
  if (joined) {
    pre = [...pre, compact(joined[1])];
    name = joined[2].trim();
  }
  if (pre.length && dropsSequence(pre, hasSeq)) pre = pre.slice(1);
  if (pre.length >= 2) {
    const lastFilled = pre.findLastIndex((c) => c !== '');
    for (let i = 0; i < lastFilled; i++) if (pre[i] === '' && parent[i]) pre[i] = parent[i];
    parent.splice(0, parent.length, ...pre);
  }
  const code = pre.join('');
  if (code === '') {
    if (/^(?:合计|总计)$/.test(compact(name))) return { code: 'total', name, first: nameAt + 1 };
    return null;
  }
  if (!CODE.test(code)) return 'unreadable';
  return { code, name, first: nameAt + 1 };
}

/** Whether the first cell before the name is the running 序号 rather than part of the code. */
function dropsSequence(pre: string[], hasSeq: boolean): boolean {
  const first = pre[0];
  if (hasSeq) return pre.length >= 2 || /^\d{0,2}$/.test(first);
  return pre.length >= 2 && /^\d{0,2}$/.test(first) && /^\d{3}/.test(pre[1]);
}

export function readClassified(t: MappedTable, sink: FigureSink): void {
  const data: { row: Row; coded: CodedRow }[] = [];
  const headers: Row[] = [];
  let widest = 0;
  const parent: string[] = [];
  for (const row of unpairRows(t.body)) {
    if (readPartTotal(t, row, sink)) continue;
    const coded = codedRow(row.cells, t.hasSeq, parent);
    if (coded === 'unreadable' || !coded) {
      // Header rows carry no numbers past their first cell (栏次 rows aside); a row with amounts but
      // no code must not vanish silently.
      const furniture = SKIP.test(compact(row.cells.find(Boolean) ?? ''));
      const numbers = row.cells.some((c, i) => i > 0 && c !== '' && /^[\d,.\s-]+$/.test(c) && /\d/.test(c));
      if (!furniture && (numbers || row.cells.some((c) => /\d\.\d/.test(c)))) {
        sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line);
      } else if (!coded) headers.push(row);
      continue;
    }
    if (!row.cells.slice(coded.first).some((c) => /\d/.test(c)) && coded.code === 'total') {
      headers.push(row);
      continue;
    }
    data.push({ row, coded });
    let last = row.cells.length - 1;
    while (last >= coded.first && row.cells[last] === '') last--;
    widest = Math.max(widest, last - coded.first + 1);
  }
  const keys = columnKeys(t.table, headers, widest);
  for (const { row, coded } of data) {
    const name = coded.code === 'total' ? '合计' : coded.name;
    for (let i = coded.first; i < row.cells.length; i++) {
      const key = keys[i - coded.first];
      if (!key) {
        if (row.cells[i] !== '') sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${row.cells[i]}」`, row.lines[i]);
        continue;
      }
      sink.addCell(t.table, coded.code, name, key, row.cells[i], row.lines[i], t.fenPerUnit, t.where);
    }
  }
}
