import { parseAmountCell } from '../amounts';
import { listsUnits } from './byUnit';
import { codeKind } from './kind';
import { labelText } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * A 收入预算总表 by source, not by function (Jiangsu): one amount column, rows in groups, each group
 * named in a left column that spans its rows and opening with its 「小计」:
 *
 *   收入总计                                 37,188.34
 *   一般公共预算资金 | 小计                    37,188.34
 *                  | 公共财政拨款（补助）资金   37,188.34
 *                  | 专项收入
 *   政府性基金       | 小计
 *   …
 * Everything goes on row `total`; the column is the source (FORMAT.md: general, general_appropriation,
 * …). A group's name may stand on any of its rows (it is centred), so a group is the stretch from one
 * 小计 to the next. Returns false for an income table classified by function (coded rows).
 */
const GROUPS: [RegExp, string][] = [
  [/一般公共预算/, 'general'],
  [/政府性?基金/, 'fund'],
  [/财政专户/, 'special_account'],
  [/^其他资金/, 'other_funds'],
  [/上年结转/, 'carryover'],
];

const ITEMS: [RegExp, string][] = [
  [/^收入总计$|^总计$|^合计$/, 'total'],
  [/公共财政拨款|财政拨款(?:（补助）|\(补助\))?资金/, 'general_appropriation'],
  [/^专项收入$/, 'general_special_revenue'],
  [/教育收费/, 'special_account_tuition'],
  [/其他非税收入/, 'special_account_other'],
  [/^事业收入$/, 'business'],
  [/^(?:事业单位)?经营收入$/, 'operating'],
  [/^其他收入$/, 'other'],
  [/^债务(?:资金|收入)/, 'debt'],
  [/动用/, 'carryover_used'],
];

export function readIncomeBySource(t: MappedTable, sink: FigureSink): boolean {
  // Choosing the table's kind read its codes already (prepare.ts): they are not read again.
  if ((t.codes ?? codeKind(t.body)) !== 'none' || listsUnits(t.body)) return false;
  const texts = t.body.map((r) => r.cells.map((c) => labelText(c)));
  const subtotals = texts.filter((cells) => cells.includes('小计')).length;
  if (subtotals < 2 && !texts.some((cells) => cells.some((c) => /^收入总计$/.test(c)))) return false;

  type Line = { item: string | null; group: string | null; label: string; amount: string; line: number };
  const lines: Line[] = t.body.map((row, r) => {
    let item: string | null = null;
    let group: string | null = null;
    let label = '';
    let amount = '';
    let line = row.line;
    row.cells.forEach((cell, i) => {
      const c = texts[r][i];
      if (!c) return;
      const value = parseAmountCell(cell, t.fenPerUnit);
      if (/\d/.test(cell) && value.kind !== 'blank' && !/[\u4e00-\u9fff]/.test(cell)) {
        amount = cell;
        line = row.lines[i];
        return;
      }
      const k = c === '小计' ? 'subtotal' : ITEMS.find(([re]) => re.test(c))?.[1];
      const g = k ? undefined : GROUPS.find(([re]) => re.test(c))?.[1];
      if (k) {
        item = k;
        label = cell;
      } else if (g) {
        group = g;
        label ||= cell;
      } else if (!item) {
        label = cell;
      }
    });
    return { item, group, label, amount, line };
  });

  // Groups: each 小计 opens one; the group's name is on one of its rows.
  let group: { key: string | null; rows: Line[] } | null = null;
  const groups: { key: string | null; rows: Line[] }[] = [];
  for (const l of lines) {
    if (l.item === 'subtotal' || (l.group && !group)) {
      group = { key: null, rows: [] };
      groups.push(group);
    }
    if (group) {
      group.rows.push(l);
      if (l.group && !group.key) group.key = l.group;
    }
  }
  const used = new Set(groups.map((g) => g.key).filter(Boolean));
  const order = GROUPS.map(([, k]) => k).filter((k) => !used.has(k));
  for (const g of groups) g.key ??= order.shift() ?? null;
  const groupOf = new Map<Line, string | null>();
  for (const g of groups) for (const l of g.rows) groupOf.set(l, g.key);

  for (const l of lines) {
    if (!l.amount) continue;
    let column = l.item === 'subtotal' ? (groupOf.get(l) ?? null) : l.item;
    // A group printed on one row, without 小计 (「上年结转和结余资金 | 5.00」).
    if (!column && l.group) column = l.group;
    if (!column) {
      sink.warn(`${t.where}的行「${l.label || '（无名称）'}」不是已知的收入来源，其金额未导入`, l.line, { kind: 'unread_row' });
      continue;
    }
    sink.addCell(t.table, 'total', l.label || column, column, l.amount, l.line, t.fenPerUnit, t.where);
  }
  return true;
}
