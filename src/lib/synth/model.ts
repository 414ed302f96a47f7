import type { Fen } from '../model/amount';
import { COMMON_BASIC_ITEMS, ECONOMIC_ITEMS, FUNCTION_ITEMS, OFFICE_ITEMS, type EconomicItem, type FunctionItem } from './catalog';
import { mix, Rng } from './random';

/** How the text prints its tables: tab-separated rows (seed 000), or one cell per line with blank lines between rows (seed 001). */
export type Layout = 'tab' | 'cells';

/** A 功能分类 项 of one document. 基本 + 项目 is its total; `carryover` (≤ 项目) is paid from 上年结转. */
export interface SynthItem {
  code: string;
  name: string;
  basic: Fen;
  project: Fen;
  carryover: Fen;
}

export interface SynthEconomic {
  code: string;
  name: string;
  kind: EconomicItem['kind'];
  amount: Fen;
}

export interface SynthThreePublic {
  overseas: Fen;
  vehiclePurchase: Fen;
  vehicleOperation: Fen;
  reception: Fen;
}

/**
 * One synthetic 部门预算 disclosure: the leaves of every table (function 项, economic 款, 三公 parts);
 * every printed total is derived from them, so the document adds up exactly by construction.
 */
export interface SynthDocument {
  unitIndex: number;
  unitCode: string;
  unitName: string;
  year: number;
  layout: Layout;
  items: SynthItem[];
  economic: SynthEconomic[];
  threePublic: SynthThreePublic;
  /** Last year's 基本支出 and 项目支出, which the narrative's 比上年增减 is measured against. */
  prior: { basic: Fen; project: Fen };
  /** 绩效目标表 printed in the narrative: names of project items. */
  projects: string[];
}

/** Amounts are drawn in 分 of 万元 as printed (0.01 万元) and stored in fen. */
const CENT = 10_000;

/** What stays the same for a unit from year to year: its items and its size. */
export interface UnitProfile {
  index: number;
  code: string;
  baseName: string;
  /** From this year on the unit prints another name (a 更名), or null. */
  renamedFrom: number | null;
  /** A year the unit published nothing for, or null. */
  missingYear: number | null;
  layout: Layout;
  basicItems: FunctionItem[];
  projectItems: FunctionItem[];
  personnelItems: EconomicItem[];
  publicItems: EconomicItem[];
  basicCents: number;
  projectCents: number;
  hasThreePublic: boolean;
}

export function unitCode(index: number): string {
  // 10 units per department: departmentOf() reads the first three digits (100, 101, …).
  return `${100 + Math.floor(index / 10)}${String(index % 10).padStart(3, '0')}`;
}

export function unitName(index: number): string {
  return `合成测试第${String(index).padStart(4, '0')}号单位`;
}

export function unitProfile(seed: number, index: number, years: readonly number[], layout: Layout | 'mixed'): UnitProfile {
  const rng = new Rng(mix(seed, index));
  const byCode = new Map(FUNCTION_ITEMS.map((i) => [i.code, i]));
  const office = byCode.get(rng.pick(OFFICE_ITEMS))!;
  const basicItems = [office, ...COMMON_BASIC_ITEMS.map((c) => byCode.get(c)!)];
  if (rng.chance(0.3)) basicItems.push(byCode.get('2080501')!);
  basicItems.sort((a, b) => a.code.localeCompare(b.code));
  const candidates = FUNCTION_ITEMS.filter((i) => !i.basic);
  const projectItems = rng.sample(candidates, rng.int(2, 7));
  const personnel = ECONOMIC_ITEMS.filter((e) => e.kind === 'personnel');
  const pub = ECONOMIC_ITEMS.filter((e) => e.kind === 'public');
  return {
    index,
    code: unitCode(index),
    baseName: unitName(index),
    // A few units are renamed part-way (same code, new name) and a few miss a year.
    renamedFrom: years.length > 2 && index % 17 === 5 ? years[Math.floor(years.length / 2)] : null,
    missingYear: years.length > 2 && index % 23 === 7 ? years[1] : null,
    layout: layout === 'mixed' ? ((index + seed) % 2 === 0 ? 'tab' : 'cells') : layout,
    basicItems,
    projectItems,
    personnelItems: rng.sample(personnel, rng.int(5, personnel.length)),
    publicItems: rng.sample(pub, rng.int(4, 10)),
    basicCents: rng.int(80_00, 3000_00),
    projectCents: rng.int(20_00, 4000_00),
    hasThreePublic: rng.chance(0.7),
  };
}

/** The unit's document for `year` (whether or not it is published that year). */
export function unitDocument(seed: number, profile: UnitProfile, year: number, firstYear: number): SynthDocument {
  const rng = new Rng(mix(mix(seed, profile.index), year));
  const amounts = (y: number) => {
    const r = new Rng(mix(mix(seed ^ 0x5bd1e995, profile.index), y));
    const growth = Math.pow(1.04, y - firstYear);
    return {
      basic: Math.max(10_00, Math.round(profile.basicCents * growth * (0.94 + r.next() * 0.12))),
      project: Math.max(profile.projectItems.length * 2, Math.round(profile.projectCents * (0.6 + r.next() * 0.8))),
    };
  };
  const { basic, project } = amounts(year);
  const prior = amounts(year - 1);

  const basicParts = rng.split(basic, profile.basicItems.length);
  const projectParts = rng.split(project, profile.projectItems.length);
  const items: SynthItem[] = [
    ...profile.basicItems.map((it, i) => ({ code: it.code, name: it.name, basic: basicParts[i], project: 0, carryover: 0 })),
    ...profile.projectItems.map((it, i) => ({ code: it.code, name: it.name, basic: 0, project: projectParts[i], carryover: 0 })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const withProject = items.filter((i) => i.project >= 2);
  if (withProject.length && rng.chance(0.3)) {
    const it = rng.pick(withProject);
    it.carryover = rng.int(1, Math.max(1, Math.floor(it.project / 3)));
  }

  const personnel = Math.round(basic * (0.8 + rng.next() * 0.12));
  const personnelParts = rng.split(personnel, profile.personnelItems.length);
  const publicParts = rng.split(basic - personnel, profile.publicItems.length);
  const economic: SynthEconomic[] = [
    ...profile.personnelItems.map((e, i) => ({ ...e, amount: personnelParts[i] })),
    ...profile.publicItems.map((e, i) => ({ ...e, amount: publicParts[i] })),
  ].sort((a, b) => a.code.localeCompare(b.code));

  const threePublic: SynthThreePublic = profile.hasThreePublic
    ? {
        overseas: rng.chance(0.15) ? rng.int(1_00, 20_00) : 0,
        vehiclePurchase: rng.chance(0.1) ? rng.int(10_00, 30_00) : 0,
        vehicleOperation: rng.chance(0.7) ? rng.int(50, 8_00) : 0,
        reception: rng.int(10, 5_00),
      }
    : { overseas: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 0 };

  const projects = profile.projectItems.slice(0, 3).map((it) => `${it.name}项目经费`);
  const renamed = profile.renamedFrom !== null && year >= profile.renamedFrom;
  const fen = (c: number) => c * CENT;
  return {
    unitIndex: profile.index,
    unitCode: profile.code,
    unitName: renamed ? `${profile.baseName}（更名）` : profile.baseName,
    year,
    layout: profile.layout,
    items: items.map((i) => ({ ...i, basic: fen(i.basic), project: fen(i.project), carryover: fen(i.carryover) })),
    economic: economic.map((e) => ({ ...e, amount: fen(e.amount) })),
    threePublic: {
      overseas: fen(threePublic.overseas), vehiclePurchase: fen(threePublic.vehiclePurchase),
      vehicleOperation: fen(threePublic.vehicleOperation), reception: fen(threePublic.reception),
    },
    prior: { basic: fen(prior.basic), project: fen(prior.project) },
    projects,
  };
}
