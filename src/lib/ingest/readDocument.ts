import type { ImportWarning, ParsedDocument, PerformanceProject, TableSeen } from '../model/document';
import type { TableKey } from '../model/keys';
import { readMeta } from './documentMeta';
import type { Row } from './lines';
import { readNarrative } from './narrative';
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
  fiscal_expense: readClassified,
  fiscal_basic_expense: readClassified,
  operating_cost: readClassified,
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
      tables.push({ table: t.table, status: t.emptyNote || added === 0 ? 'empty' : 'present', title: s.title.title, source: { line: s.line }, ...(t.notes.length ? { note: t.notes.join(' ') } : {}) });
      if (added === 0 && !t.emptyNote && t.body.some((r) => r.cells.some((c) => /\d\.\d/.test(c)))) {
        warnings.push({ message: `「${s.title.title}」中的数字都未能读取`, source: { line: s.line } });
      }
    }
  }
  // The narrative names its 类/款/项 by name: the document's own coded rows give their codes.
  const coded = sink.figures.filter((f) => f.rowName && /^\d{3,7}$/.test(f.rowCode)).map((f) => ({ code: f.rowCode, name: f.rowName }));
  const read = readNarrative(narrative, coded);
  for (const f of read.facts) sink.add(f, '情况说明');
  warnNarrativeTables(narrative, warnings);
  const meta = readMeta(sections, prepared, narrative, warnings);
  return { meta, figures: sink.figures, tables, projects, warnings, narrative: read.narrative };
}

/**
 * Tables inside the 情况说明 (a 三公 comparison, a staff table) are not imported as figures; say so
 * once per table, so that no printed amount is dropped without a word.
 */
function warnNarrativeTables(rows: readonly Row[], warnings: ImportWarning[]): void {
  let start: Row | null = null;
  let count = 0;
  const close = () => {
    if (start && count) warnings.push({ message: `情况说明中的表格（自第 ${start.line} 行起）含有金额，未作为数字导入`, source: { line: start.line } });
    start = null;
    count = 0;
  };
  for (const r of rows) {
    if (r.cells.filter(Boolean).length < 3) {
      if (r.cells.length < 3) close();
      continue;
    }
    start ??= r;
    if (r.cells.some((c) => /^-?\d[\d,]*\.\d+$/.test(c.trim()))) count++;
  }
  close();
}

/** Whether what was read is a disclosure at all, not a novel or an unrelated file. */
export function looksLikeDisclosure(doc: ParsedDocument): boolean {
  const facts = doc.figures.filter((f) => f.table === 'facts').length;
  return doc.tables.length > 0 || doc.projects.length > 0 || facts >= 2;
}
