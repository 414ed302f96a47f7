import type { Row } from '../lines';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * A department's 收入总表 or 支出总表 printed by unit instead of by 科目: 单位编码 | 单位名称 | 合计 | …,
 * a row for the department's 合计 and one per unit beneath it (「543001 信访局本级」). Many provinces
 * print their departments' tables so. The unit codes are no 科目 (543 would pass for a 政府经济分类
 * 类), so they are not read as codes: the 合计 row is the department's figures, under the same
 * columns, and the units' rows are reported, since each unit's own disclosure gives them.
 */

/** 单位编码, 单位代码, 单位名称 (or 部门…, 预算单位…) heading the label columns. */
const UNIT_HEAD = /^(?:预算)?(?:单位|部门)(?:编码|代码|名称|名单)?$/;
const TOTAL = /^(?:合计|总计)$/;
const SUBJECT = /科目|功能分类|经济分类/;
/** A character every UNIT_HEAD and SUBJECT match holds. */
const WORD_CHAR = /[单部科类]/;

const COLUMN_NUMBER = /^\s*(?:栏次|\*+|\d+)\s*$/;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** What /\d\.\d|\d,\d{3}/ finds, by characters: asked of every cell above a table's first amount. */
export function printsAmount(c: string): boolean {
  for (let i = c.indexOf('.'); i >= 0; i = c.indexOf('.', i + 1)) if (isDigit(c.charCodeAt(i - 1)) && isDigit(c.charCodeAt(i + 1))) return true;
  for (let i = c.indexOf(','); i >= 0; i = c.indexOf(',', i + 1)) {
    if (isDigit(c.charCodeAt(i - 1)) && isDigit(c.charCodeAt(i + 1)) && isDigit(c.charCodeAt(i + 2)) && isDigit(c.charCodeAt(i + 3))) return true;
  }
  return false;
}

/** How many rows come above the first amount: what heads the columns (all of them in an empty table). */
function headerLength(body: readonly Row[]): number {
  for (let i = 0; i < body.length; i++) if (body[i].cells.some(printsAmount)) return i;
  return body.length;
}

function headerRows(body: readonly Row[]): Row[] {
  return body.slice(0, headerLength(body));
}

/**
 * Whether the table's rows are units: its header names a unit column and no 科目. Asked of every
 * classified table, two or three times: only cells holding one of the words' first characters are
 * compacted and matched.
 */
export function listsUnits(body: readonly Row[]): boolean {
  const end = headerLength(body);
  let unitHead = false;
  for (let i = 0; i < end; i++) {
    const cells = body[i].cells;
    for (let col = 0; col < cells.length; col++) {
      if (!WORD_CHAR.test(cells[col])) continue;
      const c = compact(cells[col]);
      if (SUBJECT.test(c)) return false;
      if (!unitHead && UNIT_HEAD.test(c) && UNIT_HEAD.test(columnHead(body, col, i, end))) unitHead = true;
    }
  }
  return unitHead;
}

/**
 * A head's pieces down its column, from row `from` to the header's end: 「单位」 over 「预留机动」 over
 * 「经费」 is 单位预留机动经费 wrapped in a narrow column (Jiangsu's 支出预算总表), no unit column.
 */
function columnHead(body: readonly Row[], col: number, from: number, end: number): string {
  let head = '';
  // The 栏次 row's 「**」 or 「栏次」 (or a number) under the head is no piece of it.
  for (let i = from; i < end; i++) {
    const c = body[i].cells[col] ?? '';
    if (!COLUMN_NUMBER.test(c)) head += c;
  }
  return compact(head);
}

/**
 * The table as the classified reader should see it: its header and its 合计 row, the units' rows taken
 * out (`units`, to report). Null for a table not printed by unit.
 */
export function withoutUnitRows(body: readonly Row[], own?: string): { body: Row[]; units: Row[] } | null {
  if (!listsUnits(body)) return null;
  const header = headerRows(body);
  const kept = [...header];
  const units: Row[] = [];
  let total = false;
  for (const row of body.slice(header.length)) {
    if (TOTAL.test(labelOf(row))) {
      kept.push(row);
      total = true;
    } else if (row.cells.some((c) => /\d/.test(c) && /[.,]/.test(c))) units.push(row);
    else kept.push(row);
  }
  // A unit's own table by unit lists itself alone, no 合计 (深圳's 收入总表: 预算单位 | 收入总计 | …, one row
  // 「深圳市交通运输局（本级）」): that row is the table's 合计.
  if (!total && units.length === 1 && own && labelOf(units[0]) === compact(own)) {
    const at = units[0].cells.findIndex((c) => compact(c) === labelOf(units[0]));
    kept.splice(header.length, 0, { ...units[0], cells: units[0].cells.map((c, i) => (i === at ? '合计' : c)) });
    return { body: kept, units: [] };
  }
  return { body: kept, units };
}

const labelOf = (row: Row) => row.cells.map(compact).find((c) => c !== '' && !/^\d+$/.test(c)) ?? '';

/** The units' rows of a table printed by unit, said once: only its 合计 row is read. */
export function warnUnitRows(t: Pick<MappedTable, 'where'>, units: readonly Row[], sink: FigureSink): void {
  if (!units.length) return;
  // A unit's name is its cells up to its first amount (a code before it kept); a name wrapped onto
  // lines of its own leaves rows of amounts alone, and the first named row is the one to quote.
  const name = (r: Row) => {
    const words: string[] = [];
    for (const c of r.cells) {
      if (c === '') continue;
      if (/^[\d,.\s-]+$/.test(c) && words.some((w) => /[^\d\s]/.test(w))) break;
      words.push(c);
    }
    return words.join(' ');
  };
  const quoted = units.map(name).find((n) => /[^\d\s,.-]/.test(n)) ?? name(units[0]);
  sink.warn(`${t.where}按单位列示，只导入合计行；${units.length} 个单位的行（「${quoted}」等）未作为科目导入，各单位的数见其单位预算`, units[0].line,
    // Not tied to the table: its 合计 row and the checks on it stand whatever the units' rows say.
    { kind: 'unread_row', table: undefined });
}
