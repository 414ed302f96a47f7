import type { CheckId, Finding } from '../../lib/audit/audit';
import { displayWan } from '../../lib/model/amount';
import { parseDecimal } from '../../lib/model/amount';

/**
 * One plain sentence per finding, for a reader who is not an accountant: what kind of problem it is
 * and how much it matters. The finding's own message gives the figures.
 */
const ERROR: Record<CheckId, string> = {
  balance: '收入与支出的总数，或总数与其组成部分，对不上。',
  cross_table: '同一个数字在两张表里印得不一样。',
  row_total: '表中一行的合计不等于各分项之和（或一边填了数、另一边空着）。',
  hierarchy: '上级科目的金额不等于下级科目之和，或科目放错了位置。',
  basic_expense: '基本支出的合计与人员经费、公用经费或其他表对不上。',
  income_row: '收入表中一行的合计不等于各项收入之和。',
  three_public: '“三公”经费的合计与其组成部分或文字说明对不上。',
  narrative: '情况说明里写的数字与表格里的数字不一致。',
  cross_document: '部门与所属单位、或本年与上年的文档之间，数字对不上。',
  completeness: '应公开的表缺失，或空表的说明与表的内容不符。',
  narrative_item: '情况说明逐项介绍支出科目时写的数字，与表格或与它自己的其他数字矛盾。',
  narrative_percent: '情况说明中的百分比，用它自己给出的金额重新计算后对不上。',
  narrative_text: '情况说明的文字有疏漏，需要人工看一眼。',
  names_codes: '同一个科目的名称或编码前后不一致，或编码不在国家科目表中。',
  performance: '绩效目标表的金额与其明细或与说明中的合计不一致。',
  procurement: '政府采购预算表的合计不等于各类别、各资金来源或各项目之和。',
};

export function explain(f: Finding): string {
  if (f.severity === 'rounding') return '差额很小，是四舍五入或截尾造成的，不算错误。';
  if (f.severity === 'warning') return `值得核对，但不一定是错误：${ERROR[f.check]}`;
  if (f.severity === 'not_run') return '这项检查没能执行，结果不代表通过。';
  return `这是矛盾：${ERROR[f.check]}`;
}

/**
 * A figure of a finding for display: an amount in 万元 with two decimals and thousands separators,
 * its exact value kept for the tooltip; anything else (「空白」「未能读取」, a percentage, a name) as is.
 */
export function shownAmount(text: string): { shown: string; exact: string; amount: boolean } {
  // Amounts come as FORMAT decimals (always with a decimal point, formatWan); a bare integer is a
  // count (「8 张」, 「37 个项目」) and must not be dressed as money.
  const fen = /^-?\d+\.\d+$/.test(text) ? parseDecimal(text) : null;
  if (fen === null) return { shown: text || '—', exact: text, amount: false };
  return { shown: displayWan(fen), exact: `${text} 万元`, amount: true };
}
