import type { Figure } from '../model/document';
import { CARRYOVER_PARTS, THREE_PUBLIC_PARTS, VEHICLE_PARTS } from '../model/tables';
import { isLabelKind, type ProfileKind } from './kinds';

/**
 * The sums that confirm a mapping: with the right kind and columns, a table adds up (合计 = the sum
 * of its 类 rows, 合计 = 基本支出 + 项目支出, 收入总计 = 支出总计). A wrong column or row key breaks
 * them, so the person confirming a suggestion sees at once whether it reads the table as it adds up.
 * Exact: amounts are integer fen.
 */
export interface SumCheck {
  /** What is compared, in Chinese (「合计 = 基本支出 + 项目支出」). */
  label: string;
  /** Rows (or columns) where it holds, and where it could be compared. */
  holds: number;
  of: number;
}

/** Column identities: the left column is the sum of the right ones, wherever they are printed. */
const COLUMN_SUMS: [string, string[], string][] = [
  ['total', ['basic', 'project', 'operating', 'remit_superior', 'subsidy_subordinate', 'reserve', 'carryforward'], '合计 = 基本支出 + 项目支出 + …'],
  ['total', ['personnel', 'public'], '合计 = 人员经费 + 公用经费'],
  ['total', ['current_subtotal', 'carryover'], '合计 = 本年收入小计 + 上年结转'],
  ['current_subtotal', ['fiscal', 'special_account', 'unit_funds', 'business', 'operating', 'superior', 'subordinate', 'other'], '本年收入小计 = 各项收入之和'],
  ['total', ['general', 'fund', 'soe'], '合计 = 一般公共预算 + 政府性基金 + 国有资本经营'],
];

export function sumChecks(kind: ProfileKind, figures: readonly Figure[]): SumCheck[] {
  const cell = new Map<string, bigint>();
  for (const f of figures) cell.set(`${f.rowCode}|${f.column}`, BigInt(f.amount));
  const get = (row: string, col: string) => cell.get(`${row}|${col}`);
  const rows = [...new Set(figures.map((f) => f.rowCode))];
  const columns = [...new Set(figures.map((f) => f.column))];
  const out: SumCheck[] = [];

  for (const [lhs, parts, label] of COLUMN_SUMS) {
    const present = parts.filter((p) => columns.includes(p));
    if (!columns.includes(lhs) || present.length < 2) continue;
    let holds = 0;
    let of = 0;
    for (const r of rows) {
      const total = get(r, lhs);
      if (total === undefined || present.every((p) => get(r, p) === undefined)) continue;
      of++;
      if (total === present.reduce((s, p) => s + (get(r, p) ?? 0n), 0n)) holds++;
    }
    if (of) out.push({ label, holds, of });
  }

  if (!isLabelKind(kind)) {
    // 合计 row = the sum of the 类 rows (three-digit codes), column by column.
    const classes = rows.filter((r) => /^\d{3}$/.test(r));
    let holds = 0;
    let of = 0;
    for (const c of columns) {
      const total = get('total', c);
      if (total === undefined || !classes.length) continue;
      of++;
      if (total === classes.reduce((s, r) => s + (get(r, c) ?? 0n), 0n)) holds++;
    }
    if (of) out.push({ label: '合计行 = 各类之和', holds, of });
    return out;
  }

  const rowSum = (label: string, total: string, parts: readonly string[]) => {
    for (const c of columns) {
      const t = get(total, c);
      const present = parts.filter((p) => get(p, c) !== undefined);
      if (t === undefined || present.length < 2) continue;
      out.push({ label: `${label}（${c}）`, holds: t === present.reduce((s, p) => s + get(p, c)!, 0n) ? 1 : 0, of: 1 });
    }
  };
  if (kind === 'summary' || kind === 'fiscal_summary') {
    rowSum('本年支出合计 = 各类支出之和', 'expense.current_total', rows.filter((r) => /^expense\.2\d{2}$/.test(r)));
    rowSum('本年支出合计 = 各经济分类支出之和', 'expense.current_total', rows.filter((r) => /^expense\.[35]\d{2}$/.test(r)));
    // The carryover, or where only its parts are printed (上年财政拨款结转 | 上年非财政拨款结转), those.
    const carried = rows.includes('income.carryover') ? ['income.carryover'] : CARRYOVER_PARTS;
    rowSum('收入总计 = 本年收入合计 + 上年结转', 'income.grand_total', ['income.current_total', 'income.surplus_used', ...carried]);
    const income = get('income.grand_total', 'amount');
    const expense = get('expense.grand_total', 'amount') ?? get('expense.grand_total', 'total');
    if (income !== undefined && expense !== undefined) out.push({ label: '收入总计 = 支出总计', holds: income === expense ? 1 : 0, of: 1 });
  }
  if (kind === 'three_public') {
    rowSum('“三公”经费 = 因公出国（境）费 + 公务用车 + 公务接待费', 'subtotal', THREE_PUBLIC_PARTS);
    rowSum('公务用车 = 购置费 + 运行维护费', 'vehicle', VEHICLE_PARTS);
  }
  return out;
}
