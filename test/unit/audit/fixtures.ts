import { parseDecimal } from '../../../src/lib/model/amount';
import type { DocumentMeta, StoredDocument, TableSeen } from '../../../src/lib/model/document';
import { STANDARD_TABLES, type TableKey } from '../../../src/lib/model/keys';
import { auditDocuments, type DocumentAudit, type Finding } from '../../../src/lib/audit/audit';

/** A figure as the tests write it: [table, row, column, amount in 万元 as printed]. */
export type F = [TableKey, string, string, string];

/**
 * A hand-made document: figures in print order, every standard table seen (present if it has
 * figures, else published empty) unless `tables` says otherwise.
 */
export function makeDoc(figures: F[], opts: { docId?: string; meta?: Partial<DocumentMeta>; tables?: TableKey[] | 'none'; warnLines?: number[] } = {}): StoredDocument {
  const withFigures = new Set(figures.map((f) => f[0]));
  const tableKeys = opts.tables === 'none' ? [] : opts.tables ?? STANDARD_TABLES;
  // An empty table carries its 「空表」 note, as published empty tables should (completeness, item 7).
  const tables: TableSeen[] = tableKeys.map((t, i) => ({
    table: t, status: withFigures.has(t) ? 'present' : 'empty', title: t, source: { line: 1000 + i },
    ...(withFigures.has(t) ? {} : { note: '注：本单位无此项资金，本表为空表' }),
  }));
  return {
    docId: opts.docId ?? 'doc1',
    fileName: 'test.txt',
    meta: { unitCode: '101', unitName: '测试局', scope: 'department', stage: 'budget', year: 2023, ...opts.meta },
    figures: figures.map(([table, rowCode, column, amount], i) => ({
      table, rowCode, rowName: '', column, amount: parseDecimal(amount)!, source: { line: i + 1 },
    })),
    tables,
    projects: [],
    warnings: (opts.warnLines ?? []).map((line) => ({ message: '金额无法读取', source: { line } })),
  };
}

export function auditOne(figures: F[], opts: Parameters<typeof makeDoc>[1] = {}): DocumentAudit {
  return auditDocuments([makeDoc(figures, opts)])[0];
}

/** Findings of one check, as compact strings "severity table/row/column" for readable assertions. */
export function found(audit: DocumentAudit, check: string, severities: string[] = ['error', 'warning', 'rounding']): string[] {
  return audit.findings.filter((f) => f.check === check && severities.includes(f.severity)).map(short);
}

export function short(f: Finding): string {
  return `${f.severity} ${f.table}/${f.rowCode}${f.column ? `/${f.column}` : ''}`;
}

export function status(audit: DocumentAudit, check: string): string {
  return audit.checks.find((c) => c.check === check)!.status;
}
