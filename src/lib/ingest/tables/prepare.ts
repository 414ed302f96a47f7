import { FEN_PER_WAN } from '../../model/amount';
import type { TableKey } from '../../model/keys';
import { isBlankMark, unitOfMeasure } from '../amounts';
import type { Row } from '../lines';
import { isEmptyNote, isNoteCell, isUnitLabelAlone, isUnitRest, moneyUnitAlone, unitLine, yearCell, type UnitLine } from '../meta';
import { compact } from '../normalize';
import { isMetaCell } from '../segment';
import { sameTitle, type Section } from '../segment';
import type { TableTitle } from '../titles';
import { chooseKind, type CodeKind } from './kind';
import { headUnit, withoutHeadUnits } from './headUnit';
import { joinWrappedDigits } from './wrappedDigits';
import { splitNameAmounts } from './nameAmountCells';

/** A table section with the repeated page furniture taken out and what it said kept. */
export interface PreparedTable {
  /** The kind, from the title checked against the content (kind.ts); null: not mapped to any key. */
  table: TableKey | null;
  /** Why the title's kind was not taken, when it was not. */
  kindNote: string | null;
  /** What the body's codes say (kind.ts codeKind), as choosing the kind found it; unset: not asked. */
  codes?: CodeKind;
  title: TableTitle;
  line: number;
  unit: UnitLine | null;
  year: number | null;
  fenPerUnit: number;
  emptyNote: boolean;
  /** The notes printed with the table (「注：…」), for the audit's empty-table check. */
  notes: string[];
  /** Header and data rows, in order, without unit/year/money-unit/栏次/note lines. */
  body: Row[];
  /** The header's first column is 序号, so each data row starts with a running number. */
  hasSeq: boolean;
  /** 「一般公共预算财政拨款支出表」: where warnings name the table. */
  where: string;
  /**
   * 「单位：」 was printed but its unit not read (unit: none read) or taken from the document's other
   * tables (borrowed: their fen per unit), which the table then says in a warning; `unprinted`: no
   * unit was printed at all, and the one the other tables agree on was taken.
   */
  unitUnread?: { borrowed: number | null; unprinted?: undefined } | { borrowed: number; unprinted: true };
  /** The table printed its money unit (in its title or furniture), not the default. */
  unitStated?: boolean;
}

/** A table whose kind is known: what the recognisers read. */
export type MappedTable = PreparedTable & { table: Exclude<TableKey, 'facts'> };

/** A document's sections with each table prepared: what split.ts and readDocument.ts work on. */
export type DocSection = Exclude<Section, { kind: 'table' }> | { kind: 'table'; table: PreparedTable };

export function prepareSections(sections: readonly Section[]): DocSection[] {
  // `own`: the table prepared from its own rows, kept while no later page joined it (the same rows
  // prepared again would give the same table).
  type Group = { section: Section & { kind: 'table' }; rows: Row[]; unit: UnitLine | null; own: PreparedTable | null };
  const out: (Exclude<Section, { kind: 'table' }> | Group)[] = [];
  let last: Group | null = null;
  for (const s of sections) {
    if (s.kind !== 'table') {
      out.push(s);
      if (s.rows.length) last = null;
      continue;
    }
    const own = prepareTable(s.title, s.line, s.rows);
    // The same title straight after its table continues it on the next page, unless its unit line
    // names another unit (the next document's table, printed the same way).
    if (last && sameTitle(last.section.title, s.title) && sameUnit(last.unit, own.unit)) {
      last.rows.push(...s.rows);
      last.unit ??= own.unit;
      last.own = null;
      continue;
    }
    last = { section: s, rows: [...s.rows], unit: own.unit, own };
    out.push(last);
  }
  const prepared: DocSection[] = out.map((g) => ('section' in g ? { kind: 'table', table: g.own ?? prepareTable(g.section.title, g.section.line, g.rows) } : g));
  borrowUnits(prepared);
  return prepared;
}

/**
 * A table whose 「单位：」 came without its unit takes the unit of the nearest table before it that
 * states one, else after it: a disclosure prints its tables in one unit, and 万元 (the default) would
 * be ten thousand times off a table in 元. A money table that prints no unit at all (a scan whose
 * unit line was lost, a publisher's slip) takes the unit every other table states, when they agree;
 * either way the table says so in a warning. The 资产 table is left as it is: its columns count
 * vehicles and square metres.
 */
function borrowUnits(sections: readonly DocSection[]): void {
  const tables = sections.flatMap((s) => (s.kind === 'table' ? [s.table] : []));
  // A table that stated its unit never lost it (readMetaCell clears unitUnread when one is read).
  const stated = (u: PreparedTable) => u.unitStated;
  let only: number | null | undefined;
  tables.forEach((t, i) => {
    if (t.unitUnread) {
      const from = tables.slice(0, i).reverse().find(stated) ?? tables.slice(i + 1).find(stated);
      if (!from) return;
      t.fenPerUnit = from.fenPerUnit;
      t.unitUnread = { borrowed: from.fenPerUnit };
      return;
    }
    if (t.unitStated || t.table === null || t.table === 'assets' || t.table === 'facts') return;
    only ??= agreedUnit(tables);
    if (only === null || only === t.fenPerUnit) return;
    t.fenPerUnit = only;
    t.unitUnread = { borrowed: only, unprinted: true };
  });
}

/** The unit every table that states one states; null where none does, or two differ. */
function agreedUnit(tables: readonly PreparedTable[]): number | null {
  let unit: number | null = null;
  for (const t of tables) {
    if (!t.unitStated) continue;
    if (unit !== null && unit !== t.fenPerUnit) return null;
    unit = t.fenPerUnit;
  }
  return unit;
}

/** What the page furniture read so far says (a closure per table cost a name per call under tsx's keepNames). */
interface MetaState {
  unitSeen: boolean;
  yearPending: boolean;
  /** The unit line's own unit, when the row before was it (its name may wrap onto this row). */
  unitAbove: boolean;
  /** The cell before was 「单位：」 alone: a money unit alone in this one is its unit. */
  unitLabel?: boolean;
}

function readMetaCell(c: string, t: PreparedTable, state: MetaState): void {
  const u = unitLine(c);
  if (u) state.unitAbove = true;
  if (u && !t.unit) t.unit = u;
  const y = yearCell(c);
  if (y === 'label') state.yearPending = true;
  else if (y !== null) t.year ??= y;
  // The year on the unit's line, run together with it (「100000 某某局预算年度：2019单位：万元」).
  else if (u) {
    const inLine = /(?:预算|决算)年度[:：]\s*((?:19|20)\d{2})/.exec(c);
    if (inLine) t.year ??= Number(inLine[1]);
  }
  const m = unitOfMeasure(c) ?? (state.unitLabel ? moneyUnitAlone(c) : null);
  if (m !== null && !state.unitSeen) {
    t.fenPerUnit = m;
    t.unitStated = true;
    state.unitSeen = true;
    t.unitUnread = undefined;
  }
  state.unitLabel = isUnitLabelAlone(c);
  if (state.unitLabel && !state.unitSeen) t.unitUnread = { borrowed: null };
}

/** Every filled cell is page furniture (isMetaCell); a row's first filled cell decides most rows. */
function allMeta(cells: readonly string[]): boolean {
  let meta = 0;
  let stray = 0;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === '') continue;
    if (isMetaCell(cells[i])) meta++;
    else if (cells[i].length === 1 && cells[i] >= '0' && cells[i] <= '9') stray++;
    else return false;
  }
  // A lone digit beside two cells of furniture (「编制部门：…」「单位：」「0」: a speck OCR read) is no
  // amount: no row of a table has two furniture cells and no label.
  return stray === 0 || meta >= 2;
}

/**
 * The row with its dash cells (「—」「-」「／」) blank, as printed cells are, a year parted from its 年
 * joined again and an amount wrapped in its cell whole (a copy only where it holds one).
 */
function withoutMarks(row: Row): Row {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== '' && isBlankMark(cells[i])) return withoutMarks({ ...row, cells: cells.map((c) => (c !== '' && isBlankMark(c) ? '' : c)) });
    if (i + 1 < cells.length && cells[i + 1].charCodeAt(0) === 0x5e74 && YEAR.test(cells[i])) return withoutMarks(joinedYear(row, i));
    if (cells[i].indexOf(' ') > 0 && WRAPPED_AMOUNT.test(cells[i])) return withoutMarks({ ...row, cells: cells.map((c) => (WRAPPED_AMOUNT.test(c) ? c.replace(' ', '') : c)) });
  }
  return row;
}

/**
 * An amount wrapped in a column too narrow for it, its last decimals on the line below (长春:
 * 「1682.7」 over 「6」, read as 「1682.7 6」): one amount, its two decimals whole again. Only where the
 * point stands before the break and two decimals after the join: two amounts in a cell are no such thing.
 */
const WRAPPED_AMOUNT = /^\d[\d,]*\.(?:\d \d|\s\d\d)$/;

/**
 * 「2026 | 年预算数」: a head whose year a PDF sets in a font of its own, a space before 年, parted into two
 * cells; the year read as an amount made the header row one of data (Shenzhen's 收支总表: 「目」 2026).
 */
function joinedYear(row: Row, i: number): Row {
  const cells = [...row.cells];
  cells[i] = `${cells[i]}${cells[i + 1]}`;
  cells[i + 1] = '';
  return { ...row, cells };
}

const YEAR = /^(?:19|20)\d{2}$/;

/** An amount: a note's cells hold none but its year. */
function isDataCell(c: string): boolean {
  return /\d[.,]\d/.test(c);
}

function sameUnit(a: UnitLine | null, b: UnitLine | null): boolean {
  return !a || !b || (a.code === b.code && a.name === b.name);
}

export function prepareTable(title: TableTitle, line: number, rows: readonly Row[]): PreparedTable {
  const t: PreparedTable = {
    table: title.table, kindNote: null, codes: undefined, title, line, unit: null, year: null, fenPerUnit: title.fenPerUnit ?? FEN_PER_WAN,
    emptyNote: false, notes: [], body: [], hasSeq: false, where: `「${title.title}」`,
    ...(title.fenPerUnit !== undefined ? { unitStated: true } : {}),
  };
  // A unit printed in the title is the table's, as the first unit line below it would be.
  const state: MetaState = { unitSeen: title.fenPerUnit !== undefined, yearPending: false, unitAbove: false };
  for (const printed of rows) {
    const row = withoutMarks(printed);
    // The filled cells are counted, not copied out: most rows are body rows, which need no copy.
    const all = row.cells;
    let filled = 0;
    let first = '';
    for (let i = 0; i < all.length; i++) if (all[i] !== '' && filled++ === 0) first = all[i];
    if (!filled) continue;
    if (state.unitAbove && isUnitRest(all)) {
      const cells = all.filter((c) => c !== '');
      // 「部门名称：江苏省高级人民法」 / 「院」: the name wrapped.
      if (t.unit) t.unit = { ...t.unit, name: t.unit.name + cells[0] };
      state.unitAbove = false;
      for (const c of cells.slice(1)) readMetaCell(c, t, state);
      continue;
    }
    state.unitAbove = false;
    if (state.yearPending && filled === 1 && /^\d{4}$/.test(first)) {
      t.year ??= Number(first);
      state.yearPending = false;
      continue;
    }
    state.yearPending = false;
    if (allMeta(all)) {
      for (let i = 0; i < all.length; i++) if (all[i] !== '') readMetaCell(all[i], t, state);
      continue;
    }
    // A note whose year a PDF set apart (「备注：本部门 | 2026 | 年没有使用…」) is one note still.
    if (isNoteCell(first) && (filled === 1 || all.every((c) => c === '' || !isDataCell(c)))) {
      const note = filled === 1 ? first.trim() : all.filter(Boolean).join('').replace(/\s+/g, '');
      t.notes.push(note);
      if (isEmptyNote(note)) t.emptyNote = true;
      continue;
    }
    if (filled === 1 && isEmptyNote(first)) {
      t.notes.push(first.trim());
      t.emptyNote = true;
      continue;
    }
    // Only a cell holding 序 can read 序号: the others are not compacted. 「序号收入」「序号 科目编码」:
    // the head run together with the next (a converter's narrow grid, pdftotext's single space).
    if (all.length && all[0].includes('序') && /^序号[\u4e00-\u9fff]*$/.test(compact(all[0]))) t.hasSeq = true;
    t.body.push(withoutHeadUnits(row));
  }
  t.body = splitNameAmounts(joinWrappedDigits(t.body));
  if (!state.unitSeen) {
    const u = headUnit(rows);
    if (u !== null) {
      t.fenPerUnit = u;
      t.unitStated = true;
      t.unitUnread = undefined;
    }
  }
  // 「2023年部门预算收支总表」: a title may carry the year when no 预算年度 line does.
  t.year ??= title.year;
  const kind = chooseKind(title, t.body);
  t.table = kind.table;
  t.kindNote = kind.note;
  t.codes = kind.codes;
  return t;
}
