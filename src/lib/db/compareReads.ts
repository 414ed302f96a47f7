import type { Database } from 'sql.js';
import type { DocumentMeta } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import type { Narrative } from '../model/narrative';
import { all, jsonRows, list, sql } from './sql';
import { loadLinks } from './unitLinks';

type FigureTuple = [string, string, string, string, string, number, number | null];
interface Needs {
  keyed: readonly (readonly [string, string, string])[];
  classTables: readonly string[];
  classColumns?: readonly string[];
  maxCodeLength: number;
  mappedCodes: readonly string[];
}

/** What the comparisons read (compare/source.ts CompareSource, matched by shape). */
export interface CompareReads {
  version(): number;
  documents(): (DocumentMeta & { docId: string })[];
  links(): Map<string, string>;
  figures(docIds: readonly string[], needs: Needs): FigureTuple[];
  narratives(docIds: readonly string[]): Map<string, Narrative>;
}

const reads = new WeakMap<Database, CompareReads>();
/** One per connection, so that what compare derives from it (units) is kept between views. */
export function compareReads(db: Database): CompareReads {
  let r = reads.get(db);
  if (!r) reads.set(db, (r = makeReads(db)));
  return r;
}

/** Bound as one JSON parameter per needs object: SQLite builds one lookup table of it per statement. */
const keyedJson = new WeakMap<object, string>();

function makeReads(db: Database): CompareReads {
  return {
    // SQLite's total_changes() counts every row inserted, updated or deleted on this connection.
    version: () => Number(db.exec('SELECT total_changes()')[0].values[0][0]),
    documents: () => jsonRows<[string, string, string, Scope, Stage, number]>(db, sql`
      SELECT json_group_array(json_array(doc_id, unit_code, unit_name, scope, stage, year)) FROM (
        SELECT * FROM document ORDER BY year, imported_at, doc_id)`)
      .map(([docId, unitCode, unitName, scope, stage, year]) => ({ docId, unitCode, unitName, scope, stage, year })),
    links: () => loadLinks(db),
    figures: (docIds, needs) => (docIds.length ? figureRows(db, docIds, needs) : []),
    narratives: (docIds) => {
      const out = new Map<string, Narrative>();
      if (!docIds.length) return out;
      for (const r of all<{ docId: string; narrative: string }>(db, sql`SELECT doc_id AS docId, narrative FROM doc_narrative WHERE doc_id IN (${list(docIds)})`)) {
        out.set(r.docId, JSON.parse(r.narrative) as Narrative);
      }
      return out;
    },
  };
}

/**
 * One statement for all the figures a comparison reads. The figure primary key (doc_id, seq) finds
 * each document's rows; the unary `+` keeps SQLite from planning a MULTI-INDEX OR over an index on
 * the keys instead, which reads the whole library's rows of those tables (measured: 840 ms instead
 * of 3 ms for 100 documents). The keyed figures are matched as a row value against one bound JSON
 * array (measured at 1,000 documents: 266 ms against 355 ms for matching the keys joined as one
 * string). Rows come back as one JSON array: sql.js pays a wasm call per cell read, which made
 * reading rows one by one the slowest part of a large comparison; amounts are safe integers, so
 * JSON keeps them exact.
 */
function figureRows(db: Database, docIds: readonly string[], needs: Needs): FigureTuple[] {
  let keyed = keyedJson.get(needs.keyed);
  if (!keyed) keyedJson.set(needs.keyed, (keyed = JSON.stringify(needs.keyed)));
  return jsonRows<FigureTuple>(db, sql`
    SELECT json_group_array(json_array(doc_id, table_key, row_code, row_name, column_key, amount, line)) FROM (
      SELECT * FROM figure
      WHERE doc_id IN (${list(docIds)})
        AND ((+table_key IN (${list(needs.classTables)}) AND column_key IN (${list(needs.classColumns ?? ['total'])})
            AND (length(row_code) <= ${needs.maxCodeLength} OR row_code IN (${list(needs.mappedCodes)})))
          OR (+table_key, row_code, column_key) IN (
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${keyed})))
      ORDER BY doc_id, seq)`);
}
