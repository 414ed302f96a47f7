import type { Fen } from '../model/amount';
import { formatWan } from '../model/amount';
import type { TableKey } from '../model/keys';
import { CHINESE_ORDINALS, SUMMARY_CLASSES } from './catalog';
import type { SynthDocument } from './model';
import { economicRows, functionRows, totals } from './totals';

/** A figure the document prints, as the importer should read it back (FORMAT keys). */
export interface ExpectedFigure {
  table: TableKey;
  rowCode: string;
  column: string;
  amount: Fen;
}

/** A table as printed: title, header rows (the seeds' wording), body rows of cells, or the 「空表列示」 note. */
export interface TableSpec {
  table: TableKey;
  title: string;
  header: string[][];
  rows: string[][];
  emptyNote?: string;
}

/** Records each printed amount as an expected figure; a zero prints as a blank cell and gives none. */
class Printer {
  readonly figures: ExpectedFigure[] = [];
  constructor(private table: TableKey) {}
  cell(amount: Fen, rowCode: string, column: string): string {
    if (amount === 0) return '';
    this.figures.push({ table: this.table, rowCode, column, amount });
    return formatWan(amount);
  }
}

const FUNCTION_HEADER = (total: string) => [
  ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'].concat(total === 'expense' ? ['经营支出', '上解上级支出', '对附属单位补助支出'] : []),
  ['', '科目编码', '科目名称', '', '', ''].concat(total === 'expense' ? ['', '', ''] : []),
  ['栏次', '1', '2', '3', '4', '5'].concat(total === 'expense' ? ['6', '7', '8'] : []),
];

function expenseTable(doc: SynthDocument, table: 'expense' | 'general_expense', title: string): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer(table);
  const t = totals(doc);
  const extra = table === 'expense' ? ['', '', ''] : [];
  const rows: string[][] = [['1', '', '合计', p.cell(t.total, 'total', 'total'), p.cell(t.basic, 'total', 'basic'), p.cell(t.project, 'total', 'project'), ...extra]];
  for (const r of functionRows(doc)) {
    rows.push([String(rows.length + 1), r.code, r.name, p.cell(r.basic + r.project, r.code, 'total'), p.cell(r.basic, r.code, 'basic'), p.cell(r.project, r.code, 'project'), ...extra]);
  }
  return { spec: { table, title, header: FUNCTION_HEADER(table), rows }, figures: p.figures };
}

function incomeTable(doc: SynthDocument): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer('income');
  const t = totals(doc);
  const line = (n: number, code: string, name: string, key: string, total: Fen, carry: Fen) => [
    String(n), code, name, p.cell(total, key, 'total'), p.cell(total - carry, key, 'current_subtotal'), p.cell(total - carry, key, 'fiscal'),
    '', '', '', '', '', '', p.cell(carry, key, 'carryover'),
  ];
  const rows = [line(1, '', '合计', 'total', t.total, t.carryover)];
  for (const r of functionRows(doc)) rows.push(line(rows.length + 1, r.code, r.name, r.code, r.basic + r.project, r.carryover));
  return {
    spec: {
      table: 'income', title: '部门预算收入总表', rows,
      header: [
        ['序号', '功能分类科目', '', '合计', '本年收入', '', '', '', '', '', '', '', '上年结转'],
        ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', ''],
        ['栏次', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
      ],
    },
    figures: p.figures,
  };
}

const SUMMARY_INCOME = ['一般公共预算拨款收入', '政府性基金预算拨款收入', '国有资本经营预算拨款收入', '财政专户管理资金收入', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入'];

function summaryTable(doc: SynthDocument): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer('summary');
  const t = totals(doc);
  const byClass = new Map(functionRows(doc).filter((r) => r.code.length === 3).map((r) => [r.code, r.basic + r.project]));
  const rows = SUMMARY_CLASSES.map(([code, name], i) => [
    String(i + 1),
    i < SUMMARY_INCOME.length ? `${CHINESE_ORDINALS[i]}、${SUMMARY_INCOME[i]}` : '',
    i === 0 ? p.cell(t.fiscal, 'income.general', 'amount') : '',
    `${CHINESE_ORDINALS[i]}、${name}`,
    p.cell(byClass.get(code) ?? 0, `expense.${code}`, 'amount'),
  ]);
  const n = rows.length;
  rows.push(
    [String(n + 1), '本年收入合计', p.cell(t.fiscal, 'income.current_total', 'amount'), '本年支出合计', p.cell(t.total, 'expense.current_total', 'amount')],
    [String(n + 2), '上年结转结余', p.cell(t.carryover, 'income.carryover', 'amount'), '年终结转结余', ''],
    [String(n + 3), '收入总计', p.cell(t.total, 'income.grand_total', 'amount'), '支出总计', p.cell(t.total, 'expense.grand_total', 'amount')],
  );
  return {
    spec: {
      table: 'summary', title: '部门预算收支总表', rows,
      header: [['序号', '收入', '', '支出', ''], ['', '项目', '预算数', '项目', '预算数'], ['栏次', '1', '2', '3', '4']],
    },
    figures: p.figures,
  };
}

function fiscalSummaryTable(doc: SynthDocument): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer('fiscal_summary');
  const t = totals(doc);
  const byClass = new Map(functionRows(doc).filter((r) => r.code.length === 3).map((r) => [r.code, r.basic + r.project]));
  const income = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'];
  const rows = SUMMARY_CLASSES.map(([code, name], i) => {
    const v = byClass.get(code) ?? 0;
    return [
      String(i + 1),
      i < 3 ? `${CHINESE_ORDINALS[i]}、${income[i]}` : '',
      i === 0 ? p.cell(t.fiscal, 'income.general', 'amount') : '',
      `${CHINESE_ORDINALS[i]}、${name}`,
      p.cell(v, `expense.${code}`, 'total'), p.cell(v, `expense.${code}`, 'general'), '', '',
    ];
  });
  const n = rows.length;
  rows.push(
    [String(n + 1), '本年收入合计', p.cell(t.fiscal, 'income.current_total', 'amount'), '本年支出合计',
      p.cell(t.total, 'expense.current_total', 'total'), p.cell(t.total, 'expense.current_total', 'general'), '', ''],
    [String(n + 2), '年初财政拨款结转和结余', p.cell(t.carryover, 'income.carryover', 'amount'), '年末财政拨款结转和结余', '', '', '', ''],
    [String(n + 3), '一、一般公共预算拨款', p.cell(t.carryover, 'income.carryover.general', 'amount'), '', '', '', '', ''],
    [String(n + 4), '二、政府性基金预算拨款', '', '', '', '', '', ''],
    [String(n + 5), '三、国有资本经营预算拨款', '', '', '', '', '', ''],
    [String(n + 6), '收入总计', p.cell(t.total, 'income.grand_total', 'amount'), '支出总计',
      p.cell(t.total, 'expense.grand_total', 'total'), p.cell(t.total, 'expense.grand_total', 'general'), '', ''],
  );
  return {
    spec: {
      table: 'fiscal_summary', title: '部门预算财政拨款收支总表', rows,
      header: [
        ['序号', '收入', '', '支出', '', '', '', ''],
        ['', '项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
        ['栏次', '1', '2', '3', '4', '5', '6', '7'],
      ],
    },
    figures: p.figures,
  };
}

function basicExpenseTable(doc: SynthDocument): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer('basic_expense');
  const t = totals(doc);
  const rows = [['1', '', '合计', p.cell(t.basic, 'total', 'total'), p.cell(t.personnel, 'total', 'personnel'), p.cell(t.public, 'total', 'public')]];
  for (const r of economicRows(doc)) {
    rows.push([String(rows.length + 1), r.code, r.name, p.cell(r.personnel + r.public, r.code, 'total'), p.cell(r.personnel, r.code, 'personnel'), p.cell(r.public, r.code, 'public')]);
  }
  return {
    spec: {
      table: 'basic_expense', title: '部门预算一般公共预算财政拨款基本支出表', rows,
      header: [
        ['序号', '支出部门经济分类科目', '', '一般公共预算基本支出', '', ''],
        ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['栏次', '1', '2', '3', '4', '5'],
      ],
    },
    figures: p.figures,
  };
}

const THREE_PUBLIC_TITLE = '部门预算财政拨款“三公”经费支出表';
const THREE_PUBLIC_HEADER = [
  ['序号', '项 目', '资 金 性 质', '', '', ''],
  ['', '', '合 计', '一般公共预算 财政拨款', '政府性基金 预算拨款', '国有资本经营 预算财政拨款'],
  ['栏次', '1', '2', '3', '4', '5'],
];

function threePublicTable(doc: SynthDocument): { spec: TableSpec; figures: ExpectedFigure[] } {
  const p = new Printer('three_public');
  const t = totals(doc);
  const tp = doc.threePublic;
  const lines: [string, string, Fen][] = [
    ['合计', 'total', t.threePublic],
    ['“三公”经费小计', 'subtotal', t.threePublic],
    ['一、因公出国（境）费', 'overseas', tp.overseas],
    ['其中：教学科研人员因公出国（境）费', 'overseas_academic', 0],
    ['其他因公出国（境）费', 'overseas_other', tp.overseas],
    ['二、公务用车购置及运维费', 'vehicle', t.vehicle],
    ['其中：公务用车购置费', 'vehicle_purchase', tp.vehiclePurchase],
    ['公务用车运行维护费', 'vehicle_operation', tp.vehicleOperation],
    ['三、公务接待费', 'reception', tp.reception],
  ];
  if (t.threePublic === 0) {
    return {
      spec: { table: 'three_public', title: THREE_PUBLIC_TITLE, header: THREE_PUBLIC_HEADER, rows: lines.map(([name], i) => [String(i + 1), name, '', '', '', '']), emptyNote: '注：无财政拨款“三公”经费支出表预算，空表列示。' },
      figures: [],
    };
  }
  const rows = lines.map(([name, key, v], i) => [String(i + 1), name, p.cell(v, key, 'total'), p.cell(v, key, 'general'), '', '']);
  return { spec: { table: 'three_public', title: THREE_PUBLIC_TITLE, header: THREE_PUBLIC_HEADER, rows }, figures: p.figures };
}

function emptyTable(table: 'fund_expense' | 'soe_expense'): TableSpec {
  const name = table === 'fund_expense' ? '政府性基金预算' : '国有资本经营预算';
  return { table, title: `部门预算${name}财政拨款支出表`, header: FUNCTION_HEADER('general_expense'), rows: [], emptyNote: `注：无${name}财政拨款预算，空表列示。` };
}

/** The nine standard tables of a Hebei 部门预算, in print order, with the figures each prints. */
export function documentTables(doc: SynthDocument): { specs: TableSpec[]; figures: ExpectedFigure[] } {
  const parts = [
    summaryTable(doc),
    incomeTable(doc),
    expenseTable(doc, 'expense', '部门预算支出总表'),
    fiscalSummaryTable(doc),
    expenseTable(doc, 'general_expense', '部门预算一般公共预算财政拨款支出表'),
    basicExpenseTable(doc),
    { spec: emptyTable('fund_expense'), figures: [] },
    { spec: emptyTable('soe_expense'), figures: [] },
    threePublicTable(doc),
  ];
  return { specs: parts.map((p) => p.spec), figures: parts.flatMap((p) => p.figures) };
}
