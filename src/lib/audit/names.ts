import { knownNames, nameSimilarity, sameName, unknownClass, RENAMINGS, normalizeName } from '../model/classification';
import { TABLE_NAMES, type TableKey } from '../model/keys';
import { ECONOMIC_TABLES } from '../model/economicTables';
import { lineOf, printedAt, type CheckContext } from './context';
import type { RowView } from './docView';
import { itemLabel, narrativeStatements, statementWhere } from './narrativeStatements';

const FUNCTION_TABLES: readonly TableKey[] = ['income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'fiscal_expense'];

/**
 * Check 14 (issue 13, item 6): names and codes. A 类/款/项 named differently in the narrative and a
 * table, or in two tables (a national renaming such as 医疗卫生与计划生育 → 卫生健康 is said to be
 * one); a code whose 类 is not in the national classification (src/lib/model/classification.ts);
 * the unit's name differing between the tables' titles and the document. Warnings: a name is
 * wording, not a figure.
 */
export function checkNames(ctx: CheckContext): void {
  const { view } = ctx;
  // The first name each code is printed with, and the first other name it is printed with elsewhere.
  const byCode = new Map<string, { name: string; table: TableKey; row: RowView }>();
  const differs = new Map<string, { name: string; table: TableKey; row: RowView }>();
  for (const table of [...FUNCTION_TABLES, ...ECONOMIC_TABLES]) {
    const kind = ECONOMIC_TABLES.includes(table) ? 'economic' : 'function';
    for (const row of view.rows(table)) {
      if (!/^\d{3,7}$/.test(row.code)) continue;
      ctx.comparisons++;
      const odd = unknownClass(row.code, kind);
      if (odd) {
        ctx.report('warning', { table, rowCode: row.code, rowName: row.name, ...lineOf(row) },
          `${TABLE_NAMES[table]} ${row.code}「${row.name}」：编码的类 ${row.code.slice(0, 3)} 不在全国${odd === 'economic' ? '经济' : '功能'}分类科目中，可能是编码印错。`, '', row.code);
      }
      if (!row.name) continue;
      const first = byCode.get(row.code);
      if (!first) byCode.set(row.code, { name: row.name, table, row });
      else if (!differs.has(row.code) && !sameName(row.name, first.name)) differs.set(row.code, { name: row.name, table, row });
    }
  }
  for (const [code, other] of differs) {
    const first = byCode.get(code)!;
    ctx.report('warning', { table: other.table, rowCode: code, rowName: other.name, ...lineOf(other.row) },
      `科目 ${code} 在${TABLE_NAMES[first.table]}中叫「${first.name}」，在${TABLE_NAMES[other.table]}中叫「${other.name}」。${renamingNote(code, first.name, other.name)}`, first.name, other.name);
  }
  const seen = new Set<string>();
  for (const st of narrativeStatements(view)) {
    if (st.level === 'total' || !st.key || !st.path) continue;
    const printed = st.path[st.level === 'class' ? 0 : st.level === 'kind' ? 1 : 2];
    const table = byCode.get(st.key);
    if (!printed || !table || seen.has(st.key)) continue;
    seen.add(st.key);
    ctx.comparisons++;
    if (normalizeName(printed) === normalizeName(table.name)) continue;
    ctx.report('warning', statementWhere(st),
      `说明中${itemLabel(st)}写作「${printed}」，${TABLE_NAMES[table.table]}中叫「${table.name}」。${renamingNote(st.key, printed, table.name)}`, table.name, printed);
  }
  unitNames(ctx);
  checkListedItems(ctx);
}

const ORG_SUFFIX = /(?:局|委员会|委|院|厅|办公室|办|部|会|室|中心|所|站|处|队|馆|学校|校|府|署|社|团|园|公司)$/;

function renamingNote(code: string, a: string, b: string): string {
  const r = RENAMINGS.find(([c]) => c === code);
  if (r && sameName(a, b, code)) return `这是全国科目的改名（${r[1]} → ${r[2]}），同一份文档应统一用当年的名称。`;
  return knownNames(code).length ? `全国科目表中为「${knownNames(code)[0]}」。` : '';
}

/** 「2018 年度江苏省高级人民法院收支预算总表」: a title that names another unit than the document's. */
function unitNames(ctx: CheckContext): void {
  const { view } = ctx;
  const unit = normalizeName(view.doc.meta.unitName);
  if (!unit) return;
  for (const t of view.doc.tables) {
    const m = /^(?:[一二三四五六七八九十]+、)?\s*\d{4}\s*年度?\s*(.{4,40}?)(?:部门|单位)?(?:收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|“三公”|三公|政府采购|机关运行)/.exec(t.title);
    if (!m) continue;
    const named = normalizeName(m[1]);
    // Only a name that reads as a body's name: 「…法院」「…委员会」, not 「部门财务」 or 「预算单位」.
    if (/^(?:部门|单位|预算)/.test(named) || !ORG_SUFFIX.test(named)) continue;
    ctx.comparisons++;
    if (named.includes(unit) || unit.includes(named)) continue;
    ctx.report('warning', { table: t.table, rowCode: '', ...printedAt(t.source) },
      `表「${t.title}」标题中的单位名称「${m[1]}」与文档的单位「${view.doc.meta.unitName}」不同。`, view.doc.meta.unitName, m[1]);
  }
}

const LISTS: [RegExp, 'personnel' | 'public'][] = [
  [/人员经费[^。]{0,30}?主要包括[：:]([^。；;]+)[。；;]/, 'personnel'],
  [/公用经费[^。]{0,30}?主要包括[：:]([^。；;]+)[。；;]/, 'public'],
];

/**
 * 「人员经费…主要包括：基本工资、…、个人农业生产补贴」: a list written in the classification's words
 * names 经济分类 款; one that the 基本支出表 does not print (or prints blank) is worth a look. Lists
 * in free wording (「在职人员工资」) are left alone: most of their items match no 款 by design.
 */
export function checkListedItems(ctx: CheckContext): void {
  const { view } = ctx;
  const table: TableKey = view.rows('basic_expense').some((r) => r.name) ? 'basic_expense' : 'fiscal_basic_expense';
  const rows = view.rows(table).filter((r) => r.name && /^\d{5}$/.test(r.code));
  if (!rows.length) return;
  for (const p of view.doc.narrative?.paragraphs ?? []) {
    for (const [re, key] of LISTS) {
      const m = re.exec(p.text);
      if (!m) continue;
      const names = m[1].split(/[、，,；;]/).map((n) => n.replace(/等$/, '').trim()).filter((n) => n.length >= 2);
      const matched = names.map((n) => rows.find((r) => nameSimilarity(r.name, n) >= 0.8));
      if (names.length < 3 || matched.filter(Boolean).length < names.length * 0.6) continue;
      names.forEach((n, i) => {
        ctx.comparisons++;
        const row = matched[i];
        const printed = row && [...row.cells.values()].some((f) => f.amount !== 0);
        if (printed) return;
        ctx.report('warning', { table: 'facts', rowCode: key, rowName: n, ...printedAt(p.source), quote: m[0] },
          `说明把「${n}」列为${key === 'personnel' ? '人员经费' : '公用经费'}的内容，但${TABLE_NAMES[table]}中${row ? `「${row.code} ${row.name}」没有数额` : '没有这一科目的数额'}。`, '', n);
      });
    }
  }
}
