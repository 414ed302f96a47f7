import { checkBasicExpense } from './basicExpense';
import { checkCompleteness } from './completeness';
import type { CheckContext } from './context';
import { checkCrossDocument } from './crossDocument';
import { checkCrossTables } from './crossTable';
import type { DocView } from './docView';
import { checkHierarchy } from './hierarchy';
import { checkNames } from './names';
import { checkNarrative } from './narrative';
import { checkNarrativeItems } from './narrativeItems';
import { checkNarrativePercent } from './narrativePercent';
import { checkNarrativeText } from './narrativeText';
import { checkPerformance } from './performance';
import { checkProcurement } from './procurement';
import { checkIncomeRows, checkRowTotals } from './rowChecks';
import { checkBalance } from './statements';
import { checkThreePublic } from './threePublic';
import type { CheckId } from './types';

/**
 * Bump when a check changes what it finds: stored results of an older version are recomputed (the
 * database audits documents whose results are missing or older).
 */
export const AUDIT_VERSION = 16;

export interface CheckDef {
  id: CheckId;
  /** The check's number in the UI (1–10 as in issue 5, 11–15 from issue 13, 16 the 政府采购表). */
  no: number;
  name: string;
  description: string;
  run: (ctx: CheckContext, library: readonly DocView[]) => void;
}

/** Every check, in the order of issue 5. The UI, the CLI and the database read names from here. */
export const CHECKS: readonly CheckDef[] = [
  { id: 'balance', no: 1, name: '收支平衡', run: checkBalance,
    description: '收支总表与财政拨款收支总表：收入总计 = 支出总计；本年收入合计 + 上年结转 = 收入总计；本年支出合计 + 年终结转 = 支出总计；本年支出 = 各类支出之和；按用途列出时，本年支出 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费；本年收入 = 各项收入之和。' },
  { id: 'cross_table', no: 2, name: '表间一致', run: checkCrossTables,
    description: '收支总表各类支出 = 支出总表各类合计，收入合计与收入总表一致；财政拨款收支总表与一般公共预算财政拨款支出表一致。' },
  { id: 'row_total', no: 3, name: '支出表行合计', run: checkRowTotals,
    description: '支出总表与各财政拨款支出表每一行：合计 = 基本支出 + 项目支出（+ 其他列）。合计空白而分项有数，或合计有数而分项全空，均为错误。' },
  { id: 'hierarchy', no: 4, name: '类款项汇总', run: checkHierarchy,
    description: '每张按科目编码的表：合计 = 各类之和，类 = 其下各款之和，款 = 其下各项之和；编码不以上级编码开头的科目单独列出。' },
  { id: 'basic_expense', no: 5, name: '基本支出表', run: checkBasicExpense,
    description: '基本支出表每一行：合计 = 人员经费 + 公用经费；其合计 = 一般公共预算财政拨款支出表的基本支出。（类款汇总见第 4 项。）' },
  { id: 'income_row', no: 6, name: '收入表行合计', run: checkIncomeRows,
    description: '收入总表每一行：合计 = 本年收入小计 + 上年结转；本年收入小计 = 各项收入之和。' },
  { id: 'three_public', no: 7, name: '“三公”经费', run: checkThreePublic,
    description: '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车 = 购置 + 运行维护；情况说明中的三公合计 = 其所列各项，且 = 三公表。' },
  { id: 'narrative', no: 8, name: '说明与表', run: checkNarrative,
    description: '情况说明所述收入、支出总计，基本、人员、公用、项目支出，机关运行经费（表中有此项时），政府采购与固定资产总额与各表一致；所述比上年增减 = 基本支出与项目支出增减之和。' },
  { id: 'cross_document', no: 9, name: '跨文档', run: (ctx, lib) => checkCrossDocument(ctx, lib),
    description: '同时载入的文档之间：部门支出总计不小于所属单位之和，单位齐全时部门与单位说明一致；本年说明的比上年增减与上年已载入文档的差额一致。' },
  { id: 'completeness', no: 10, name: '公开完整性', run: checkCompleteness,
    description: '九张标准公开表均已公开：有数据，或无数据时以「空表列示」；空表说明与表相符（注明空表的表没有数字，说明提到的资金与表一致）。' },
  { id: 'narrative_item', no: 11, name: '说明逐项', run: (ctx, lib) => checkNarrativeItems(ctx, lib),
    description: '情况说明按功能分类科目逐项所述金额与表一致（按说明所写精度）；句中「预算安排」与标题一致；增减方向与数字一致；类的金额和增减 = 其下各项之和；部门与所属单位所述同一科目的执行数一致；说明印出科目编码时（「（210类）」），其名称与表中该编码的名称一致（提示）。' },
  { id: 'narrative_percent', no: 12, name: '说明百分比', run: checkNarrativePercent,
    description: '情况说明中的增长率、「占 X%」和「完成年初预算的 X%」按所述金额重算，按所印小数位比较；为凑足 100% 调整的占比、截尾的百分比记为尾差。' },
  { id: 'narrative_text', no: 13, name: '说明文字', run: checkNarrativeText,
    description: '情况说明的文字：残留模板用语（「主要原因是。」「增加（减少）」、空白金额）、重复标点与不成对引号、重复印出的段落、单位文档自称部门（或相反）、与本年或以后年度比较、原因与增减方向相反、为 0 的资金却说增加。均为提示。' },
  { id: 'names_codes', no: 14, name: '科目名称与编码', run: checkNames,
    description: '同一科目在说明与表中、在不同表中名称一致（全国科目改名会注明）；编码的类在全国功能分类、经济分类科目中；表标题中的单位名称与文档一致。均为提示。' },
  { id: 'performance', no: 15, name: '绩效目标表', run: checkPerformance,
    description: '每张绩效目标表的项目资金 = 其中财政拨款 + 上年结转（表中印有时）+ 其他资金；说明所述实行绩效目标管理（编报、编制、纳入绩效目标管理）的项目个数与资金合计与所附绩效目标表一致；说明只述其中一般公共预算当年财政拨款时，只比个数。' },
  { id: 'procurement', no: 16, name: '政府采购表', run: checkProcurement,
    description: '政府采购预算表：合计 = 货物 + 工程 + 服务（印有类别时）；每一行：合计 = 各资金来源之和；合计 = 各单位小计之和，没有小计时 = 各采购项目之和。' },
];

export const CHECK_BY_ID: Record<CheckId, CheckDef> = Object.fromEntries(CHECKS.map((c) => [c.id, c])) as Record<CheckId, CheckDef>;
