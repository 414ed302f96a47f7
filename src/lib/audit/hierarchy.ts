import type { Fen } from '../model/amount';
import { TABLE_NAMES, type TableKey } from '../model/keys';
import { place, rowWhere, type CheckContext } from './context';
import type { DocView, RowView } from './docView';
import { brokenRows, cellValue, CODED_TABLES, columnName } from './relations';
import { wan } from './tolerance';

interface Node {
  row: RowView;
  children: Node[];
}

/**
 * The tree the table prints: each coded row belongs to the nearest row above it with a shorter code
 * (类 3 digits, 款 5, 项 7; 经济分类 3 and 5), and 类 rows to the 合计 row. Print order, not the codes,
 * decides, because that is what the reader adds up; a child whose code does not start with its
 * parent's is then reported on its own (seed 004 prints 2080101 under 20808).
 */
export function printedTree(rows: readonly RowView[]): { root: Node | null; nodes: Node[] } {
  const total = rows.find((r) => r.code === 'total');
  const root: Node | null = total ? { row: total, children: [] } : null;
  const tops: Node[] = [];
  const stack: Node[] = [];
  const nodes: Node[] = [];
  for (const row of rows) {
    if (!/^\d+$/.test(row.code)) continue;
    const node: Node = { row, children: [] };
    nodes.push(node);
    while (stack.length && stack[stack.length - 1].row.code.length >= row.code.length) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else tops.push(node);
    stack.push(node);
  }
  if (root) root.children = tops;
  return { root, nodes };
}

/**
 * The tables added up here: the coded tables, and those of Jiangsu's twelve (财政拨款支出表 by 功能 and
 * by 经济科目) and the 机关运行经费表, coded as well (or named by their national names).
 */
const TREE_TABLES: readonly TableKey[] = [...CODED_TABLES, 'fiscal_expense', 'fiscal_basic_expense', 'operating_cost', 'general_economic'];

/** Check 4: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 in every coded table, column by column. */
export function checkHierarchy(ctx: CheckContext): void {
  const { view } = ctx;
  let any = false;
  for (const table of TREE_TABLES) {
    const state = view.state(table);
    if (state === 'empty') {
      any = true;
      continue;
    }
    if (state !== 'present') continue;
    any = true;
    const { root, nodes } = printedTree(view.rows(table));
    const broken = brokenRows(view, table);
    // First node printed with each code: misplaced() looks parents up by code, and a linear search
    // there made a long table with many misplaced rows quadratic.
    const byCode = new Map<string, Node>();
    for (const n of nodes) if (!byCode.has(n.row.code)) byCode.set(n.row.code, n);
    for (const node of nodes) {
      for (const child of node.children) {
        if (child.row.code.startsWith(node.row.code)) continue;
        ctx.comparisons++;
        misplaced(ctx, table, node, child, byCode);
      }
    }
    for (const parent of root ? [root, ...nodes] : nodes) {
      if (parent.children.length) checkNode(ctx, table, parent, broken);
    }
  }
  if (!any) {
    ctx.need(['expense'], '类款项汇总');
  }
}

/**
 * A child printed under a parent whose code it does not extend. The message gives its amount and what
 * its parent by code would then add up to, so the reader sees both sides of the mistake.
 */
function misplaced(ctx: CheckContext, table: TableKey, parent: Node, child: Node, nodesByCode: ReadonlyMap<string, Node>): void {
  const { view } = ctx;
  const col = child.row.cells.has('total') ? 'total' : [...child.row.cells.keys()][0];
  const amount = cellValue(view, table, child.row, col);
  const candidate = parent.row.code.length < child.row.code.length ? nodesByCode.get(child.row.code.slice(0, parent.row.code.length)) : undefined;
  const byCode = candidate !== parent ? candidate : undefined;
  let tail = '';
  if (byCode && col) {
    const own = cellValue(view, table, byCode.row, col);
    const sum = byCode.children.reduce((s, c) => s + (cellValue(view, table, c.row, col) ?? 0), 0) + (amount ?? 0);
    if (own !== null) tail = `；若按编码归入 ${byCode.row.code}「${byCode.row.name}」，其${columnName(table, col)} ${wan(own)} 与其下各项之和 ${wan(sum)} 不符`;
  }
  const where = rowWhere(table, child.row, col);
  ctx.report('error', where,
    `${place(where)}${columnName(table, col)} ${wan(amount)}，列在「${parent.row.code} ${parent.row.name}」之下，但编码不以 ${parent.row.code} 开头：科目归属有误${tail}。应有：下级科目编码以上级编码开头`,
    `${parent.row.code}…`, child.row.code);
}

function checkNode(ctx: CheckContext, table: TableKey, parent: Node, broken: Set<string>): void {
  const { view } = ctx;
  const columns = new Set<string>();
  for (const n of [parent, ...parent.children]) for (const c of n.row.cells.keys()) columns.add(c);
  const level = parent.row.code === 'total' ? '类' : parent.row.code.length === 3 ? '款' : '项';
  for (const column of columns) {
    // A column no coded row prints is a layout, not a gap: 决算 基本支出表 print 人员经费/公用经费 on
    // the 合计 row only.
    if (!codedColumns(view, table).has(column)) continue;
    const own = cellValue(view, table, parent.row, column);
    const parts = parent.children.map((c) => ({ label: c.row.code, fen: cellValue(view, table, c.row, column) }));
    const printed = parts.filter((p) => p.fen !== null);
    const sum = printed.reduce((s, p) => s + (p.fen as Fen), 0);
    if (own !== null && printed.length && own === sum) {
      ctx.comparisons++; // the common case, kept cheap: no message is built for a sum that holds
      continue;
    }
    // A figure the importer could not read is not blank: no judgement on this sum.
    if (ctx.anyUnread(table, [parent.row.code, ...parent.children.map((c) => c.row.code)], column)) continue;
    const name = columnName(table, column);
    const relation = `${parent.row.code === 'total' ? '合计' : parent.row.code} = 其下各${level}之和（${name}列）`;
    // A child whose own row does not add up makes any sum over it doubtful: the difference is reported
    // as a warning pointing at that row, not as a second error.
    const doubtful = parent.children.filter((c) => broken.has(c.row.code)).map((c) => c.row.code);
    const severity = doubtful.length ? 'warning' : 'error';
    const where = rowWhere(table, parent.row, column);
    if (own === null) {
      if (!printed.length || sum === 0) continue;
      ctx.comparisons++;
      ctx.report(severity, where, `${place(where)}${name}空白，而其下各${level}之和为 ${wan(sum)}。应有：${relation}${doubtNote(doubtful, table)}`, wan(sum), '空白');
      continue;
    }
    if (!printed.length) {
      if (own === 0) continue;
      ctx.comparisons++;
      ctx.report(severity, where, `${place(where)}${name} ${wan(own)}，而其下各${level}的${name}均空白。应有：${relation}${doubtNote(doubtful, table)}`, '空白', wan(own));
      continue;
    }
    const verdict = ctx.sum(where, name, own, parts.filter((p) => p.fen !== null).map((p) => ({ label: p.label, fen: p.fen })), relation, severity);
    if (verdict === 'error' && doubtful.length) ctx.findings[ctx.findings.length - 1].message += doubtNote(doubtful, table);
  }
}

function doubtNote(doubtful: readonly string[], table: TableKey): string {
  return doubtful.length ? `（${doubtful.join('、')} 行本身不平，差异可能由此而来，见${TABLE_NAMES[table]}的行内检查）` : '';
}

function codedColumns(view: DocView, table: TableKey): Set<string> {
  return view.memoize(`codedColumns|${table}`, () => {
    const out = new Set<string>();
    for (const r of view.rows(table)) if (r.code !== 'total') for (const c of r.cells.keys()) out.add(c);
    return out;
  });
}
