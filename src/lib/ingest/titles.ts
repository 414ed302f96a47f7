import type { Scope, Stage, TableKey } from '../model/keys';
import { compact } from './normalize';

export interface TableTitle {
  table: TableKey;
  scope: Scope | null;
  stage: Stage;
  title: string;
}

/**
 * Title → table key, first match wins, so the more specific pattern comes first (a 财政拨款收支总表
 * is also a 收支总表; a 基本支出表 is also a 一般公共预算…支出表). The patterns accept both the national
 * titles and Shanghai's, 预算 and 决算, and the seeds' slips (「政府基金」 for 政府性基金).
 */
const TABLE_PATTERNS: [RegExp, TableKey][] = [
  [/三公/, 'three_public'],
  [/财政拨款收[入]?支(?:出)?(?:预算|决算)?总表/, 'fiscal_summary'],
  [/(?:收支|收入支出)(?:预算|决算)?总表/, 'summary'],
  [/一般公共预算.*基本支出/, 'basic_expense'],
  [/一般公共预算.*支出/, 'general_expense'],
  [/政府性?基金预算.*支出/, 'fund_expense'],
  [/国有资本经营预算.*支出/, 'soe_expense'],
  [/收入(?:预算|决算)?总?表$/, 'income'],
  [/支出(?:预算|决算)?总?表$/, 'expense'],
  [/政府采购(?:预算|决算)?(?:表|明细表)?$/, 'procurement'],
  [/固定资产占用情况表$/, 'assets'],
];

/**
 * A row is a title only when it holds one cell (a table of contents prints the page number beside the
 * title, and that must not open a table) and reads like a heading, not a sentence.
 */
export function singleText(cells: readonly string[]): string | null {
  let text: string | null = null;
  for (const c of cells) {
    if (!c) continue;
    if (text !== null) return null;
    text = c;
  }
  return text;
}

export function tableTitle(cells: readonly string[]): TableTitle | null {
  const text = singleText(cells);
  if (!text) return null;
  // A title ends in 表 or 政府采购…; without either (and without whitespace, which the match
  // removes first) the cell is no title. Most single cells are amounts, labels or sentences.
  if (!TITLE_HINT.test(text)) return null;
  // 「表1：」「附表三」 before the name and 「（续）」 after it on a continuation page are not the name.
  const t = compact(text)
    .replace(/^附?表[\d一二三四五六七八九十]{1,3}[：:、.．-]?/, '')
    .replace(/[（(]续表?[)）]$/, '');
  if (t.length > 40 || t.length < 5 || /[。，；：:]|\.{3}|…/.test(t)) return null;
  if (!/表$|政府采购(?:预算|决算)$/.test(t) || /绩效/.test(t)) return null;
  if (/^[一二三四五六七八九十\d]+[、.．]/.test(t)) return null;
  for (const [re, table] of TABLE_PATTERNS) {
    if (re.test(t)) {
      const scope: Scope | null = /^单位|单位(?:预算|决算)/.test(t) ? 'unit' : /^部门|部门(?:预算|决算)/.test(t) ? 'department' : null;
      return { table, scope, stage: /决算/.test(t) ? 'final' : 'budget', title: text };
    }
  }
  return null;
}

const TITLE_HINT = /表|政府采购|\s/;

/** 「3、2023 年天网设备维护费绩效目标表」 → the project part of the title, or null. */
export function projectTitle(cells: readonly string[]): string | null {
  const text = singleText(cells);
  // …绩效目标表 contains 表 whatever its spacing.
  if (!text || text.length > 200 || !text.includes('表')) return null;
  const t = text.trim();
  if (!/绩效目标表$/.test(compact(t)) || /整体绩效/.test(t)) return null;
  // 「详见单位的项目绩效目标表」 points elsewhere; it is a sentence, not a title.
  if (/^(?:详见|参见|见)/.test(t)) return null;
  if (/[。；]/.test(t)) return null;
  return t
    .replace(/^[（(]?\d{1,4}[)）]?[、.．]?\s*/, '')
    .replace(/\s*绩效目标表$/, '')
    .trim();
}

/** A narrative heading that ends a project list: 「六、政府采购预算情况」, 「第二部分 …」. */
export function isSectionHeading(cells: readonly string[]): boolean {
  const text = singleText(cells);
  if (!text || text.length > 60) return false;
  return /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+部分)/.test(compact(text));
}
