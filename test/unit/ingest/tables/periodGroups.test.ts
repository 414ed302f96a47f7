import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { generalGrouped, readText } from './variants';

/**
 * A header of periods over parts (上年预算数 | 本年预算数 over 合计 | 基本支出 | 项目支出 | 增减;
 * 2023年 and 2024年 each over 合计 | 基本 | 项目). Read before as the template's 合计 | 基本 | 项目 by
 * place: last year's budget became this year's 合计 and this year's 合计 its 基本支出; with both
 * years' parts, the repeated part words were taken for side-by-side panels and every row split in
 * two, reported unread. Now each column takes its period and its part: this year's parts their keys,
 * last year's 合计 `prior_year`, the change `change`; last year's parts are left, reported once each.
 * A 决算's 年初预算数 | 决算数 over 小计 | 基本 | 项目: the 小计 is each group's 合计, the budget's
 * `initial_budget`; a ratio column (决算数为预算数的%) is left, named as one.
 */
const general = (d: StoredDocument) => new Map(d.figures.filter((f) => f.table === 'general_expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('periods over parts in an expense table\'s header', () => {
  for (const layout of ['priorFirst', 'bothGroups', 'ownFirst', 'finalBudget'] as const) {
    it(layout, async () => {
      const v = generalGrouped(layout);
      const doc = await readText(v.text);
      expect(general(doc)).toEqual(v.expected);
      const left = doc.warnings.filter((w) => w.message.includes('未导入') || w.message.includes('无法'));
      expect(left.map((w) => w.message)).toEqual({
        priorFirst: [],
        ownFirst: [],
        bothGroups: ['「部门预算一般公共预算财政拨款支出表」「2023年预算数基本支出」一列不是本年度预算的数，未导入', '「部门预算一般公共预算财政拨款支出表」「2023年预算数项目支出」一列不是本年度预算的数，未导入'],
        finalBudget: [
          '「部门决算一般公共预算财政拨款支出表」「年初预算数基本支出」一列不是本年度决算的数，未导入', '「部门决算一般公共预算财政拨款支出表」「年初预算数项目支出」一列不是本年度决算的数，未导入',
          '「部门决算一般公共预算财政拨款支出表」「决算数为预算数的%」一列是百分比或比率，未导入',
        ],
      }[layout]);
      const findings = auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error');
      expect(findings).toEqual([]);
    });
  }
});
