import type { Fen } from '../model/amount';
import type { SourceRef } from '../model/document';
import type { Precision } from '../model/narrative';
import { TABLE_NAMES, type TableKey } from '../model/keys';
import type { DocView, RowView, TableState } from './docView';
import { inferPrecision, judgeStatedAt } from './precision';
import { judge, wan, type Verdict } from './tolerance';
import type { CheckId, CheckRun, Finding, FindingTable, Severity } from './types';

export interface Where {
  table: FindingTable;
  rowCode: string;
  rowName?: string;
  column?: string;
  line?: number | null;
  relatedDocId?: string | null;
  /** The narrative's sentence (per-item and text findings). */
  quote?: string;
  page?: number | null;
  /**
   * The file `line` and `page` count in, when not the document's own (SourceRef.file: a narrative
   * PDF joined to its tables). Give it wherever a line comes from a figure, paragraph or statement.
   */
  file?: string | null;
}

/** Something printed at a line: a figure or table (its source), or a row of figures. */
type Printed = { source: SourceRef } | { line: number | null; file?: string };

/**
 * The line of the first of these that has one, with the file it counts in: where a finding about
 * them points (a figure a narrative PDF brought counts its lines in that file, SourceRef.file).
 */
export function lineOf(...xs: (Printed | null | undefined)[]): Pick<Where, 'line' | 'file'> {
  for (const x of xs) {
    if (!x) continue;
    const [line, file] = 'source' in x ? [x.source.line, x.source.file] : [x.line, x.file];
    if (line !== null && line !== undefined) return { line, file: file ?? null };
  }
  return { line: null, file: null };
}

/** Where a paragraph, statement or project of the narrative was printed: line, page and file. */
export function printedAt(source: SourceRef): Pick<Where, 'line' | 'page' | 'file'> {
  return { line: source.line, page: source.page ?? null, file: source.file ?? null };
}

/** A term of a relation: its label for the message and its printed value (null = blank). */
export interface Term {
  label: string;
  fen: Fen | null;
}

const STATE_REASON: Record<Exclude<TableState, 'present' | 'empty'>, string> = {
  missing: '文档中没有此表',
  unreadable: '此表的数字未能读取',
};

/**
 * What one check records while it runs on one document: its findings, how many comparisons it made
 * (a check that made none did not run) and why parts of it could not run.
 */
export class CheckContext {
  readonly findings: Finding[] = [];
  comparisons = 0;
  readonly notRun: string[] = [];

  constructor(readonly view: DocView, readonly check: CheckId) {}

  private readonly unreadRows = new Set<string>();

  /**
   * A figure the importer could not read: the comparisons that need it are 未执行, with the reason
   * (one note per table naming its rows), never an error and never 「空白」.
   */
  unreadNote(table: TableKey, row: string): void {
    const key = `${table}|${row}`;
    if (this.unreadRows.has(key)) return;
    this.unreadRows.add(key);
    const rows = [...this.unreadRows].filter((k) => k.startsWith(`${table}|`)).map((k) => k.slice(table.length + 1) || '全表');
    const reason = `${TABLE_NAMES[table]}中 ${rows.join('、')} 行的数字未能读取，涉及这些数字的比较未执行`;
    const at = this.notRun.findIndex((r) => r.startsWith(`${TABLE_NAMES[table]}中 `));
    if (at >= 0) this.notRun[at] = reason;
    else this.notRun.push(reason);
  }

  /** Whether any of the cells is unread; if so, notes it (see unreadNote). */
  anyUnread(table: TableKey, rows: readonly string[], column = ''): boolean {
    if (!this.view.doc.warnings.length) return false;
    let any = false;
    for (const r of rows) {
      const row = this.view.row(table, r);
      if (this.view.unread(table, r, column) || (row && this.view.unreadRow(table, row))) {
        this.unreadNote(table, r);
        any = true;
      }
    }
    return any;
  }

  report(severity: Severity, where: Where, message: string, expected: string, actual: string): void {
    this.findings.push({
      docId: this.view.docId,
      check: this.check,
      severity,
      table: where.table,
      rowCode: where.rowCode,
      rowName: where.rowName ?? '',
      column: where.column ?? '',
      message,
      expected,
      actual,
      line: where.line ?? null,
      relatedDocId: where.relatedDocId ?? null,
      quote: where.quote ?? '',
      page: where.page ?? null,
      file: where.file ?? null,
    });
  }

  /**
   * Requires the tables to be readable; otherwise records 「未执行」 with the reason and returns false.
   * A table published empty (「空表列示」) is readable: its figures are all zero.
   */
  need(tables: readonly TableKey[], what: string): boolean {
    const bad = tables.filter((t) => {
      const s = this.view.state(t);
      return s === 'missing' || s === 'unreadable';
    });
    if (!bad.length) return true;
    const reason = `${what}：${bad.map((t) => `${TABLE_NAMES[t]}${STATE_REASON[this.view.state(t) as 'missing' | 'unreadable']}`).join('；')}`;
    this.notRun.push(reason);
    this.report('not_run', { table: bad[0], rowCode: '', ...lineOf(this.view.tableSeen(bad[0])) }, `未执行：${reason}`, '', '');
    return false;
  }

  /**
   * Checks `total = Σ parts` and reports a break. Blank parts count as nothing; the caller decides
   * beforehand whether a blank total or all-blank parts are themselves a finding. Returns the verdict.
   */
  sum(where: Where, totalLabel: string, total: Fen, parts: readonly Term[], relation: string, errorSeverity: Severity = 'error'): Verdict {
    this.comparisons++;
    const printed = parts.filter((p) => p.fen !== null);
    const expected = printed.reduce((s, p) => s + (p.fen as Fen), 0);
    const verdict = judge(total, expected, printed.length);
    if (verdict === 'ok') return verdict;
    const terms = parts.map((p) => `${p.label} ${wan(p.fen)}`).join(' + ');
    const head = `${place(where)}${totalLabel} ${wan(total)}，而 ${terms} = ${wan(expected)}`;
    const diff = `相差 ${wan(total - expected)}`;
    // A row of the table the importer could not place may be the missing part: not the document's
    // error, as far as anyone can tell. Said as 未执行, with the difference.
    const unplaced = where.table === 'document' ? 0 : this.view.unplacedRows(where.table);
    if (unplaced) {
      this.notRun.push(`${head}（${diff}），但${TABLE_NAMES[where.table as TableKey]}有 ${unplaced} 行未能识别、其数字未导入，可能正是差额所在，未判断（见导入提示）`);
      return verdict;
    }
    if (verdict === 'rounding') {
      this.report('rounding', where, `${head}（${diff}，在 ${printed.length} 个加数的尾差范围内）。应有：${relation}`, wan(expected), wan(total));
    } else {
      this.report(errorSeverity, where, `${head}（${diff}）。应有：${relation}`, wan(expected), wan(total));
    }
    return verdict;
  }

  /**
   * Two printings of the same figure (one table against another). `stated`: `actual` is stated in the
   * text, and compared at the precision it is printed with (17,192 万元 is whole 万元): given, or (true)
   * read from its value's last digits.
   */
  same(where: Where, label: string, actual: Fen, otherLabel: string, other: Fen, stated: boolean | Precision = false): Verdict {
    this.comparisons++;
    const verdict = stated ? judgeStatedAt(actual, stated === true ? inferPrecision(actual) : stated, other) : judge(actual, other, 1);
    if (verdict === 'ok') return verdict;
    const head = `${place(where)}${label} ${wan(actual)}，${otherLabel} ${wan(other)}（相差 ${wan(actual - other)}）`;
    const tail = verdict === 'rounding' ? (stated ? '，不超过说明所写精度的最后一位' : '，在尾差范围内') : '';
    this.report(verdict === 'rounding' ? 'rounding' : 'error', where, `${head}${tail}。应有：${label} = ${otherLabel}`, wan(other), wan(actual));
    return verdict;
  }

  run(): CheckRun {
    const count = (s: Severity) => this.findings.filter((f) => f.severity === s).length;
    return {
      docId: this.view.docId,
      check: this.check,
      status: this.comparisons > 0 ? 'ran' : 'not_run',
      comparisons: this.comparisons,
      errors: count('error'),
      warnings: count('warning'),
      roundings: count('rounding'),
      notRun: [...this.notRun],
    };
  }
}

/** 「支出总表 第 201 行「一般公共服务支出」：」 */
export function place(where: Where): string {
  if (where.table === 'document') return '';
  const table = TABLE_NAMES[where.table];
  if (!where.rowCode) return `${table}：`;
  if (where.table === 'facts') return `${table}：`;
  const row = where.rowCode === 'total' ? '合计行' : `${where.rowCode} 行`;
  return `${table} ${row}${where.rowName ? `「${where.rowName}」` : ''}：`;
}

export function rowWhere(table: TableKey, row: RowView, column?: string): Where {
  return { table, rowCode: row.code, rowName: row.name, column, ...lineOf(column ? row.cells.get(column) : undefined, row) };
}
