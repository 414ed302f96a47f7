import type { ImportWarning, ParsedDocument, PerformanceProject, RawTable, TableSeen } from '../model/document';
import { FEN_PER_WAN, moneyUnitOf } from '../model/amount';
import type { TableKey } from '../model/keys';
import { readMeta, settleStages } from './documentMeta';
import type { Row } from './lines';
import { readNarrative } from './narrative';
import { codedRowsOf } from './narrative/rekey';
import { readProjects } from './performance';
import { readAssets } from './tables/assets';
import { readClassified } from './tables/classified';
import { readIncomeBySource } from './tables/incomeBySource';
import type { DocSection, MappedTable, PreparedTable } from './tables/prepare';
import { readProcurement } from './tables/procurement';
import { FigureSink } from './tables/sink';
import { readFundSummary } from './tables/fundSummary';
import { readSummary } from './tables/summary';
import { readThreePublic } from './tables/threePublic';
import { settleGuessedUnits, type UnitGuess } from './tables/unitGuess';

type Reader = (t: MappedTable, sink: FigureSink) => void;

const READERS: Record<Exclude<TableKey, 'facts'>, Reader> = {
  summary: readSummary,
  fiscal_summary: readSummary,
  income: (t, sink) => (readIncomeBySource(t, sink) ? undefined : readClassified(t, sink)),
  expense: readClassified,
  general_expense: readClassified,
  basic_expense: readClassified,
  fund_expense: (t, sink) => (readFundSummary(t, sink) ? undefined : readClassified(t, sink)),
  soe_expense: (t, sink) => (readFundSummary(t, sink) ? undefined : readClassified(t, sink)),
  fiscal_expense: readClassified,
  fiscal_basic_expense: readClassified,
  general_economic: readClassified,
  operating_cost: readClassified,
  three_public: readThreePublic,
  procurement: readProcurement,
  assets: readAssets,
};

/** Reads the sections of one document (one unit) into figures, tables seen, projects and metadata. */
export function readDocument(sections: readonly DocSection[]): ParsedDocument {
  const warnings: ImportWarning[] = [];
  const sink = new FigureSink(warnings);
  const tables: TableSeen[] = [];
  const rawTables: RawTable[] = [];
  const prepared: PreparedTable[] = [];
  const projects: PerformanceProject[] = [];
  const projectKeys = new Set<string>();
  const narrative: Row[] = [];
  const guesses: UnitGuess[] = [];

  settleStages(sections);
  for (const s of sections) {
    if (s.kind === 'text') narrative.push(...s.rows);
    else if (s.kind === 'table') prepared.push(s.table);
  }
  // The document's metadata before its tables: a table that prints no year of its own (深圳's 三公 table,
  // rows 2025 年 | 2026 年) reads its periods against the document's year. Its warnings keep their place
  // after the narrative's.
  const metaWarnings: ImportWarning[] = [];
  const meta = readMeta(sections, prepared, narrative, metaWarnings);
  if (meta.year > 0) for (const t of prepared) if (t.year === null && !t.title.year) t.year = meta.year;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.kind === 'text') continue;
    else if (s.kind === 'project') {
      for (const p of readProjects(s.name, s.line, s.rows, warnings)) {
        const key = JSON.stringify([p.name, p.code, p.amount, p.goals, p.indicators.map((i) => [i.level3, i.value])]);
        // A project of a list with nothing but its name and amount (performanceList.ts) may be another
        // unit's of the same name and amount: kept, as printed.
        const bare = !p.goals && !p.indicators.length;
        if (projectKeys.has(key) && !bare) {
          warnings.push({ message: `绩效目标表「${p.name}」重复出现，只导入一次`, source: p.source });
        } else {
          projectKeys.add(key);
          projects.push(p);
        }
      }
    } else {
      const t = s.table;
      readTable(t, sink, tables, rawTables, guesses, looseAmounts(t, sections[i + 1]));
    }
  }
  sink.reading(null);
  // The narrative names its 类/款/项 by name: the document's own coded rows give their codes.
  const coded = codedRowsOf(sink.figures);
  // The document's stage first: a 预算's narrative names last year's 决算 too (narrative/facts.ts).
  const read = readNarrative(narrative, coded, meta.stage);
  for (const f of read.facts) sink.add(f, '情况说明');
  warnNarrativeTables(narrative, warnings);
  warnings.push(...metaWarnings);
  // After the narrative's facts: they print amounts with their units, a witness like any table.
  settleGuessedUnits(sink.figures, guesses, warnings);
  const doc: ParsedDocument = { meta, figures: sink.figures, tables, projects, warnings, narrative: read.narrative };
  if (rawTables.length) doc.rawTables = rawTables;
  return doc;
}

function readTable(t: PreparedTable, sink: FigureSink, tables: TableSeen[], rawTables: RawTable[], guesses: UnitGuess[], loose: number): void {
  const title = t.title.title;
  if (!isMapped(t)) {
    rawTables.push(rawTable(t));
    const why = t.kindNote ? `（${t.kindNote}）` : '';
    sink.reading(null, title);
    sink.warn(`${t.where}不是可识别的公开表${why}，未导入其数字；表中内容已原样保留`, t.line, { kind: 'unmapped_table' });
    return;
  }
  sink.reading(t.table, title);
  const before = sink.figures.length;
  READERS[t.table](t, sink);
  const added = sink.figures.length - before;
  // The 资产 table counts vehicles and square metres beside its amounts: its unit is not guessed.
  if (!t.unitStated && added > 0 && t.table !== 'assets') guesses.push({ t, from: before, to: sink.figures.length });
  // Whether the rows print amounts matters only for a table that gave no figure: looked at then. A
  // table whose every figure was read already (printed twice, or a 基本支出表 by 功能分类 repeating the
  // 支出表's 基本支出) was read, not unreadable.
  const unreadable = added === 0 && sink.repeated === 0 && !t.emptyNote && (loose > 0 || t.body.some(isDataRow));
  if (unreadable && loose > 0) {
    sink.warn(`${t.where}之后的内容是一格一行的文字（从 PDF 复制或转成文字时没有保留版面），其中 ${loose} 个金额无法还原到表格的行和列，这张表未导入：请导入原 PDF，或转换时保留版面（如 pdftotext -layout）`, t.line, { kind: 'unread_table' });
  } else if (unreadable) {
    rawTables.push(rawTable(t));
    sink.warn(`${t.where}中的数字都未能读取`, t.line, { kind: 'unread_table' });
  }
  // A table whose figures were kept under another table too (a 基本支出表 printed as a matrix, whose
  // 合计 row gives the 经济分类 table's: tables/economicColumns.ts) has that one seen as well.
  for (let k = before; k < sink.figures.length; k++) {
    const other = sink.figures[k].table;
    if (other !== t.table && !tables.some((seen) => seen.table === other)) tables.push({ table: other, status: 'present', title, source: { line: t.line } });
  }
  const status = unreadable ? 'unreadable' : added > 0 || sink.repeated > 0 ? 'present' : 'empty';
  const seen = tables.findIndex((s) => s.table === t.table);
  // The first printing stands, but a table printed with its figures after an empty one of its kind
  // (a contents table's row that says 「是否空表」, a blank page's title) is the table.
  if (seen >= 0 && !(tables[seen].status === 'empty' && status === 'present')) return;
  const entry: TableSeen = { table: t.table, status, title, source: { line: t.line }, ...(t.notes.length ? { note: t.notes.join(' ') } : {}) };
  if (seen >= 0) tables[seen] = entry;
  else tables.push(entry);
}

/**
 * A table of a text with no layout (a PDF's text copied, or converted without keeping its layout):
 * its title and unit line, then every cell on a line of its own, in the order the PDF drew them (a
 * 款's name and amounts before its code's digits). The table reads no row and the lines go to the
 * text after it, where they are no prose either. Counted here, the amounts alone on their lines right
 * after a table that read none: three or more, and the table is said to be unread, not empty.
 */
function looseAmounts(t: PreparedTable, next: DocSection | undefined): number {
  if (t.body.length || t.emptyNote || next?.kind !== 'text') return 0;
  let n = 0;
  for (const r of next.rows) {
    const text = r.cells.length === 1 ? r.cells[0] : singleCell(r.cells);
    if (text !== null && LOOSE_AMOUNT.test(text)) n++;
  }
  return n >= 3 ? n : 0;
}

const LOOSE_AMOUNT = /^\s*[-(（]?\d[\d,]*\.\d+[)）]?\s*$/;

function singleCell(cells: readonly string[]): string | null {
  let found: string | null = null;
  for (const c of cells) {
    if (c === '') continue;
    if (found !== null) return null;
    found = c;
  }
  return found;
}

function isMapped(t: PreparedTable): t is MappedTable {
  return t.table !== null && t.table !== 'facts';
}

/** A row printing an amount (「1,234」「0.50」), not only codes, 栏次 numbers or a bare 0. */
function isDataRow(r: Row): boolean {
  return r.cells.some((c) => /\d\.\d|\d,\d{3}/.test(c));
}

/** A table's cells as printed: rows above the first amount are its header. */
function rawTable(t: PreparedTable): RawTable {
  const first = t.body.findIndex(isDataRow);
  const split = first < 0 ? t.body.length : first;
  return {
    title: t.title.title,
    header: t.body.slice(0, split).map((r) => [...r.cells]),
    body: t.body.slice(split).map((r) => [...r.cells]),
    source: { line: t.line },
    ...(t.fenPerUnit !== FEN_PER_WAN ? { unit: moneyUnitOf(t.fenPerUnit) } : {}),
  };
}

/**
 * Tables inside the 情况说明 (a 三公 comparison, a staff table) are not imported as figures; say so
 * once per table, so that no printed amount is dropped without a word.
 */
function warnNarrativeTables(rows: readonly Row[], warnings: ImportWarning[]): void {
  let start: Row | null = null;
  let count = 0;
  const close = () => {
    if (start && count) warnings.push({ message: '情况说明中的一张表格含有金额，未作为数字导入', source: { line: start.line }, kind: 'unmapped_table' });
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
