import type { DocumentMeta } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import type { LibraryDb } from './library';
import { all, list, sql } from './sql';

export interface DocMeta { docId: string; meta: DocumentMeta }

interface MetaRow { docId: string; unitCode: string; unitName: string; scope: Scope; stage: Stage; year: number }

/**
 * The documents near `docIds` by unit: theirs, those printed under the same code or name in any
 * year, and, in their year, those whose code is a prefix of theirs (a department and its units,
 * 203 → 203001), those whose code extends theirs, and those whose code extends such a prefix (the
 * sibling units). A superset of the documents the audit relates to them (audit/crossDocument.ts
 * dependentDocIds and neededDocIds, which the caller runs over it), found through the unit index in a few lookups per
 * document, so that auditing after an import does not read every document's metadata: its cost
 * stays flat as the library grows (issue 17).
 */
export function neighbourMetas(lib: LibraryDb, docIds: readonly string[]): DocMeta[] {
  const out = new Map<string, MetaRow>();
  const add = (rows: MetaRow[]) => { for (const r of rows) out.set(r.docId, r); };
  const own = metaRows(lib, docIds);
  add(own);
  for (const me of own) {
    const key = me.unitCode || me.unitName;
    // Same unit key (scope|stage|code-or-name) in any year; a department and its units without codes share a name.
    add(all<MetaRow>(lib.db, sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document WHERE unit_code = ${key}
      UNION ALL SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document WHERE unit_code = '' AND unit_name IN (${list([key, me.unitName])})`));
    if (!me.unitCode) continue;
    const prefixes = Array.from({ length: me.unitCode.length - 1 }, (_, i) => me.unitCode.slice(0, i + 1));
    const depts = all<MetaRow>(lib.db, sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document
      WHERE unit_code IN (${list(prefixes)}) AND year = ${me.year} AND stage = ${me.stage}`);
    add(depts);
    for (const code of new Set([me.unitCode, ...depts.map((d) => d.unitCode)])) add(extending(lib, code, me.year, me.stage));
  }
  return [...out.values()].map(({ docId, ...meta }) => ({ docId, meta }));
}

function metaRows(lib: LibraryDb, docIds: readonly string[]): MetaRow[] {
  const out: MetaRow[] = [];
  // Bound parameters per statement are limited (32766 in sql.js's SQLite): in batches.
  for (let at = 0; at < docIds.length; at += 5000) {
    out.push(...all<MetaRow>(lib.db, sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document WHERE doc_id IN (${list(docIds.slice(at, at + 5000))})`));
  }
  return out;
}

/**
 * A year's documents whose code starts with `code`, by a range on the unit index: a code that
 * starts with `code` sorts (as UTF-8 bytes) between it and `code` followed by U+10FFFF, the last
 * code point, unless that noncharacter itself follows. The range is checked again in JS, so that
 * only true extensions are returned.
 */
function extending(lib: LibraryDb, code: string, year: number, stage: Stage): MetaRow[] {
  return all<MetaRow>(lib.db, sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document
    WHERE unit_code >= ${code} AND unit_code <= ${`${code}\u{10FFFF}`} AND year = ${year} AND stage = ${stage}`)
    .filter((r) => r.unitCode.startsWith(code));
}
