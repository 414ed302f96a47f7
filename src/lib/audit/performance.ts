import { printedAt, type CheckContext } from './context';
import { judgeStatedAt } from './precision';
import { judge, wan } from './tolerance';
import { parseStatedAmount } from '../ingest/amounts';

/**
 * The narrative's count of projects with performance targets, in the wordings offices use:
 * 「本部门共 6 个项目实行绩效目标管理」 (Jiangsu), 「编报绩效目标的项目（共）5 个」 (the national
 * 预算 template), 「实行绩效目标管理的项目 3 个」 (its 情况说明 since 2019), 「纳入绩效目标管理的项目…」,
 * 「编制绩效目标的项目…」 and 「12 个项目编制了绩效目标」.
 */
const COUNT = /共(\d+)个项目实行绩效目标管理|(?:实行|纳入)绩效目标管理的项目共?(\d+)个|编(?:报|制)了?绩效目标的项目共?(\d+)个|(\d+)个项目编(?:报|制)了?绩效目标/;

/**
 * What the same sentence says the projects come to: their funds (「涉及财政性资金合计 4481.3 万元」
 * 「涉及项目预算资金 3328.13 万元」), or only their 一般公共预算 part (「涉及一般公共预算当年财政拨款
 * 120.5 万元」), which the forms do not print apart: that amount is not compared.
 */
const MONEY = /涉及(?:(一般公共预算(?:当年)?财政拨款)(?:资金)?|(?:财政性|项目预算)?资金)(?:共|合计)?(-?\d[\d,]*(?:\.\d+)?)万元/;

interface Stated {
  count: number;
  /** The funds stated, as printed, or null where the sentence states none or only the 一般公共预算 part. */
  amount: string | null;
  quote: string;
}

function statedTargets(text: string): Stated | null {
  const c = COUNT.exec(text);
  if (!c) return null;
  const end = text.indexOf('。', c.index);
  const sentence = text.slice(c.index, end < 0 ? text.length : end);
  const m = MONEY.exec(sentence);
  return { count: Number(c[1] ?? c[2] ?? c[3] ?? c[4]), amount: m && !m[1] ? m[2] : null, quote: m ? sentence.slice(0, m.index + m[0].length) : c[0] };
}

/**
 * Check 15 (issue 13, item 8): the 绩效目标表. Each form's amount against its own 其中 lines
 * (财政拨款 + 其他资金, and 上年结转 where the national per-project form prints it), and the number and total of forms the narrative states against the forms
 * printed. The forms may be published in a separate file: with none printed, only the first part runs.
 */
export function checkPerformance(ctx: CheckContext): void {
  const { view } = ctx;
  const projects = view.doc.projects;
  for (const p of projects) {
    if (p.amount === null || p.fiscalAmount === null) continue;
    const parts = [{ label: '其中财政拨款', fen: p.fiscalAmount }];
    if (p.carryoverAmount !== undefined) parts.push({ label: '上年结转', fen: p.carryoverAmount });
    if (p.otherAmount !== null) parts.push({ label: '其他资金', fen: p.otherAmount });
    const relation = p.carryoverAmount !== undefined ? '项目资金 = 财政拨款 + 上年结转 + 其他资金' : '项目资金 = 财政拨款 + 其他资金';
    ctx.sum({ table: 'document', rowCode: '', rowName: p.name, ...printedAt(p.source), quote: p.name },
      `绩效目标表「${p.name}」项目资金`, p.amount, parts, relation);
  }
  let paragraph: { text: string; source: Parameters<typeof printedAt>[0] } | undefined;
  let stated: Stated | null = null;
  for (const x of view.doc.narrative?.paragraphs ?? []) if (!stated && (stated = statedTargets(x.text))) paragraph = x;
  if (!paragraph || !stated) {
    if (!projects.length) ctx.notRun.push('没有绩效目标表，说明中也没有所列项目数');
    return;
  }
  if (!projects.length) {
    ctx.notRun.push(`说明称共 ${stated.count} 个项目实行绩效目标管理，但本文件未附绩效目标表（可能另行公开）`);
    return;
  }
  const where = { table: 'document' as const, rowCode: '', ...printedAt(paragraph.source), quote: stated.quote };
  const count = stated.count;
  ctx.comparisons++;
  if (count !== projects.length) {
    ctx.report('warning', where, `说明称共 ${count} 个项目实行绩效目标管理，文档中印有 ${projects.length} 张绩效目标表。`, String(projects.length), String(count));
    return;
  }
  const printedAmount = stated.amount;
  if (printedAmount === null) return;
  const fen = parseStatedAmount(printedAmount, '万元');
  const printed = projects.filter((p) => p.amount !== null);
  if (fen === null || printed.length !== projects.length) return;
  const sum = printed.reduce((s, p) => s + p.amount!, 0);
  ctx.comparisons++;
  const dot = printedAmount.indexOf('.');
  const v = judgeStatedAt(fen, { decimals: dot < 0 ? 0 : printedAmount.length - dot - 1, unit: '万元' }, sum);
  const verdict = v === 'error' ? judge(fen, sum, projects.length) : v;
  if (verdict === 'ok') return;
  ctx.report(verdict, where, `说明称 ${count} 个项目涉及资金合计 ${printedAmount} 万元，而 ${projects.length} 张绩效目标表的项目资金之和为 ${wan(sum)}。应有：两者一致`, wan(sum), printedAmount);
}
