import { printedAt, type CheckContext } from './context';
import { judgeStatedAt } from './precision';
import { judge, wan } from './tolerance';
import { parseStatedAmount } from '../ingest/amounts';

/**
 * 「2018 年本部门共 6 个项目实行绩效目标管理，涉及财政性资金合计 4481.3 万元」, and the national
 * wording 「编报绩效目标的项目（共）5 个，涉及项目预算资金 3328.13 万元」.
 */
const STATED = /(?:共(\d+)个项目实行绩效目标管理|编报绩效目标的项目共?(\d+)个)[，,]?涉及(?:财政性|项目预算)?资金(?:合计)?(-?\d[\d,]*(?:\.\d+)?)万元/;

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
  const paragraph = (view.doc.narrative?.paragraphs ?? []).find((x) => STATED.test(x.text));
  if (!paragraph) {
    if (!projects.length) ctx.notRun.push('没有绩效目标表，说明中也没有所列项目数');
    return;
  }
  const found = STATED.exec(paragraph.text)!;
  const m = [found[0], found[1] ?? found[2], found[3]] as const;
  if (!projects.length) {
    ctx.notRun.push(`说明称共 ${m[1]} 个项目实行绩效目标管理，但本文件未附绩效目标表（可能另行公开）`);
    return;
  }
  const where = { table: 'document' as const, rowCode: '', ...printedAt(paragraph.source), quote: m[0] };
  const count = Number(m[1]);
  ctx.comparisons++;
  if (count !== projects.length) {
    ctx.report('warning', where, `说明称共 ${count} 个项目实行绩效目标管理，文档中印有 ${projects.length} 张绩效目标表。`, String(projects.length), String(count));
    return;
  }
  const stated = parseStatedAmount(m[2], '万元');
  const printed = projects.filter((p) => p.amount !== null);
  if (stated === null || printed.length !== projects.length) return;
  const sum = printed.reduce((s, p) => s + p.amount!, 0);
  ctx.comparisons++;
  const dot = m[2].indexOf('.');
  const v = judgeStatedAt(stated, { decimals: dot < 0 ? 0 : m[2].length - dot - 1, unit: '万元' }, sum);
  const verdict = v === 'error' ? judge(stated, sum, projects.length) : v;
  if (verdict === 'ok') return;
  ctx.report(verdict, where, `说明称 ${count} 个项目涉及资金合计 ${m[2]} 万元，而 ${projects.length} 张绩效目标表的项目资金之和为 ${wan(sum)}。应有：两者一致`, wan(sum), m[2]);
}
