import Papa from 'papaparse';
import { neutralizeCell } from '../model/formatCsv';
import { CHECK_BY_ID } from './registry';
import type { DocumentAudit, Finding } from './types';

/** The columns of the audit CSV (issue 5), in order. */
export const AUDIT_COLUMNS = [
  'doc_id', 'unit_code', 'unit_name', 'year', 'scope', 'check', 'severity', 'table', 'row_code', 'message', 'expected', 'actual',
  // Issue 13: the narrative's sentence a finding is about, and the PDF page.
  'quote', 'page',
  // The file the page counts in, when it is not the document's own (a narrative PDF joined to its tables).
  'file',
] as const;

export type AuditRow = Record<(typeof AUDIT_COLUMNS)[number], string>;

/**
 * One row per finding, plus one 'not_run' row for a check that did not run at all and recorded no
 * 未执行 finding of its own (the cross-document check when nothing related is loaded), so a batch
 * run never shows a check as silently passed.
 */
export function auditRows(audits: readonly DocumentAudit[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const a of audits) {
    const base = { doc_id: a.docId, unit_code: a.meta.unitCode, unit_name: a.meta.unitName, year: String(a.meta.year), scope: a.meta.scope };
    const row = (f: Pick<Finding, 'check' | 'severity' | 'table' | 'rowCode' | 'message' | 'expected' | 'actual'> & Partial<Pick<Finding, 'quote' | 'page' | 'fileName'>>): AuditRow => ({
      ...base, check: f.check, severity: f.severity, table: f.table, row_code: f.rowCode, message: f.message, expected: f.expected, actual: f.actual,
      quote: f.quote ?? '', page: f.page ? String(f.page) : '', file: f.fileName ?? '',
    });
    for (const f of a.findings) rows.push(row(f));
    for (const c of a.checks) {
      if (c.status !== 'not_run' || a.findings.some((f) => f.check === c.check && f.severity === 'not_run')) continue;
      rows.push(row({ check: c.check, severity: 'not_run', table: 'document', rowCode: '', message: `未执行（${CHECK_BY_ID[c.check].name}）：${c.notRun.join('；') || '没有可比较的数字'}`, expected: '', actual: '' }));
    }
  }
  return rows;
}

/** RFC 4180 CSV with a header; every cell protected from formula injection (neutralizeCell keeps "-12.5" a number). */
export function auditCsv(audits: readonly DocumentAudit[], { bom = false, severities = null as readonly string[] | null } = {}): string {
  const data = auditRows(audits).filter((r) => !severities || severities.includes(r.severity)).map((r) => AUDIT_COLUMNS.map((c) => neutralizeCell(r[c])));
  const body = Papa.unparse({ fields: [...AUDIT_COLUMNS], data }, { newline: '\r\n' });
  return (bom ? '\uFEFF' : '') + body + '\r\n';
}
