import { parseAmountCell } from '../amounts';
import { compact } from '../normalize';
import { isCountLabel, threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { LEFT_COLUMN, leftColumn, periodColumns } from './periods';
import { readThreePublicAcross } from './threePublicColumns';
import { THREE_PUBLIC_PARTS, threePublicKeys } from '../../model/tables/threePublic';
import { FUND_HEADS, isTotalRunTogether, placedByOrder, runTogetherWarning } from './fundHeads';

/**
 * 财政拨款“三公”经费支出表. The seeds print its rows three ways: 序号 | 项目 | amounts (national
 * template); 项目 | 项目 | amounts (seed 004's department, the name in a merged cell printed twice);
 * and rows whose 序号 a page break moved onto a line of its own (seed 004's unit). So the row key is
 * taken from the last cell that names a 三公 item, and the amounts are the cells after it:
 * 合计, 一般公共预算财政拨款, 政府性基金, 国有资本经营.
 */
const COLUMNS = ['total', 'general', 'fund', 'soe'];

export function readThreePublic(t: MappedTable, sink: FigureSink): void {
  if (readThreePublicAcross(t, sink)) return;
  const rows: { key: string; name: string; cells: string[]; lines: number[]; from: number }[] = [];
  for (const row of t.body) {
    let at = -1;
    let key: string | null = null;
    let count = false;
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i];
      if (c === '' || parseAmountCell(c, t.fenPerUnit).kind !== 'bad') continue;
      if (isCountLabel(c)) count = true;
      const k = threePublicLabel(c);
      if (!k) break;
      at = i;
      key = k;
    }
    // 「其中：公务用车保有量（辆）」「国内公务接待批次（个）」: counts beside the money, not money.
    if (count) continue;
    const amounts = row.cells.slice(at + 1);
    const kinds = amounts.map((c) => parseAmountCell(c, t.fenPerUnit).kind);
    if (!kinds.includes('value')) {
      // Header rows hold words there; a misprinted number (「1O.5」) is reported.
      const misprint = amounts.findIndex((c, i) => kinds[i] === 'bad' && /\d/.test(c));
      if (key && misprint >= 0) sink.warn(`${t.where}「${row.cells[at]}」的金额「${amounts[misprint]}」无法读取`, row.lines[at + 1 + misprint], { kind: 'unread_cell', rowCode: key });
      continue;
    }
    if (!key) {
      if (row.cells.some((c) => /\d\.\d/.test(c))) sink.warn(`${t.where}有一行无法识别项目：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
      continue;
    }
    rows.push({ key, name: row.cells[at], cells: amounts, lines: row.lines.slice(at + 1), from: at + 1 });
  }
  // Columns by the header word above them where the header names every filled one (a blank column
  // between 合计 and 一般公共预算 would shift them by place), else by place after the label.
  const byHeader = headerColumns(t.body);
  // Columns headed by years or phases (periods.ts), where no source of funds heads them. A 决算's
  // 预算数 | 决算数 too: read by place, its budget was taken for the 合计 and its 决算 for the
  // 一般公共预算's.
  const byPhase = byHeader.size ? null : periodColumns(t.body.slice(0, Math.max(0, t.body.findIndex((r) => r.cells.some((c) => /\d\.\d/.test(c))))), t, t.title.stage === 'final');
  const named = rows.every((r) => r.cells.every((c, i) => c === '' || byHeader.has(r.from + i)));
  const left = new Set<number>();
  // With 会议费 and 培训费 rows, 合计 is not the 三公 (model/tables/threePublic.ts).
  const keys = threePublicKeys(rows.map((r) => r.key));
  if (totalIsThreeOnly(rows, t.fenPerUnit)) keys.set('total', ['total']);
  // 合计 run together with the head after it: the header's places are not to be trusted.
  const runTogether = !byPhase && headerRows(t.body).some((r) => r.cells.some(isTotalRunTogether));
  for (const { key, name, cells, lines, from } of rows) {
    const filled = cells.flatMap((c, i) => (c === '' ? [] : [i]));
    const ordered = runTogether ? placedByOrder(filled.length, COLUMNS) : null;
    cells.forEach((c, i) => {
      const at = from + i;
      if (byPhase?.key.get(at) === null) {
        if (c !== '' && !left.has(at)) {
          left.add(at);
          sink.warn(leftColumn(t, byPhase.words.get(at)!), byPhase.lines.get(at), LEFT_COLUMN);
        }
        return;
      }
      const column = byPhase ? byPhase.key.get(at) : ordered ? ordered[filled.indexOf(i)] : named && byHeader.size ? byHeader.get(at) : COLUMNS[i];
      if (!column && ordered && c !== '') {
        sink.warn(runTogetherWarning(t.where, name, c), lines[i], { kind: 'unread_cell', rowCode: key });
        return;
      }
      if (!column) {
        if (c !== '') sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${c}」`, lines[i], { kind: 'unread_cell', rowCode: key });
        return;
      }
      for (const k of keys.get(key) ?? [key]) sink.addCell('three_public', k, name, column, c, lines[i], t.fenPerUnit, t.where);
    });
  }
}

/**
 * Printed down, as across (threePublicColumns.ts totalIsThreeOnly): a 合计 row beside 会议费 and 培训费
 * rows and no 三公 小计 is the 三公's alone where, in its first amount column, it equals 出国 + 用车 +
 * 接待 and 会议费 + 培训费 is not 0; otherwise it is Jiangsu's 合计 with them.
 */
function totalIsThreeOnly(rows: readonly { key: string; cells: string[]; from: number }[], fenPerUnit: number): boolean {
  const total = rows.find((r) => r.key === 'total');
  const i = total ? total.cells.findIndex((c) => c !== '') : -1;
  if (!total || i < 0) return false;
  // The same printed column in every row: rows may start their amounts at different cells.
  const col = total.from + i;
  const first = new Map<string, number>();
  for (const r of rows) {
    const cell = parseAmountCell(r.cells[col - r.from] ?? '', fenPerUnit);
    // A blank part is 0; an unreadable one makes the sum unknowable (NaN never equals).
    if (!first.has(r.key)) first.set(r.key, cell.kind === 'value' ? cell.fen : cell.kind === 'blank' ? 0 : NaN);
  }
  if (first.has('subtotal') || !first.has('total') || !(first.has('meeting') || first.has('training'))) return false;
  const extra = (first.get('meeting') ?? 0) + (first.get('training') ?? 0);
  const parts = THREE_PUBLIC_PARTS.reduce((s, k) => s + (first.get(k) ?? 0), 0);
  return extra !== 0 && first.get('total') === parts;
}

const HEADER_WORDS: [RegExp, string][] = [[/^合计$/, 'total'], ...FUND_HEADS];

/** The header rows: those before the first row with an amount. */
function headerRows(body: MappedTable['body']): MappedTable['body'] {
  const first = body.findIndex((r) => r.cells.some((c) => /\d\.\d/.test(c)));
  return first < 0 ? body : body.slice(0, first);
}

/** Column index → key, from the header rows. */
function headerColumns(body: MappedTable['body']): Map<number, string> {
  const out = new Map<number, string>();
  for (const row of headerRows(body)) {
    row.cells.forEach((c, i) => {
      const key = HEADER_WORDS.find(([re]) => re.test(compact(c)))?.[1];
      if (key && !out.has(i)) out.set(i, key);
    });
  }
  return out;
}
