import { ECONOMIC_CLASSES } from '../../model/classification';
import { compact } from '../normalize';
import { classCodeByName, economicForm, labelText } from './labels';

/**
 * A 收支总表 whose expense side prints its spending by more than one classification, each in a label
 * column of its own (西安's 部门综合预算: 支出功能分类 | 部门预算支出经济分类 | 政府预算支出经济分类, side by
 * side). Names shared between the lists (「对个人和家庭的补助」 is 303 and 509, 「其他支出」 229, 399 and 599,
 * 「债务还本支出」 231 and 512) were keyed the first list's way whatever column they stood in, and a
 * column's row then stood for another column's (「重复出现且金额不同」). Each column's list is the one its
 * unshared names belong to, and its shared names are keyed in that list.
 */
export interface ColumnKeyed {
  item: { col: number; label: string };
  key: string | null;
  expense: boolean;
}

type List = '2' | '3' | '5';

export function keyByColumnList(keyed: readonly ColumnKeyed[]): void {
  const byCol = new Map<number, ColumnKeyed[]>();
  for (const k of keyed) {
    if (!k.expense || k.key === null || !/^expense\.[235]\d\d$/.test(k.key)) continue;
    let list = byCol.get(k.item.col);
    if (!list) byCol.set(k.item.col, (list = []));
    list.push(k);
  }
  // Only a side of two lists or more: a side of one list keeps the table-wide reading (summary.ts).
  const lists = new Map<number, List>();
  for (const [col, ks] of byCol) {
    const list = columnList(ks);
    if (list) lists.set(col, list);
  }
  if (new Set(lists.values()).size < 2) return;
  for (const [col, list] of lists) {
    for (const k of byCol.get(col)!) {
      const code = codeIn(list, labelText(k.item.label));
      if (code) k.key = `expense.${code}`;
    }
  }
}

/** The list whose names alone (names no other list has) a column holds most of; null on a tie or none. */
function columnList(ks: readonly ColumnKeyed[]): List | null {
  const count = { '2': 0, '3': 0, '5': 0 };
  for (const k of ks) {
    const name = labelText(k.item.label);
    const in_ = (['2', '3', '5'] as const).filter((l) => codeIn(l, name) !== undefined);
    if (in_.length === 1) count[in_[0]]++;
  }
  const ranked = (['2', '3', '5'] as const).slice().sort((a, b) => count[b] - count[a]);
  return count[ranked[0]] > count[ranked[1]] ? ranked[0] : null;
}

const ECONOMIC_BY_LIST = { '3': new Map<string, string>(), '5': new Map<string, string>() };
for (const [code, name] of Object.entries(ECONOMIC_CLASSES)) ECONOMIC_BY_LIST[code[0] as '3' | '5'].set(compact(name), code);

function codeIn(list: List, name: string): string | undefined {
  return list === '2' ? classCodeByName(name, false) : ECONOMIC_BY_LIST[list].get(economicForm(name));
}

/**
 * The same 部门预算经济分类 printed under each purpose in one column (西安: 「1、人员经费和公用经费支出」 over
 * its 工资福利支出, 商品和服务支出…, then 「2、专项业务经费支出」 over its own): each row is that class's
 * 基本支出 or 项目支出, not the class's whole, and is kept in that column (FORMAT: basic, project). Only
 * where a class is printed under both: a class under a lone 基本支出 is read as before.
 */
export function purposeParts(keyed: readonly ColumnKeyed[]): Map<ColumnKeyed, 'basic' | 'project'> {
  const out = new Map<ColumnKeyed, 'basic' | 'project'>();
  const byCol = new Map<number, [ColumnKeyed, 'basic' | 'project'][]>();
  const current = new Map<number, 'basic' | 'project' | null>();
  for (const k of keyed) {
    if (!k.expense || k.key === null) continue;
    const col = k.item.col;
    if (k.key === 'expense.basic' || k.key === 'expense.project') current.set(col, k.key === 'expense.basic' ? 'basic' : 'project');
    else if (/^expense\.3\d\d$/.test(k.key) && current.get(col)) {
      let list = byCol.get(col);
      if (!list) byCol.set(col, (list = []));
      list.push([k, current.get(col)!]);
    } else current.set(col, null);
  }
  for (const list of byCol.values()) {
    const basic = new Set(list.filter(([, p]) => p === 'basic').map(([k]) => k.key));
    if (!list.some(([k, p]) => p === 'project' && basic.has(k.key))) continue;
    for (const [k, p] of list) out.set(k, p);
  }
  return out;
}
