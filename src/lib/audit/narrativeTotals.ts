import type { Statement } from '../model/narrative';
import type { CheckContext } from './context';
import { narrativeStatements, printed, statementWhere } from './narrativeStatements';
import { judgeStatedAt, unitOf } from './precision';
import { wan } from './tolerance';

/**
 * The narrative's statements about the totals of the budget and its funds (part of check 8):
 *  - a fund's income and its expense, stated with the same amount, must change by the same amount
 *    (「财政拨款收入 37,151.47 万元，比2024年预算执行数增加24,558.18万元」 against 「财政拨款支出预算
 *    37,151.47万元，比2024年预算增加24,491.71万元」);
 *  - a 财政拨款 收支总计 stated against the 财政拨款收支总表's 总计.
 */
export function checkNarrativeTotals(ctx: CheckContext): void {
  const totals = narrativeStatements(ctx.view).filter((s) => s.level === 'total' && s.amount);
  incomeAgainstExpense(ctx, totals);
  fiscalTotal(ctx, totals);
}

function incomeAgainstExpense(ctx: CheckContext, totals: readonly Statement[]): void {
  const reported = new Set<string>();
  for (const inc of totals.filter((s) => s.key.endsWith('.income') && s.change)) {
    const fund = inc.key.split('.')[0];
    const exp = totals.find((s) => s.key === `${fund}.expense` && s.change && s.amount!.fen === inc.amount!.fen);
    if (!exp || reported.has(fund)) continue;
    ctx.comparisons++;
    const v = judgeStatedAt(inc.change!.fen, { decimals: Math.min(inc.change!.decimals, exp.change!.decimals), unit: '万元' }, exp.change!.fen);
    if (v === 'ok') continue;
    reported.add(fund);
    const tol = Math.max(unitOf(inc.change!), unitOf(exp.change!));
    const severity = Math.abs(inc.change!.fen - exp.change!.fen) <= tol ? 'rounding' : 'error';
    const bases = inc.baseLabel && exp.baseLabel && inc.baseLabel !== exp.baseLabel ? `（两处的比较基数也不同：「${inc.baseLabel}」与「${exp.baseLabel}」）` : '';
    ctx.report(severity, { ...statementWhere(exp, 'change_vs_prior'), quote: `${inc.sentence} …… ${exp.sentence}` },
      `说明中「${inc.subject}」与「${exp.subject}」同为 ${printed(inc.amount!)}，收入说比上年${inc.direction} ${printed(inc.change!, true)}，支出却说${exp.direction} ${printed(exp.change!, true)}${bases}。应有：同一笔资金的收入与支出增减一致`,
      wan(inc.change!.fen), wan(exp.change!.fen));
  }
}

function fiscalTotal(ctx: CheckContext, totals: readonly Statement[]): void {
  const { view } = ctx;
  const table = view.amount('fiscal_summary', 'income.grand_total', 'amount') ?? view.amount('fiscal_summary', 'expense.grand_total', 'total');
  for (const st of totals.filter((s) => s.key === 'fiscal.both' && /总计|总预算|合计/.test(s.subject))) {
    if (view.state('fiscal_summary') !== 'present') {
      ctx.notRun.push(`说明中的「${st.subject}」未与财政拨款收支总表核对：该表${view.state('fiscal_summary') === 'unreadable' ? '未能读取' : '缺失'}`);
      continue;
    }
    if (table === null) continue;
    ctx.comparisons++;
    const v = judgeStatedAt(st.amount!.fen, st.amount!, table);
    if (v === 'ok') continue;
    ctx.report(v, { ...statementWhere(st, 'income.grand_total'), table: 'fiscal_summary' },
      `说明中「${st.subject}」为 ${printed(st.amount!)}，而财政拨款收支总表的收入总计为 ${wan(table)}（相差 ${wan(st.amount!.fen - table)}）。应有：说明与表一致`, wan(table), st.amount!.text);
  }
}
