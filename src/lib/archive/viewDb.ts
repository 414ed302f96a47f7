import type { SqlJsStatic } from 'sql.js';
import { LibraryDb } from '../db/library';
import type { StoredDocument } from '../model/document';
import type { Scope, Stage, TableKey } from '../model/keys';

/** A document row of documents/*.parquet. */
export interface ArchiveDocRow {
  doc_id: string;
  unit_key: string;
  unit_code: string;
  unit_name: string;
  scope: Scope;
  stage: Stage;
  year: number;
  province: string;
  city: string;
  file_name: string;
  figures: number;
  part_row: number;
  fig_row: number;
}

/** A figure row of the yoy, peers and figures files. */
export interface ArchiveFigureRow {
  doc_id: string;
  seq: number;
  table_key: string;
  row_code: string;
  row_name: string;
  column_key: string;
  amount: number;
  line: number | null;
  page?: number | null;
  box?: string | null;
}

/** Every archive document enters a view database with the same import time, so ties fall to doc_id as in the build. */
export const VIEW_TIME = new Date(0);

/**
 * A throw-away library holding just what one archive view fetched (its documents, and their
 * figures that the view reads), on which the library's own 同比/横比 queries run unchanged: the
 * archive has no comparison code of its own to drift from the local views. The caller closes it.
 */
export function viewDatabase(SQL: SqlJsStatic, docs: readonly ArchiveDocRow[], figures: readonly ArchiveFigureRow[]): LibraryDb {
  const byDoc = new Map<string, ArchiveFigureRow[]>();
  for (const f of figures) {
    let list = byDoc.get(f.doc_id);
    if (!list) byDoc.set(f.doc_id, (list = []));
    list.push(f);
  }
  const lib = LibraryDb.create(SQL);
  try {
    lib.addDocuments(docs.map((d) => archiveDocument(d, byDoc.get(d.doc_id) ?? [])), 'archive', 'archive', undefined, VIEW_TIME);
    return lib;
  } catch (e) {
    lib.close();
    throw e;
  }
}

/** A StoredDocument from its archive rows (figures in seq order); tables, projects and the rest from its content row when given. */
export function archiveDocument(d: ArchiveDocRow, figures: readonly ArchiveFigureRow[], content?: Pick<StoredDocument, 'tables' | 'projects' | 'warnings' | 'narrative' | 'rawTables'>): StoredDocument {
  return {
    docId: d.doc_id,
    fileName: d.file_name,
    meta: { unitCode: d.unit_code, unitName: d.unit_name, scope: d.scope, stage: d.stage, year: d.year },
    figures: [...figures].sort((a, b) => a.seq - b.seq).map((f) => ({
      table: f.table_key as TableKey, rowCode: f.row_code, rowName: f.row_name, column: f.column_key, amount: f.amount,
      source: { line: f.line ?? 0, ...(f.page != null ? { page: f.page } : {}), ...(f.box ? { box: JSON.parse(f.box) as [number, number, number, number] } : {}) },
    })),
    tables: content?.tables ?? [],
    projects: content?.projects ?? [],
    warnings: content?.warnings ?? [],
    ...(content?.narrative ? { narrative: content.narrative } : {}),
    ...(content?.rawTables?.length ? { rawTables: content.rawTables } : {}),
  };
}
