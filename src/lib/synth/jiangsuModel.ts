import type { Fen } from '../model/amount';
import { FUND_ITEMS } from './catalog';
import type { SynthDocument, SynthItem } from './model';
import { FEN_PER_WAN_CENT } from './money';
import { mix, Rng } from './random';
import { functionRows, totals, type CodedRow } from './totals';

/**
 * What Jiangsu's twelve-table template prints beyond the national nine, drawn for a synthetic
 * document (deterministic from its unit and year): 单位预留机动经费 carved out of the 项目支出, items
 * paid from 政府性基金, 其他资金 (事业收入) spent on one project, 会议费 and 培训费, and the 政府采购
 * categories. Amounts are whole 0.01 万元.
 */
export interface JiangsuExtras {
  reserve: Fen;
  priorReserve: Fen;
  fundItems: SynthItem[];
  /** 其他资金 (事业收入) spent on one of the document's project items, or null. */
  otherFunds: { code: string; amount: Fen } | null;
  meeting: Fen;
  training: Fen;
  procurement: { goods: Fen; works: Fen; services: Fen };
}

export function jiangsuExtras(doc: SynthDocument): JiangsuExtras {
  const rng = new Rng(mix(mix(0x4a53, doc.unitIndex), doc.year));
  const cents = (lo: number, hi: number) => rng.int(lo * 100, hi * 100) * FEN_PER_WAN_CENT;
  const t = totals(doc);
  const share = (v: Fen, r: number) => Math.floor((v * r) / FEN_PER_WAN_CENT) * FEN_PER_WAN_CENT;
  const fundItems = rng.chance(0.5)
    ? rng.sample(FUND_ITEMS, rng.int(1, FUND_ITEMS.length)).map((i) => ({ code: i.code, name: i.name, basic: 0, project: cents(10, 500), carryover: 0 }))
    : [];
  const projects = doc.items.filter((i) => i.project > 0);
  return {
    reserve: share(t.project, 0.05 + rng.next() * 0.2),
    priorReserve: share(doc.prior.project, 0.05 + rng.next() * 0.2),
    fundItems,
    otherFunds: projects.length && rng.chance(0.5) ? { code: rng.pick(projects).code, amount: cents(5, 300) } : null,
    meeting: cents(1, 100),
    training: cents(1, 200),
    procurement: { goods: cents(0, 500), works: rng.chance(0.4) ? cents(1, 300) : 0, services: cents(10, 800) },
  };
}

export interface JiangsuTotals {
  basic: Fen;
  /** 一般公共预算: 基本 + 项目 + 预留. */
  general: Fen;
  fund: Fen;
  /** 财政拨款 = 一般公共预算 + 政府性基金. */
  fiscal: Fen;
  otherFunds: Fen;
  /** All funds: 财政拨款 + 其他资金. */
  total: Fen;
  reserve: Fen;
  /** 项目支出 of all funds, without the 预留. */
  project: Fen;
  /** 项目支出 of 财政拨款, without the 预留. */
  fiscalProject: Fen;
  procurement: Fen;
}

export function jiangsuTotals(doc: SynthDocument, x: JiangsuExtras): JiangsuTotals {
  const t = totals(doc);
  const fund = x.fundItems.reduce((s, i) => s + i.project, 0);
  const otherFunds = x.otherFunds?.amount ?? 0;
  const general = t.basic + t.project;
  const fiscalProject = t.project - x.reserve + fund;
  return {
    basic: t.basic, general, fund, fiscal: general + fund, otherFunds, total: general + fund + otherFunds, reserve: x.reserve,
    project: fiscalProject + otherFunds, fiscalProject, procurement: x.procurement.goods + x.procurement.works + x.procurement.services,
  };
}

/** Rows of two sets of coded rows added together, by code. */
export function mergeRows(a: readonly CodedRow[], b: readonly CodedRow[]): CodedRow[] {
  const rows = new Map<string, CodedRow>(a.map((r) => [r.code, { ...r }]));
  for (const r of b) {
    const row = rows.get(r.code);
    if (row) {
      row.basic += r.basic;
      row.project += r.project;
    } else rows.set(r.code, { ...r });
  }
  return [...rows.values()].sort((p, q) => p.code.localeCompare(q.code));
}

/** 财政拨款 rows by function: 一般公共预算 and 政府性基金 together. */
export function fiscalRows(doc: SynthDocument, x: JiangsuExtras): CodedRow[] {
  return mergeRows(functionRows(doc), fundRows(doc, x));
}

export function fundRows(doc: SynthDocument, x: JiangsuExtras): CodedRow[] {
  return x.fundItems.length ? functionRows({ ...doc, items: x.fundItems }) : [];
}

/** Spending of all funds by 类 (the 收支预算总表's function group). */
export function classTotals(doc: SynthDocument, x: JiangsuExtras): Map<string, Fen> {
  const out = new Map<string, Fen>();
  for (const r of fiscalRows(doc, x)) if (r.code.length === 3) out.set(r.code, r.basic + r.project);
  if (x.otherFunds) {
    const cls = x.otherFunds.code.slice(0, 3);
    out.set(cls, (out.get(cls) ?? 0) + x.otherFunds.amount);
  }
  return out;
}
