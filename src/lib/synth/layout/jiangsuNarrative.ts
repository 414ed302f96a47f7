import type { Fen } from '../../model/amount';
import { FACT_NAMES } from '../../model/keys';
import { stated } from '../narrative';
import { roundToWanCent, type LayoutFigure } from '../money';
import { classTotals } from '../jiangsuModel';
import { FUNCTION_NAMES } from '../catalog';
import { totals } from '../totals';
import type { JiangsuContext } from './jiangsuFrame';
import type { Block } from './sheet';

const ROW_NAMES: Record<string, string> = { ...FACT_NAMES, ...FUNCTION_NAMES, basic_change: '基本支出比上年增减', project_change: '项目支出比上年增减' };

/** A share as printed beside a figure (display only: never a figure). */
function percent(part: Fen, whole: Fen): string {
  return whole === 0 ? '0' : ((part * 100) / whole).toFixed(2);
}

/**
 * The 情况说明 of a Jiangsu 部门预算 (第三部分), with the sentences that misled the importer in real
 * documents: totals of one fund (「财政专户管理资金收入预算总计0万元」), a 类's amount right after
 * 「支出预算总计」, a change worded 「增加基本支出…万元」, and 会议费/培训费 beside the 三公 total.
 * Figures with a FORMAT (or importer) key are the facts it states; shares and the 预留's change
 * have none and are not figures.
 */
export function jiangsuStory(c: JiangsuContext): { blocks: Block[]; figures: LayoutFigure[] } {
  const { doc, x, jt } = c;
  const t = totals(doc);
  const figures: LayoutFigure[] = [];
  const fact = (rowCode: string, exact: Fen) => {
    const amount = roundToWanCent(exact);
    figures.push({ table: 'facts', rowCode, rowName: ROW_NAMES[rowCode] ?? rowCode, column: 'amount', amount });
    return stated(Math.abs(amount));
  };
  const dir = (v: Fen) => (v < 0 ? '减少' : '增加');
  const y = doc.year;
  const name = doc.unitName;
  const priorTotal = doc.prior.basic + doc.prior.project + jt.fund + jt.otherFunds;
  const change = jt.total - priorTotal;
  const basicChange = t.basic - doc.prior.basic;
  const projectChange = t.project - x.reserve - (doc.prior.project - x.priorReserve);
  const reserveChange = x.reserve - x.priorReserve;
  // Spending of all funds by 类, as the 收支预算总表 prints it.
  const classes = [...classTotals(doc, x)].sort(([a], [b]) => a.localeCompare(b));
  const paragraphs: Block[] = [
    { kind: 'heading', text: `第三部分 ${y} 年度部门预算情况说明` },
    { kind: 'heading', text: '一、收支预算总体情况说明' },
    { kind: 'para', text: `${name}${y}年度收入、支出预算总计${stated(jt.total)}万元，与上年相比收、支预算总计各${dir(change)}${fact('change_vs_prior', change)}万元，${change < 0 ? '下降' : '增长'}${percent(Math.abs(change), priorTotal)}%。主要原因是${dir(basicChange)}基本支出${fact('basic_change', basicChange)}万元、项目支出${dir(projectChange)}${fact('project_change', projectChange)}万元、单位预留机动经费${dir(reserveChange)}${stated(Math.abs(reserveChange))}万元。` },
    { kind: 'para', text: `（一）收入预算总计${fact('income_total', jt.total)}万元。包括：` },
    { kind: 'para', text: `1．财政拨款收入预算总计${stated(jt.fiscal)}万元。（1）一般公共预算收入预算${stated(jt.general)}万元；（2）政府性基金预算收入预算${stated(jt.fund)}万元。` },
    { kind: 'para', text: '2．财政专户管理资金收入预算总计0万元。' },
    { kind: 'para', text: `3．其他资金收入预算总计${stated(jt.otherFunds)}万元。` },
    { kind: 'para', text: `（二）支出预算总计${fact('expense_total', jt.total)}万元。包括：` },
    ...classes.map(([code, amount], i) => ({ kind: 'para' as const, text: `${i + 1}．${FUNCTION_NAMES[code].replace(/支出$/, '')}（类）支出${fact(code, amount)}万元，主要用于人员支出、日常公用支出和专项业务支出。` })),
    { kind: 'para', text: `此外，基本支出预算数为${fact('basic', jt.basic)}万元；项目支出预算数为${fact('project', jt.project)}万元；单位预留机动经费预算数为${stated(jt.reserve)}万元。` },
    { kind: 'heading', text: '二、财政拨款基本支出预算情况说明' },
    { kind: 'para', text: `${name}${y}年度财政拨款基本支出预算${stated(jt.basic)}万元，其中：` },
    { kind: 'para', text: `（一）人员经费${fact('personnel', t.personnel)}万元。主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、住房公积金。` },
    { kind: 'para', text: `（二）公用经费${fact('public', t.public)}万元。主要包括：办公费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费。` },
    { kind: 'heading', text: '三、一般公共预算“三公”经费、会议费、培训费支出预算情况说明' },
    { kind: 'para', text: `${name}${y}年度一般公共预算拨款安排的“三公”经费预算支出${fact('three_public_total', t.threePublic)}万元，其中因公出国（境）费占${percent(doc.threePublic.overseas, t.threePublic)}%，公务用车购置及运行维护费占${percent(t.vehicle, t.threePublic)}%，公务接待费占${percent(doc.threePublic.reception, t.threePublic)}%。会议费预算支出${stated(x.meeting)}万元，培训费预算支出${stated(x.training)}万元。` },
    { kind: 'heading', text: '四、一般公共预算机关运行经费支出预算情况说明' },
    { kind: 'para', text: `${y}年本部门一般公共预算机关运行经费预算支出${fact('operating_cost', t.public)}万元，主要用于办公费、邮电费、差旅费等日常运行支出。` },
    { kind: 'heading', text: '五、政府采购支出预算情况说明' },
    { kind: 'para', text: `${y}年度本部门政府采购预算总额${fact('procurement_total', jt.procurement)}万元，其中：货物类${stated(x.procurement.goods)}万元、工程类${stated(x.procurement.works)}万元、服务类${stated(x.procurement.services)}万元。` },
  ];
  return { blocks: paragraphs, figures };
}
