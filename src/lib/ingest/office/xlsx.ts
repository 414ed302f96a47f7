/**
 * An .xlsx workbook → its sheets as grids of display strings. Cell VALUES are read (never the text a
 * formula would compute now: a formula's cached value is used, it is never evaluated), numbers shown
 * as their format prints them (number.ts), strings from the shared table or inline. Sheet size is
 * capped by the cells really present, never by the <dimension> a file declares.
 */
import { displayNumber, GENERAL, numberFormat, type NumberFormat } from './number';
import { readXml, type Attrs } from './xml';

export interface SheetLimits {
  maxRows: number;
  maxCols: number;
  maxCells: number;
}

export const SHEET_LIMITS: SheetLimits = { maxRows: 50_000, maxCols: 256, maxCells: 1_000_000 };

export interface Sheet {
  name: string;
  hidden: boolean;
  /** rows[r][c] (0-based), sparse: a missing row or cell is blank. */
  cells: Map<number, Map<number, string>>;
  merges: { r0: number; c0: number; r1: number; c1: number }[];
  /** Notes for the reader: cells beyond the caps, formulas without a cached value. */
  notes: string[];
}

/**
 * A sheet's cells as they are read, capped by the cells really present: what lies beyond the caps is
 * counted, not kept, and said in `notes()`. Shared by the .xlsx, .xls and Excel 2003 XML readers.
 */
export function sheetCells(limits: SheetLimits) {
  const cells = new Map<number, Map<number, string>>();
  let count = 0;
  let beyond = 0;
  return {
    cells,
    put(r: number, c: number, text: string): void {
      if (r >= limits.maxRows || c >= limits.maxCols || count >= limits.maxCells) {
        beyond++;
        return;
      }
      let line = cells.get(r);
      if (!line) cells.set(r, (line = new Map()));
      if (!line.has(c)) count++;
      line.set(c, text);
    },
    notes(): string[] {
      return beyond ? [`有 ${beyond} 个单元格超出读取范围（最多 ${limits.maxRows} 行、${limits.maxCols} 列、${limits.maxCells} 个单元格），未读取`] : [];
    },
  };
}

export interface Workbook {
  sheets: Sheet[];
  notes: string[];
}

/** Reads a part of the package as text; null when it is absent. */
export type PartReader = (path: string) => string | null;

/** 「AB12」 → [11, 27] (0-based row, column); null if not a cell reference. */
export function cellRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > 16384) return null;
  }
  const row = Number(ref.slice(i));
  if (!i || !Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A relationship target → a package path, relative to the part that owns the rels. */
export function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function relationships(read: PartReader, part: string): Map<string, { target: string; type: string; external: boolean }> {
  const slash = part.lastIndexOf('/');
  const rels = new Map<string, { target: string; type: string; external: boolean }>();
  const xml = read(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  if (!xml) return rels;
  readXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) {
        const external = a.TargetMode === 'External';
        rels.set(a.Id, { target: external ? a.Target : resolvePath(part, a.Target), type: a.Type ?? '', external });
      }
    },
  });
  return rels;
}

/** The main part the package's root relationships name (xl/workbook.xml, word/document.xml). */
export function mainPart(read: PartReader): string | null {
  for (const r of relationships(read, '').values()) if (r.type.endsWith('/officeDocument')) return r.target;
  return null;
}

export function readWorkbook(read: PartReader, workbookPath: string, limits: SheetLimits = SHEET_LIMITS): Workbook {
  const rels = relationships(read, workbookPath);
  const notes: string[] = [];
  const list: { name: string; rid: string; hidden: boolean }[] = [];
  let externals = 0;
  readXml(read(workbookPath) ?? '', {
    open(name, a) {
      if (name === 'sheet') list.push({ name: a.name ?? `Sheet${list.length + 1}`, rid: a.id ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      if (name === 'externalReference') externals++;
    },
  });
  if (externals) notes.push(`工作簿有 ${externals} 个外部链接，已忽略：只读取文件中保存的值，不访问其他文件`);
  let strings: string[] = [];
  let formats: NumberFormat[] = [];
  for (const r of rels.values()) {
    if (r.type.endsWith('/sharedStrings')) strings = sharedStrings(read(r.target) ?? '');
    if (r.type.endsWith('/styles')) formats = cellFormats(read(r.target) ?? '');
  }
  const sheets: Sheet[] = [];
  for (const s of list) {
    const target = rels.get(s.rid);
    // A chart sheet or dialog sheet has no cells; only worksheets are read.
    if (!target || !target.type.endsWith('/worksheet')) continue;
    const xml = read(target.target);
    if (xml === null) {
      notes.push(`工作表「${s.name}」在文件中缺失`);
      continue;
    }
    sheets.push({ ...readSheet(xml, strings, formats, limits), name: s.name, hidden: s.hidden });
  }
  return { sheets, notes };
}

/** The shared strings: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  readXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        out.push(current);
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText && !phonetic && current !== null) current += t;
    },
  });
  return out;
}

/** Each cell style's number format (styles.xml cellXfs, by index). */
function cellFormats(xml: string): NumberFormat[] {
  const codes = new Map<number, string>();
  const formats: NumberFormat[] = [];
  let inXfs = false;
  readXml(xml, {
    open(name, a) {
      if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(numberFormat(id, codes.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
  });
  return formats;
}

/** The only sheet elements whose attributes are read. */
const SHEET_ATTRS: ReadonlySet<string> = new Set(['row', 'c', 'mergeCell']);

function readSheet(xml: string, strings: readonly string[], formats: readonly NumberFormat[], limits: SheetLimits): Omit<Sheet, 'name' | 'hidden'> {
  const { cells, put, notes: capped } = sheetCells(limits);
  const merges: Sheet['merges'] = [];
  let uncached = 0;
  let row = -1;
  let col = -1;
  let cell: Attrs | null = null;
  let value: string | null = null;
  let inline = '';
  let formula = false;
  let part: 'v' | 't' | null = null;

  readXml(xml, {
    open(name, a) {
      if (name === 'row') {
        row = a.r ? Number(a.r) - 1 : row + 1;
        col = -1;
      } else if (name === 'c') {
        const at = a.r ? cellRef(a.r) : null;
        if (at) [row, col] = at;
        else col++;
        cell = a;
        value = null;
        inline = '';
        formula = false;
      } else if (name === 'v') part = 'v';
      else if (name === 't' && cell) part = 't';
      else if (name === 'f') formula = true;
      else if (name === 'mergeCell' && a.ref) {
        const [from, to] = a.ref.split(':');
        const p = cellRef(from);
        const q = cellRef(to ?? from);
        if (p && q) merges.push({ r0: p[0], c0: p[1], r1: q[0], c1: q[1] });
      }
    },
    close(name) {
      if (name === 'v' || name === 't') part = null;
      else if (name === 'c' && cell) {
        const text = cellText(cell, value, inline, strings, formats);
        if (text !== '') put(row, col, text);
        else if (formula && value === null) uncached++;
        cell = null;
      }
    },
    text(t) {
      if (part === 'v') value = (value ?? '') + t;
      else if (part === 't') inline += t;
    },
  }, SHEET_ATTRS);
  const notes = capped();
  if (uncached) notes.push(`有 ${uncached} 个公式单元格没有保存计算结果（公式不会被计算），按空白处理；请在 Excel/WPS 中打开并保存后再导入`);
  return { cells, merges, notes };
}

function cellText(a: Attrs, value: string | null, inline: string, strings: readonly string[], formats: readonly NumberFormat[]): string {
  switch (a.t) {
    case 's': {
      const i = Number(value);
      return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : '';
    }
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
    case 'd':
      return value ?? '';
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : '';
    default: {
      if (value === null) return '';
      const fmt = a.s !== undefined ? formats[Number(a.s)] ?? GENERAL : GENERAL;
      return displayNumber(value, fmt) ?? value;
    }
  }
}
