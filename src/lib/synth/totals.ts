import type { Fen } from '../model/amount';
import { ECONOMIC_NAMES, FUNCTION_NAMES } from './catalog';
import type { SynthDocument } from './model';

/** A row of a coded table: 类, 款 or 项 with its sums (a 类 or 款 adds up the 项 under it). */
export interface CodedRow {
  code: string;
  name: string;
  basic: Fen;
  project: Fen;
  carryover: Fen;
}

export interface EconomicRow {
  code: string;
  name: string;
  personnel: Fen;
  public: Fen;
}

export interface Totals {
  basic: Fen;
  project: Fen;
  /** 支出合计 = 基本 + 项目 = 收入总计. */
  total: Fen;
  carryover: Fen;
  /** 本年收入 (一般公共预算拨款) = total − carryover. */
  fiscal: Fen;
  personnel: Fen;
  public: Fen;
  threePublic: Fen;
  vehicle: Fen;
  /** 机关运行经费: the 公用经费, as most Hebei narratives state it. */
  operatingCost: Fen;
}

export function totals(doc: SynthDocument): Totals {
  const basic = sum(doc.items.map((i) => i.basic));
  const project = sum(doc.items.map((i) => i.project));
  const carryover = sum(doc.items.map((i) => i.carryover));
  const personnel = sum(doc.economic.filter((e) => e.kind === 'personnel').map((e) => e.amount));
  const pub = sum(doc.economic.filter((e) => e.kind === 'public').map((e) => e.amount));
  const tp = doc.threePublic;
  const vehicle = tp.vehiclePurchase + tp.vehicleOperation;
  return {
    basic, project, total: basic + project, carryover, fiscal: basic + project - carryover, personnel, public: pub,
    threePublic: tp.overseas + vehicle + tp.reception, vehicle, operatingCost: pub,
  };
}

/** 类, 款 and 项 rows in print order (by code), each 类/款 the sum of the 项 below it. */
export function functionRows(doc: SynthDocument): CodedRow[] {
  const rows = new Map<string, CodedRow>();
  for (const item of doc.items) {
    for (const code of [item.code.slice(0, 3), item.code.slice(0, 5)]) {
      const row = rows.get(code) ?? { code, name: FUNCTION_NAMES[code] ?? code, basic: 0, project: 0, carryover: 0 };
      row.basic += item.basic;
      row.project += item.project;
      row.carryover += item.carryover;
      rows.set(code, row);
    }
    rows.set(item.code, { ...item });
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** 经济分类 类 (301, 302, 303) and 款 rows, in print order. */
export function economicRows(doc: SynthDocument): EconomicRow[] {
  const rows = new Map<string, EconomicRow>();
  for (const e of doc.economic) {
    const cls = e.code.slice(0, 3);
    const parent = rows.get(cls) ?? { code: cls, name: ECONOMIC_NAMES[cls], personnel: 0, public: 0 };
    parent[e.kind] += e.amount;
    rows.set(cls, parent);
    rows.set(e.code, { code: e.code, name: e.name, personnel: e.kind === 'personnel' ? e.amount : 0, public: e.kind === 'public' ? e.amount : 0 });
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function sum(xs: readonly Fen[]): Fen {
  return xs.reduce((a, b) => a + b, 0);
}
