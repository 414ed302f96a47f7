import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { parseDecimal } from '../../../src/lib/model/amount';
import type { StoredDocument, TableSeen } from '../../../src/lib/model/document';
import type { TableKey } from '../../../src/lib/model/keys';
import type { Finding } from '../../../src/lib/audit/audit';
import { corpusDir, goldDir, seedsDir } from '../../support/shared';

/** A known defect of a gold document (../shared/gold/*.json). */
export interface Defect { kind: 'error' | 'rounding' | 'warning'; check: string; where: string; text: string; match: [string, string][] }
export interface GoldDoc {
  file: string; files?: string[]; doc_id?: string; unit_code: string; unit_name: string;
  scope: 'department' | 'unit'; stage: 'budget' | 'final'; year: number;
  figures: [string, string, string, string][]; known_defects?: Defect[];
}

export function gold(name: 'seeds' | 'shanghai-training' | 'jiangsu-training'): GoldDoc[] {
  return JSON.parse(readFileSync(path.join(goldDir, `${name}.json`), 'utf8')).documents;
}

export const matches = (f: Finding, pairs: readonly [string, string][]) => pairs.some(([t, r]) => f.table === t && f.rowCode === r);

const imports = new Map<string, Promise<StoredDocument[]>>();
/** A corpus or seed file imported once per test run (PDFs through the Node opener). */
export function imported(dir: string, file: string): Promise<StoredDocument[]> {
  const key = path.join(dir, file);
  if (!imports.has(key)) {
    imports.set(key, importFile(new Uint8Array(readFileSync(key)), file, { openPdf: openPdfNode }).then((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.docs;
    }));
  }
  return imports.get(key)!;
}

export async function seedDocuments(): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for (const g of gold('seeds')) {
    for (const d of await imported(seedsDir, g.file)) if (!out.some((o) => o.docId === d.docId)) out.push(d);
  }
  return out;
}

/** The six Shanghai PDFs as the importer reads them today (every gold figure comes out exactly). */
export async function shanghaiDocuments(): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for (const g of gold('shanghai-training')) out.push(...(await imported(path.join(corpusDir, 'shanghai'), g.file)));
  return out;
}

/**
 * The six Jiangsu documents: their tables from the gold itself (the importer's reading of Jiangsu
 * tables is being rebuilt elsewhere), their narrative and narrative figures as read from the real
 * PDFs. So the audit's narrative checks meet the document's real sentences and its true tables.
 */
export async function jiangsuDocuments(): Promise<StoredDocument[]> {
  const out: StoredDocument[] = [];
  for (const g of gold('jiangsu-training')) {
    const read: StoredDocument[] = [];
    for (const f of g.files ?? [g.file]) read.push(...(await imported(path.join(corpusDir, 'jiangsu'), f)));
    const narrative = read.find((d) => d.narrative?.statements.length) ?? read[0];
    const facts = read.flatMap((d) => d.figures.filter((f) => f.table === 'facts'));
    const seenFacts = new Set<string>();
    const tableFigures = g.figures.filter(([t]) => t !== 'facts').map(([table, rowCode, column, amount], i) => ({
      table: table as TableKey, rowCode, rowName: '', column, amount: parseDecimal(amount)!, source: { line: 100000 + i },
    }));
    const withFigures = new Set(tableFigures.map((f) => f.table));
    // The twelve tables: those the gold records, and the 政府性基金 table every document prints empty.
    const tables: TableSeen[] = [...new Set<TableKey>([...withFigures, 'fund_expense'])].map((t, i) => ({
      table: t, status: withFigures.has(t) ? 'present' : 'empty', title: t, source: { line: 90000 + i },
    }));
    out.push({
      docId: g.doc_id!, fileName: g.file,
      meta: { unitCode: g.unit_code, unitName: g.unit_name, scope: g.scope, stage: g.stage, year: g.year },
      figures: [...tableFigures, ...facts.filter((f) => !seenFacts.has(f.rowCode) && seenFacts.add(f.rowCode))],
      tables, projects: [], warnings: [], narrative: narrative.narrative,
    });
  }
  return out;
}
