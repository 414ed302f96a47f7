import { toRows } from '../../../src/lib/ingest/lines';
import { readNarrative } from '../../../src/lib/ingest/narrative';
import type { StoredDocument } from '../../../src/lib/model/document';
import { auditDocuments, type DocumentAudit } from '../../../src/lib/audit/audit';
import { makeDoc, type F } from './fixtures';

/**
 * A document whose narrative is `text` (real sentences of the corpora), read by the importer's own
 * narrative reader, with the table figures `figures` (names optional: [table, row, column, amount, name]).
 */
export function narrativeDoc(text: string, figures: (F | [...F, string])[] = [], opts: Parameters<typeof makeDoc>[1] = {}): StoredDocument {
  const doc = makeDoc(figures.map((f) => f.slice(0, 4) as F), opts);
  figures.forEach((f, i) => (doc.figures[i].rowName = f[4] ?? ''));
  const coded = doc.figures.filter((f) => /^\d{3,7}$/.test(f.rowCode)).map((f) => ({ code: f.rowCode, name: f.rowName }));
  const read = readNarrative(toRows(text), coded);
  doc.figures.push(...read.facts);
  doc.narrative = read.narrative;
  return doc;
}

export function auditText(text: string, figures: (F | [...F, string])[] = [], opts: Parameters<typeof makeDoc>[1] = {}): DocumentAudit {
  return auditDocuments([narrativeDoc(text, figures, opts)])[0];
}

/** Findings of a check as 「severity table/row」. */
export function of(a: DocumentAudit, check: string, severities = ['error', 'rounding', 'warning']): string[] {
  return a.findings.filter((f) => f.check === check && severities.includes(f.severity)).map((f) => `${f.severity} ${f.table}/${f.rowCode}`);
}
