import type { Fen } from '../../model/amount';
import type { SynthDocument } from '../model';
import { FigurePrinter, formatMoney, MONEY_LABEL, roundToWanCent, type LayoutFigure, type MoneyUnit } from '../money';
import { withoutCarryover } from '../precision';
import { economicRows, functionRows, totals } from '../totals';
import { classLines, codedHeader, splitCode } from './shanghaiParts';
import type { Block, Cell, SheetTable } from './sheet';
import { printTitle, type TitleStyle } from './titles';

/**
 * A Shanghai-like nine-table 部门预算: titles 「2025年部门财务收支预算总表」…, 编制部门 lines, 类/款/项
 * code columns, 合计 at the foot, amounts in 元 (or 万元), the 三公 table printed across in 万元 with
 * 机关运行经费, and the narrative (编制说明) before the tables. Nothing is paid from 上年结转.
 */
export interface ShanghaiOptions {
  unit: MoneyUnit;
  titles: TitleStyle;
}

type Part = { table: SheetTable; figures: LayoutFigure[] };
const num = (text: string): Cell => ({ text, num: true });
const txt = (text: string, colspan?: number): Cell => ({ text, label: true, ...(colspan ? { colspan } : {}) });

function furnish(doc: SynthDocument, o: ShanghaiOptions, base: string, index: number, unit = o.unit): Pick<SheetTable, 'prefix' | 'title' | 'meta'> {
  const t = printTitle(`${doc.year}年部门${base}`, index, o.titles, doc);
  return { prefix: t.prefix, title: t.lines, meta: [`编制部门：${doc.unitName}`, `单位：${MONEY_LABEL[unit]}`] };
}

function summary(doc: SynthDocument, o: ShanghaiOptions, withFund: boolean): Part {
  const p = new FigurePrinter(withFund ? 'fiscal_summary' : 'summary', { unit: o.unit });
  const t = totals(doc);
  const income: [string, string, Fen][] = withFund
    ? [['一、一般公共预算资金', 'income.general', t.total], ['二、政府性基金', 'income.fund', 0], ['三、国有资本经营预算', 'income.soe', 0]]
    : [['一、财政拨款收入', 'income.fiscal', t.total], ['1. 一般公共预算资金', 'income.general', t.total], ['2. 政府性基金', 'income.fund', 0],
        ['3. 国有资本经营预算', 'income.soe', 0], ['二、事业收入', 'income.business', 0], ['三、事业单位经营收入', 'income.operating', 0], ['四、其他收入', 'income.other', 0]];
  const classes = classLines(doc);
  const rows: Cell[][] = [];
  for (let i = 0; i < Math.max(income.length, classes.length); i++) {
    const [label, key, v] = income[i] ?? ['', '', 0];
    const cls = classes[i];
    const expense: Cell[] = !cls ? [txt(''), num('')]
      : withFund ? [txt(cls.label), num(p.cell(cls.amount, cls.key, 'total', cls.label)), num(p.cell(cls.amount, cls.key, 'general', cls.label)), num(''), num('')]
      : [txt(cls.label), num(p.cell(cls.amount, cls.key, 'amount', cls.label))];
    if (!cls && withFund) expense.push(num(''), num(''), num(''));
    rows.push([txt(label), num(key ? p.cell(v, key, 'amount', label) : ''), ...expense]);
  }
  const foot = withFund
    ? [txt('支出总计'), num(p.cell(t.total, 'expense.grand_total', 'total', '支出总计')), num(p.cell(t.total, 'expense.grand_total', 'general', '支出总计')), num(''), num('')]
    : [txt('支出总计'), num(p.cell(t.total, 'expense.grand_total', 'amount', '支出总计'))];
  rows.push([txt('收入总计'), num(p.cell(t.total, 'income.grand_total', 'amount', '收入总计')), ...foot]);
  const header: Cell[][] = withFund
    ? [[{ text: '财政拨款收入', colspan: 2 }, { text: '财政拨款支出', colspan: 5 }],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'].map((text) => ({ text }))]
    : [[{ text: '本年收入', colspan: 2 }, { text: '本年支出', colspan: 2 }], ['项目', '预算数', '项目', '预算数'].map((text) => ({ text }))];
  const base = withFund ? '财政拨款收支预算总表' : '财务收支预算总表';
  return { table: { ...furnish(doc, o, base, withFund ? 3 : 0), header, body: rows }, figures: p.figures };
}

function coded(doc: SynthDocument, o: ShanghaiOptions, table: 'income' | 'expense' | 'general_expense' | 'fund_expense' | 'soe_expense', index: number): Part {
  const p = new FigurePrinter(table, { unit: o.unit });
  const t = totals(doc);
  const empty = table === 'fund_expense' || table === 'soe_expense';
  const cols = table === 'income' ? ['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'] : ['合计', '基本支出', '项目支出'];
  const line = (code: string, name: string, basic: Fen, project: Fen): Cell[] => {
    const v = (amount: Fen, column: string) => num(p.cell(amount, code, column, name));
    return table === 'income'
      ? [v(basic + project, 'total'), v(basic + project, 'fiscal'), num(''), num(''), num('')]
      : [v(basic + project, 'total'), v(basic, 'basic'), v(project, 'project')];
  };
  const rows: Cell[][] = empty ? [] : functionRows(doc).map((r) => [...splitCode(r.code, [3, 2, 2]).map((c) => ({ text: c })), txt(r.name), ...line(r.code, r.name, r.basic, r.project)]);
  rows.push([{ text: '合计', colspan: 4 }, ...(empty ? cols.map(() => num('')) : line('total', '合计', t.basic, t.project))]);
  const base = { income: '收入预算总表', expense: '支出预算总表', general_expense: '一般公共预算支出功能分类预算表', fund_expense: '政府性基金预算支出功能分类预算表', soe_expense: '国有资本经营预算支出功能分类预算表' }[table];
  const header = codedHeader('功能分类科目编码', '功能分类科目名称', ['类', '款', '项'], table === 'income' ? '收入预算' : '支出预算', cols);
  return { table: { ...furnish(doc, o, base, index), header, body: rows }, figures: p.figures };
}

function basicExpense(doc: SynthDocument, o: ShanghaiOptions): Part {
  const p = new FigurePrinter('basic_expense', { unit: o.unit });
  const t = totals(doc);
  const line = (code: string, name: string, personnel: Fen, pub: Fen) => [
    num(p.cell(personnel + pub, code, 'total', name)), num(p.cell(personnel, code, 'personnel', name)), num(p.cell(pub, code, 'public', name)),
  ];
  const rows: Cell[][] = economicRows(doc).map((r) => [...splitCode(r.code, [3, 2]).map((c) => ({ text: c })), txt(r.name), ...line(r.code, r.name, r.personnel, r.public)]);
  rows.push([{ text: '合计', colspan: 3 }, ...line('total', '合计', t.personnel, t.public)]);
  const header = codedHeader('部门预算经济分类科目编码', '经济分类科目名称', ['类', '款'], '一般公共预算基本支出', ['合计', '人员经费', '公用经费']);
  return { table: { ...furnish(doc, o, '一般公共预算基本支出部门预算经济分类预算表', 7), header, body: rows }, figures: p.figures };
}

/** The 三公 table across, always in 万元; its 机关运行经费 is the 公用经费 to 0.01 万元. */
function threePublic(doc: SynthDocument, o: ShanghaiOptions): Part {
  const p = new FigurePrinter('three_public', { unit: 'wan' });
  const t = totals(doc);
  const tp = doc.threePublic;
  const cells: [string, string, Fen][] = [
    ['total', '合计', t.threePublic], ['overseas', '因公出国(境)费', tp.overseas], ['reception', '公务接待费', tp.reception],
    ['vehicle', '公务用车购置及运行费', t.vehicle], ['vehicle_purchase', '购置费', tp.vehiclePurchase], ['vehicle_operation', '运行费', tp.vehicleOperation],
    ['operating_cost', '机关运行经费', roundToWanCent(t.operatingCost)],
  ];
  const header: Cell[][] = [
    [{ text: '“三公”经费预算数', colspan: 6 }, { text: '机关运行经费预算数', rowspan: 3 }],
    [{ text: '合计', rowspan: 2 }, { text: '因公出国(境)费', rowspan: 2 }, { text: '公务接待费', rowspan: 2 }, { text: '公务用车购置及运行费', colspan: 3 }],
    [{ text: '小计' }, { text: '购置费' }, { text: '运行费' }],
  ];
  const body = [cells.map(([key, name, v]) => num(p.cell(v, key, 'total', name)))];
  return { table: { ...furnish(doc, o, '“三公”经费和机关运行经费预算表', 8, 'wan'), header, body }, figures: p.figures };
}

function story(doc: SynthDocument): { blocks: Block[]; figures: LayoutFigure[] } {
  const t = totals(doc);
  const figures: LayoutFigure[] = [];
  const fact = (rowCode: string, rowName: string, exact: Fen) => {
    const amount = roundToWanCent(exact);
    figures.push({ table: 'facts', rowCode, rowName, column: 'amount', amount });
    return formatMoney(Math.abs(amount), 'wan');
  };
  const y = doc.year;
  const change = t.total - doc.prior.basic - doc.prior.project;
  const text = [
    `${y}年，${doc.unitName}收入预算${fact('income_total', '收入总计', t.total)}万元，其中：财政拨款收入${formatMoney(roundToWanCent(t.total), 'wan')}万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。`,
    `支出预算${fact('expense_total', '支出总计', t.total)}万元，其中：财政拨款支出预算${formatMoney(roundToWanCent(t.total), 'wan')}万元，比${y - 1}年预算${change < 0 ? '减少' : '增加'}${fact('change_vs_prior', '比上年增减', change)}万元。`,
    `${y}年“三公”经费预算数为${fact('three_public_total', '“三公”经费', t.threePublic)}万元，比${y - 1}年预算减少${formatMoney(doc.threePublic.reception, 'wan')}万元。`,
    `${y}年机关运行经费预算数为${fact('operating_cost', '机关运行经费', t.operatingCost)}万元。`,
  ];
  return {
    blocks: [
      { kind: 'heading', text: `${doc.unitName}主要职能` },
      { kind: 'para', text: '本文件由 Budget Lens 的合成数据生成器产生，仅用于测试；单位名称和数字均为虚构。' },
      { kind: 'pageBreak' }, { kind: 'heading', text: `${y}年部门预算编制说明` }, ...text.map((p) => ({ kind: 'para' as const, text: p })),
    ],
    figures,
  };
}

export function shanghaiBlocks(source: SynthDocument, o: ShanghaiOptions): { blocks: Block[]; figures: LayoutFigure[] } {
  const doc = withoutCarryover(source);
  const parts = [
    summary(doc, o, false), coded(doc, o, 'income', 1), coded(doc, o, 'expense', 2), summary(doc, o, true), coded(doc, o, 'general_expense', 4),
    coded(doc, o, 'fund_expense', 5), coded(doc, o, 'soe_expense', 6), basicExpense(doc, o), threePublic(doc, o),
  ];
  const s = story(doc);
  const cover: Block = { kind: 'cover', lines: [`${doc.year}年${doc.unitName}`, '部门预算'] };
  return { blocks: [cover, ...s.blocks, ...parts.map((p) => ({ kind: 'table' as const, table: p.table }))], figures: [...s.figures, ...parts.flatMap((p) => p.figures)] };
}
