import type { Fen } from '../../model/amount';
import { CHINESE_ORDINALS } from '../catalog';
import { classTotals } from '../jiangsuModel';
import { frame, lbl, num, printer, type JiangsuContext, type JiangsuPart } from './jiangsuFrame';
import type { Cell } from './sheet';

/** The 类 a Jiangsu 收支预算总表 lists, in its order and wording (资源勘探信息等支出, not …工业信息等). */
const JIANGSU_CLASSES: readonly [string, string][] = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
  ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'],
  ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'], ['215', '资源勘探信息等支出'],
  ['216', '商业服务业等支出'], ['217', '金融支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'], ['224', '灾害防治及应急管理支出'], ['229', '其他支出'],
];

/**
 * 公开01表 收支预算总表 in three column groups: 收入 | 支出 by function | 支出 by purpose. Label columns
 * are narrow, so long labels wrap inside their cells and amounts sit on a label's last line.
 */
export function summaryTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'summary');
  const { jt } = c;
  const byClass = classTotals(c.doc, c.x);
  const income: [string, string, Fen][] = [
    ['一、财政拨款', 'income.fiscal', jt.fiscal], ['1.一般公共预算', 'income.general', jt.general], ['2.政府性基金预算', 'income.fund', jt.fund],
    ['二、财政专户管理资金', 'income.special_account', 0], ['三、其他资金', 'income.other_funds', jt.otherFunds],
  ];
  const purpose: [string, string, Fen][] = [['一、基本支出', 'expense.basic', jt.basic], ['二、项目支出', 'expense.project', jt.project], ['三、单位预留机动经费', 'expense.reserve', jt.reserve]];
  const pair = (line: [string, string, Fen] | undefined): Cell[] => (line ? [lbl(line[0]), num(p.cell(line[2], line[1], 'amount', line[0]))] : [lbl(''), num('')]);
  const body: Cell[][] = JIANGSU_CLASSES.map(([code, name], i) => {
    const label = `${CHINESE_ORDINALS[i]}、${name}`;
    return [...pair(income[i]), lbl(label), num(p.cell(byClass.get(code) ?? 0, `expense.${code}`, 'amount', label)), ...pair(purpose[i])];
  });
  const foot = (inLabel: string, inKey: string, inV: Fen, outLabel: string, outKey: string, outV: Fen): Cell[] => [
    lbl(inLabel), num(p.cell(inV, inKey, 'amount', inLabel)), lbl(outLabel, { colspan: 3 }), num(p.cell(outV, outKey, 'amount', outLabel)),
  ];
  body.push(
    foot('当年收入小计', 'income.current_total', jt.total, '当年支出小计', 'expense.current_total', jt.total),
    foot('上年结转资金', 'income.carryover', 0, '结转下年资金', 'expense.carryforward', 0),
    foot('收入合计', 'income.grand_total', jt.total, '支出合计', 'expense.grand_total', jt.total),
  );
  const header: Cell[][] = [
    [{ text: '收入', colspan: 2, rowspan: 2 }, { text: '支出', colspan: 4 }],
    [{ text: '功能分类', colspan: 2 }, { text: '支出用途', colspan: 2 }],
    ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'].map((text) => ({ text })),
  ];
  // Narrow label columns on A4 (labels wrap, as in Jiangsu's A4 documents); proportional on A3.
  const widths = c.narrowMeta ? ['17%', '13%', '20%', '13%', '24%', '13%'] : ['8.5em', null, '9em', null, '6.5em', null];
  return { table: { ...frame(c, 0), header, body, widths, valign: 'bottom' }, figures: p.figures };
}

/** 公开02表 收入预算总表, by source: each printed line is a column of row `total` (FORMAT.md). */
export function incomeTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'income');
  const { jt } = c;
  const v = (column: string, name: string, amount: Fen) => num(p.cell(amount, 'total', column, name));
  const group = (name: string, lines: [string, string, Fen][]): Cell[][] =>
    lines.map(([label, column, amount], i) => [...(i === 0 ? [lbl(name, lines.length > 1 ? { rowspan: lines.length } : {})] : []), lbl(label), v(column, label, amount)]);
  const body: Cell[][] = [
    [lbl('收入总计', { colspan: 2 }), v('total', '收入总计', jt.total)],
    ...group('一般公共预算资金', [['小计', 'general', jt.general], ['公共财政拨款（补助）资金', 'general_appropriation', jt.general], ['专项收入', 'general_special_revenue', 0]]),
    ...group('政府性基金', [['小计', 'fund', jt.fund]]),
    ...group('财政专户管理资金', [['小计', 'special_account', 0], ['专户管理教育收费', 'special_account_tuition', 0], ['其他非税收入', 'special_account_other', 0]]),
    ...group('其他资金', [['小计', 'other_funds', jt.otherFunds], ['事业收入', 'business', jt.otherFunds], ['经营收入', 'operating', 0], ['其他收入', 'other', 0], ['债务资金（银行贷款）', 'debt', 0]]),
    ...group('上年结转和结余资金', [['小计', 'carryover', 0], ['其中：动用上年结转和结余资金', 'carryover_used', 0]]),
  ];
  return { table: { ...frame(c, 1), header: [[{ text: '项目名称', colspan: 2 }, { text: '金额' }]], body }, figures: p.figures };
}

/** 公开03表 支出预算总表: one row. */
export function expenseTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'expense');
  const { jt } = c;
  const cols: [string, string, Fen][] = [['合计', 'total', jt.total], ['基本支出', 'basic', jt.basic], ['项目支出', 'project', jt.project], ['单位预留机动经费', 'reserve', jt.reserve], ['结转下年资金', 'carryforward', 0]];
  return {
    table: { ...frame(c, 2), header: [cols.map(([text]) => ({ text }))], body: [cols.map(([name, key, v]) => num(p.cell(v, 'total', key, name)))] },
    figures: p.figures,
  };
}

/** 公开04表 财政拨款收支预算总表: income by fund, expense by purpose. */
export function fiscalSummaryTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'fiscal_summary');
  const { jt } = c;
  const income: [string, string, Fen][] = [['一、一般公共预算', 'income.general', jt.general], ['二、政府性基金预算', 'income.fund', jt.fund]];
  const expense: [string, string, Fen][] = [['一、基本支出', 'expense.basic', jt.basic], ['二、项目支出', 'expense.project', jt.fiscalProject], ['三、单位预留机动经费', 'expense.reserve', jt.reserve]];
  const body: Cell[][] = expense.map(([label, key, v], i) => {
    const inc = income[i];
    return [lbl(inc?.[0] ?? ''), num(inc ? p.cell(inc[2], inc[1], 'amount', inc[0]) : ''), lbl(label), num(p.cell(v, key, 'total', label))];
  });
  body.push([lbl('收入合计'), num(p.cell(jt.fiscal, 'income.grand_total', 'amount', '收入合计')), lbl('支出合计'), num(p.cell(jt.fiscal, 'expense.grand_total', 'total', '支出合计'))]);
  const header: Cell[][] = [
    [{ text: '收入', colspan: 2, rowspan: 2 }, { text: '支出', colspan: 2 }],
    [{ text: '支出用途', colspan: 2 }],
    ['项目名称', '金额', '项目名称', '金额'].map((text) => ({ text })),
  ];
  return { table: { ...frame(c, 3), header, body }, figures: p.figures };
}
