import type { DocumentMeta, ImportWarning, ParsedDocument, PerformanceProject, TableSeen } from '../model/document';
import { STANDARD_TABLES, type Scope, type Stage, type TableKey } from '../model/keys';
import type { Row } from './lines';
import { unitLine, type UnitLine } from './meta';
import { readFacts } from './narrative';
import { readProject } from './performance';
import type { Section } from './segment';
import { readAssets } from './tables/assets';
import { readClassified } from './tables/classified';
import { prepareTable, type PreparedTable } from './tables/prepare';
import { readProcurement } from './tables/procurement';
import { FigureSink } from './tables/sink';
import { readSummary } from './tables/summary';
import { readThreePublic } from './tables/threePublic';

const READERS: Record<Exclude<TableKey, 'facts'>, (t: PreparedTable, sink: FigureSink) => void> = {
  summary: readSummary,
  fiscal_summary: readSummary,
  income: readClassified,
  expense: readClassified,
  general_expense: readClassified,
  basic_expense: readClassified,
  fund_expense: readClassified,
  soe_expense: readClassified,
  three_public: readThreePublic,
  procurement: readProcurement,
  assets: readAssets,
};

/** Reads the sections of one document (one unit) into figures, tables seen, projects and metadata. */
export function readDocument(sections: readonly Section[]): ParsedDocument {
  const warnings: ImportWarning[] = [];
  const sink = new FigureSink(warnings);
  const tables: TableSeen[] = [];
  const prepared: PreparedTable[] = [];
  const projects: PerformanceProject[] = [];
  const projectKeys = new Set<string>();
  const narrative: Row[] = [];

  for (const s of sections) {
    if (s.kind === 'text') {
      narrative.push(...s.rows);
    } else if (s.kind === 'project') {
      const p = readProject(s.name, s.line, s.rows, warnings);
      const key = JSON.stringify([p.name, p.code, p.amount, p.goals, p.indicators.map((i) => [i.level3, i.value])]);
      if (projectKeys.has(key)) {
        warnings.push({ message: `绩效目标表「${p.name}」重复出现，只导入一次`, source: { line: s.line } });
      } else {
        projectKeys.add(key);
        projects.push(p);
      }
    } else {
      const t = prepareTable(s.title, s.line, s.rows);
      prepared.push(t);
      const before = sink.figures.length;
      if (s.title.table !== 'facts') READERS[s.title.table](t, sink);
      const added = sink.figures.length - before;
      if (tables.some((seen) => seen.table === t.table)) continue;
      tables.push({ table: t.table, status: t.emptyNote || added === 0 ? 'empty' : 'present', title: s.title.title, source: { line: s.line } });
      if (added === 0 && !t.emptyNote && t.body.some((r) => r.cells.some((c) => /\d\.\d/.test(c)))) {
        warnings.push({ message: `「${s.title.title}」中的数字都未能读取`, source: { line: s.line } });
      }
    }
  }
  for (const f of readFacts(narrative)) sink.add(f, '情况说明');
  const meta = readMeta(sections, prepared, narrative, warnings);
  return { meta, figures: sink.figures, tables, projects, warnings };
}

/** Whether what was read is a disclosure at all, not a novel or an unrelated file. */
export function looksLikeDisclosure(doc: ParsedDocument): boolean {
  const facts = doc.figures.filter((f) => f.table === 'facts').length;
  return doc.tables.length > 0 || doc.projects.length > 0 || facts >= 2;
}

function readMeta(sections: readonly Section[], prepared: PreparedTable[], narrative: Row[], warnings: ImportWarning[]): DocumentMeta {
  const standard = prepared.filter((t) => STANDARD_TABLES.includes(t.table));
  const others = prepared.filter((t) => !STANDARD_TABLES.includes(t.table));
  const text = narrative.map((r) => r.cells.join(' ')).join('\n');

  // The first table's unit line names the document; later tables of a unit's document sometimes
  // copy the department's line by mistake (seed 004), so they are only a fallback.
  const unit: UnitLine | null =
    standard.find((t) => t.unit)?.unit ?? others.find((t) => t.unit)?.unit ?? projectUnit(sections) ?? narrativeUnit(narrative);
  if (!unit) warnings.push({ message: '未找到单位编码和名称' });

  const first = standard[0];
  const scope: Scope = first?.title.scope ?? firstOf(text, /单位(?:预算|决算)/, /部门(?:预算|决算)/, 'unit', 'department');
  const stage: Stage = first?.title.stage ?? firstOf(text, /\d{4}\s*年度?\s*(?:部门|单位)?决算/, /\d{4}\s*年度?\s*(?:部门|单位)?预算/, 'final', 'budget');

  let year = standard.find((t) => t.year)?.year ?? others.find((t) => t.year)?.year ?? null;
  year ??= narrativeYear(text);
  if (year === null) {
    warnings.push({ message: '未找到预算年度' });
    year = 0;
  }
  return { unitCode: unit?.code ?? '', unitName: unit?.name ?? '', scope, stage, year };
}

/** `a` if pattern `ra` occurs before `rb` in the text, else `b`. */
function firstOf<T>(text: string, ra: RegExp, rb: RegExp, a: T, b: T): T {
  const ia = text.search(ra);
  const ib = text.search(rb);
  return ia >= 0 && (ib < 0 || ia < ib) ? a : b;
}

function narrativeYear(text: string): number | null {
  const titled = /(\d{4})\s*年度?\s*(?:部门|单位)?(?:预算|决算)/.exec(text);
  if (titled) return Number(titled[1]);
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(20\d{2})\s*年/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best ? Number(best) : null;
}

function projectUnit(sections: readonly Section[]): UnitLine | null {
  for (const s of sections) {
    if (s.kind !== 'project') continue;
    for (const r of s.rows) {
      const cells = r.cells.filter(Boolean);
      if (cells.length === 1) {
        const u = unitLine(cells[0]);
        if (u) return u;
      }
    }
  }
  return null;
}

/** 「开发区群众工作局本级 2023 年部门预算信息公开情况说明」 → the unit's name, no code. */
function narrativeUnit(rows: readonly Row[]): UnitLine | null {
  for (const r of rows) {
    const cells = r.cells.filter(Boolean);
    if (cells.length !== 1) continue;
    const m = /^(\S.{1,40}?)\s*\d{4}\s*年度?\s*(?:部门|单位)(?:预算|决算)/.exec(cells[0]);
    if (m && /[\u4e00-\u9fff]/.test(m[1])) return { code: '', name: m[1].trim() };
  }
  return null;
}
