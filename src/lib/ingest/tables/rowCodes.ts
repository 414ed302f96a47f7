import { isEconomicTable } from '../../model/economicTables';
import type { Row } from '../lines';
import { cellFen, parseAmountCell } from '../amounts';
import { resolveRelative, type ResolvedCode } from './codeResolver';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * A classified table's rows once their codes are read (classified.ts), and the checks of those codes
 * that need the whole table: codes printed relative to the rows above placed, and codes read
 * otherwise than printed confirmed, or taken back, by the table's sums.
 */
export interface DataRow {
  row: Row;
  code: string;
  name: string;
  /** Index of the first amount cell. */
  first: number;
  repaired?: ResolvedCode['repaired'];
  /** The two digits printed where a 款 or 项 is printed relative to the rows above (codeResolver.ts resolveRelative). */
  relative?: string;
  /** A 款 whose digits were read as a word: its 类 and the code as printed (misreadRepair.ts). */
  misread?: { class: string; printed: string };
}

/** The row's first amount (its 合计), in fen; 0 where it prints none. */
export function firstAmount(t: MappedTable, r: DataRow): number {
  const cell = r.row.cells.slice(r.first).find((c) => c !== '');
  const p = cell === undefined ? null : parseAmountCell(cell, t.fenPerUnit);
  return p?.kind === 'value' ? p.fen : 0;
}

/**
 * Rows whose code is printed relative to the rows above get their whole code; one that no 类 stands
 * above is reported as unread and dropped. The levels follow the amounts of the first column (合计).
 */
export function placeRelative(t: MappedTable, data: DataRow[], sink: FigureSink): void {
  const amount = (r: DataRow) => {
    const fen = cellFen(r.row.cells[r.first] ?? '', t.fenPerUnit);
    return typeof fen === 'number' ? fen : 0;
  };
  resolveRelative(data, isEconomic(t) ? 5 : 7, amount);
  for (let i = data.length - 1; i >= 0; i--) {
    const r = data[i];
    if (r.code !== '') continue;
    sink.warn(`${t.where}有一行无法识别科目编码：「${r.row.cells.filter(Boolean).join(' ')}」（只印了末两位，上方没有所属的类）`, r.row.line, { kind: 'unread_row' });
    data.splice(i, 1);
  }
}

/** Tables by 经济分类: two levels (类 and 款), their 类 named in ECONOMIC_CLASSES. */
export function isEconomic(t: MappedTable): boolean {
  return isEconomicTable(t.table);
}

/**
 * A code read otherwise than printed is checked against the table's sums: its parent's amount should
 * be the sum of its children's. Where the printed code is a code too, the reading whose sums close is
 * taken; the warning says what was printed, what was read, and whether the sums bear it out.
 */
export function confirmRepairs(t: MappedTable, data: DataRow[], sink: FigureSink): void {
  // Most tables have no repaired code: nothing to check, and no closures to make.
  if (!data.some((r) => r.repaired)) return;
  const value = (r: DataRow) => firstAmount(t, r);
  const closes = (parent: string) => {
    const p = data.find((r) => r.code === parent);
    if (!p) return null;
    const children = data.filter((r) => r.code.length === parent.length + 2 && r.code.startsWith(parent));
    return children.length ? children.reduce((s, r) => s + value(r), 0) === value(p) : null;
  };
  for (const r of data) {
    const fix = r.repaired;
    if (!fix) continue;
    const read = closes(fix.parent);
    if (fix.alternative && read !== true) {
      const code = r.code;
      r.code = fix.alternative;
      const printed = closes(fix.parent);
      if (printed === true || read === null) {
        sink.warn(`${t.where}「${r.name}」：科目编码「${fix.printed}」与所在位置（${fix.parent} 之下）不符，但按所印编码各级合计相符，仍读作 ${r.code}`, r.row.line, { kind: 'repaired', rowCode: r.code });
        continue;
      }
      r.code = code;
    }
    const sums = read === true ? '（上级科目合计与此相符）' : read === false ? '（但上级科目合计仍不相符）' : '';
    sink.warn(`${t.where}「${r.name}」：${fix.reason}${sums}`, r.row.line, { kind: 'repaired', rowCode: r.code });
  }
}
