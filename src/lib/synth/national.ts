/**
 * A synthetic national corpus (issue 21): provinces × cities × departments × years of 部门预算, as
 * documents ready for the library (StoredDocument), generated one at a time from a seed. Each is the
 * same document the text generator (model.ts, tables.ts, narrative.ts) would print, built straight
 * from its figures: at 10⁵ documents, printing and reading back text would take longer than
 * everything else the archive build does, and the figures are what the archive holds. A unit test
 * renders a sample as text, reads it with the real importer and compares figure for figure.
 *
 *   for (const doc of nationalCorpus({ documents: 100_000, seed: 1 })) …
 *
 * Places are 31 provinces (「合成第一省」…), cities dealt round-robin over them (「第三市」), 45–70
 * departments per city, each unit a 部门 with a 7-digit code (province, city, department: codes are
 * unique nationwide, so a library holding several cities keeps their units apart). Units keep
 * unitProfile's habits: a few are renamed part-way, a few skip a year.
 */
import type { StoredDocument, TableSeen } from '../model/document';
import { unitDocument, unitProfile, type SynthDocument, type UnitProfile } from './model';
import { narrative } from './narrative';
import { cityName, DEPARTMENT_NAMES, provinceName, rowLabel } from './nationalNames';
import { storedFinal } from './nationalFinal';
import { Rng } from './random';
import { documentTables } from './tables';
import { economicRows, functionRows } from './totals';

export const PROVINCES = 31;

export interface NationalOptions {
  /** How many documents in all (the last unit may be cut short). */
  documents: number;
  seed: number;
  /** Years per unit (default 10, from firstYear = 2015). */
  years?: number;
  firstYear?: number;
  provinces?: number;
  /**
   * Also give each unit-year's 决算 (stage `final`, synth/final.ts) right after its 预算, for execution
   * over the archive. Off by default: the tests and benchmarks that count on the budget-only corpus
   * keep it. The documents count includes the 决算.
   */
  finals?: boolean;
}

export interface NationalUnit {
  /** Running number over the corpus (the unitProfile index). */
  index: number;
  province: number;
  city: number;
  department: number;
  code: string;
  name: string;
}

/** Departments of a city: 45–70, fixed by the seed. */
function departmentCount(seed: number, province: number, city: number): number {
  return new Rng((seed * 7919 + province * 131 + city * 17) >>> 0).int(45, DEPARTMENT_NAMES.length);
}

/** The units, city by city: the k-th city is city ⌊k / provinces⌋ of province k mod provinces. */
export function* nationalUnits(opts: NationalOptions): Generator<NationalUnit> {
  const years = opts.years ?? 10;
  const provinces = opts.provinces ?? PROVINCES;
  const needed = Math.ceil(opts.documents / years) + Math.ceil(opts.documents / years / 20);
  let index = 0;
  for (let k = 0; index < needed; k++) {
    const province = k % provinces;
    const city = Math.floor(k / provinces);
    const n = departmentCount(opts.seed, province, city);
    for (let d = 0; d < n && index < needed; d++, index++) {
      yield {
        index, province, city, department: d,
        code: `${11 + province}${String(city + 1).padStart(2, '0')}${String(d + 1).padStart(3, '0')}`,
        name: `${provinceName(province)}${cityName(city)}${DEPARTMENT_NAMES[d]}`,
      };
    }
  }
}

/** Documents unit by unit, year by year, until `documents` have been given. */
export function* nationalCorpus(opts: NationalOptions): Generator<StoredDocument> {
  if (!opts.finals) {
    for (const d of nationalSynthDocuments(opts)) yield storedDocument(d, opts.seed);
    return;
  }
  // Budgets are drawn for half the documents (rounded up); each is followed by its 决算 until the count is reached.
  let given = 0;
  for (const d of nationalSynthDocuments({ ...opts, documents: Math.ceil(opts.documents / 2) })) {
    yield storedDocument(d, opts.seed);
    if (++given === opts.documents) return;
    yield storedFinal(d, nationalDocId(opts.seed, d.unitCode, d.year, 'final'));
    if (++given === opts.documents) return;
  }
}

/** The same documents as printable SynthDocuments (renderDocument prints them). */
export function* nationalSynthDocuments(opts: NationalOptions): Generator<SynthDocument> {
  const years = Array.from({ length: opts.years ?? 10 }, (_, i) => (opts.firstYear ?? 2015) + i);
  let given = 0;
  for (const u of nationalUnits(opts)) {
    const profile: UnitProfile = { ...unitProfile(opts.seed, u.index, years, 'tab'), code: u.code, baseName: u.name };
    for (const y of years) {
      if (given === opts.documents) return;
      if (y === profile.missingYear) continue;
      yield unitDocument(opts.seed, profile, y, years[0]);
      given++;
    }
  }
}

/**
 * 12 hex digits, unique per seed (below 32,768), unit, year and stage (FORMAT.md's doc_id shape): a
 * 决算 sets the seed field's top bit, so a budget's id is what it was before finals existed.
 */
export function nationalDocId(seed: number, code: string, year: number, stage: 'budget' | 'final' = 'budget'): string {
  const hex = (v: number, n: number) => (v >>> 0).toString(16).padStart(n, '0').slice(-n);
  return `${hex((seed & 0x7fff) | (stage === 'final' ? 0x8000 : 0), 4)}${hex(Number(code), 6)}${hex(year - 1900, 2)}`;
}

/** The document the importer would read from renderDocument(doc): figures in print order, tables seen, projects. */
export function storedDocument(doc: SynthDocument, seed: number): StoredDocument {
  const { specs, figures } = documentTables(doc);
  const story = narrative(doc);
  const coded = new Map<string, string>([
    ...functionRows(doc).map((r) => [r.code, r.name] as [string, string]),
    ...economicRows(doc).map((r) => [r.code, r.name] as [string, string]),
  ]);
  let line = 0;
  const printed = new Set(figures.map((f) => f.table));
  const tables: TableSeen[] = specs.map((s) => ({
    table: s.table,
    status: printed.has(s.table) ? 'present' : 'empty',
    title: s.title,
    source: { line: (line += 1 + s.rows.length) },
    ...(s.emptyNote ? { note: s.emptyNote } : {}),
  }));
  return {
    docId: nationalDocId(seed, doc.unitCode, doc.year),
    fileName: `synthetic_${doc.unitCode}_${doc.year}.txt`,
    meta: { unitCode: doc.unitCode, unitName: doc.unitName, scope: 'department', stage: 'budget', year: doc.year },
    figures: [...figures, ...story.figures].map((f, i) => ({
      table: f.table, rowCode: f.rowCode, rowName: rowLabel(f.table, f.rowCode, coded), column: f.column, amount: f.amount,
      source: { line: i + 1 },
    })),
    tables,
    projects: doc.projects.map((name) => ({ code: '', name, amount: null, fiscalAmount: null, otherAmount: null, goals: '', indicators: [], source: { line: 0 } })),
    warnings: [],
  };
}
