import type { Fen } from '../model/amount';
import { ECONOMIC_NAMES, FUNCTION_NAMES } from './catalog';
import type { SynthFinal } from './final';
import { FigurePrinter, type LayoutFigure } from './money';

/**
 * The figures a 决算 prints, in FORMAT keys with stage `final`: 决算数 under the budget's column keys
 * (`total`, `basic`, `project`; FORMAT.md), and the two budget columns under keys of ours:
 *   initial_budget    年初预算数
 *   full_year_budget  全年预算数 (after the year's adjustments)
 * Tables: 收入支出决算总表 (`summary`), 支出决算表 (`expense`), 一般公共预算财政拨款支出决算表
 * (`general_expense`), 基本支出决算表 (`basic_expense`), “三公”经费 (`three_public`, 决算数 in
 * `total`, 预算数 in `initial_budget`).
 */
export interface FinalRow {
  code: string;
  name: string;
  initial: Fen;
  fullYear: Fen;
  actual: Fen;
  basic: Fen;
  project: Fen;
}

/** 类, 款 and 项 rows of the 决算 in print order, each 类/款 the sum of its 项. */
export function finalRows(final: SynthFinal): FinalRow[] {
  const rows = new Map<string, FinalRow>();
  for (const i of final.items) {
    for (const code of [i.code.slice(0, 3), i.code.slice(0, 5), i.code]) {
      const row = rows.get(code) ?? { code, name: code === i.code ? i.name : (FUNCTION_NAMES[code] ?? code), initial: 0, fullYear: 0, actual: 0, basic: 0, project: 0 };
      row.initial += i.initial;
      row.fullYear += i.fullYear;
      row.actual += i.actual;
      row[i.basic ? 'basic' : 'project'] += i.actual;
      rows.set(code, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function finalTotals(final: SynthFinal): FinalRow {
  const total: FinalRow = { code: 'total', name: '合计', initial: 0, fullYear: 0, actual: 0, basic: 0, project: 0 };
  for (const r of finalRows(final).filter((r) => r.code.length === 3)) {
    total.initial += r.initial;
    total.fullYear += r.fullYear;
    total.actual += r.actual;
    total.basic += r.basic;
    total.project += r.project;
  }
  return total;
}

function classified(final: SynthFinal, table: 'expense' | 'general_expense'): LayoutFigure[] {
  const p = new FigurePrinter(table, { unit: 'wan' });
  for (const r of [finalTotals(final), ...finalRows(final)]) {
    p.cell(r.initial, r.code, 'initial_budget', r.name);
    p.cell(r.fullYear, r.code, 'full_year_budget', r.name);
    p.cell(r.actual, r.code, 'total', r.name);
    p.cell(r.basic, r.code, 'basic', r.name);
    p.cell(r.project, r.code, 'project', r.name);
  }
  return p.figures;
}

function basicExpense(final: SynthFinal): LayoutFigure[] {
  const p = new FigurePrinter('basic_expense', { unit: 'wan' });
  const rows = new Map<string, { name: string; personnel: Fen; public: Fen }>();
  for (const e of final.economic) {
    for (const code of [e.code.slice(0, 3), e.code]) {
      const row = rows.get(code) ?? { name: code === e.code ? e.name : ECONOMIC_NAMES[code], personnel: 0, public: 0 };
      row[e.kind] += e.actual;
      rows.set(code, row);
    }
  }
  const personnel = final.economic.filter((e) => e.kind === 'personnel').reduce((s, e) => s + e.actual, 0);
  const pub = final.economic.filter((e) => e.kind === 'public').reduce((s, e) => s + e.actual, 0);
  for (const [code, r] of [['total', { name: '合计', personnel, public: pub }] as const, ...[...rows].sort(([a], [b]) => a.localeCompare(b))]) {
    p.cell(r.personnel + r.public, code, 'total', r.name);
    p.cell(r.personnel, code, 'personnel', r.name);
    p.cell(r.public, code, 'public', r.name);
  }
  return p.figures;
}

function threePublic(final: SynthFinal): LayoutFigure[] {
  const p = new FigurePrinter('three_public', { unit: 'wan' });
  const parts = (tp: SynthFinal['threePublic']['actual']) => ({
    total: tp.overseas + tp.vehiclePurchase + tp.vehicleOperation + tp.reception, overseas: tp.overseas,
    vehicle: tp.vehiclePurchase + tp.vehicleOperation, vehicle_purchase: tp.vehiclePurchase, vehicle_operation: tp.vehicleOperation, reception: tp.reception,
  });
  const initial = parts(final.threePublic.initial);
  const actual = parts(final.threePublic.actual);
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    p.cell(initial[key], key, 'initial_budget', key);
    p.cell(actual[key], key, 'total', key);
  }
  return p.figures;
}

function summary(final: SynthFinal): LayoutFigure[] {
  const p = new FigurePrinter('summary', { unit: 'wan' });
  const t = finalTotals(final);
  p.cell(t.actual, 'income.general', 'amount', '一般公共预算财政拨款收入');
  p.cell(t.actual, 'income.current_total', 'amount', '本年收入合计');
  p.cell(t.actual, 'income.grand_total', 'amount', '收入总计');
  for (const r of finalRows(final).filter((r) => r.code.length === 3)) p.cell(r.actual, `expense.${r.code}`, 'amount', r.name);
  p.cell(t.actual, 'expense.current_total', 'amount', '本年支出合计');
  p.cell(t.actual, 'expense.grand_total', 'amount', '支出总计');
  return p.figures;
}

/** Every figure of the 决算 (stage `final`), as an importer should read it from its tables. */
export function finalFigures(final: SynthFinal): LayoutFigure[] {
  return [...summary(final), ...classified(final, 'expense'), ...classified(final, 'general_expense'), ...basicExpense(final), ...threePublic(final)];
}
