import type { Database } from 'sql.js';
import type { ParsedDocument } from '../model/document';
import { comparedParts, refreshCompared, writeCompared } from './compared';
import { recount, writeCounts } from './counts';
import { run, sql } from './sql';

/**
 * What was read from a document — figures, warnings, projects with their indicators — written under
 * `docId`, numbered from `from` (0 for a new document; after the existing rows when a narrative read
 * from another file joins it, db/pairing.ts). `fresh`: the document was inserted just now, with no rows before these.
 */
export function insertContent(db: Database, docId: string, doc: Pick<ParsedDocument, 'figures' | 'warnings' | 'projects'>, from: { figures: number; warnings: number; projects: number }, fresh = false): void {
  const fig = db.prepare(`INSERT INTO figure (doc_id, seq, table_key, row_code, row_name, column_key, amount, line, page, box, profile)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  try {
    doc.figures.forEach((f, i) => {
      fig.run([docId, from.figures + i, f.table, f.rowCode, f.rowName, f.column, f.amount, f.source.line ?? null,
        f.source.page ?? null, f.source.box ? JSON.stringify(f.source.box) : null, f.source.profile ?? null]);
    });
  } finally {
    fig.free();
  }
  doc.warnings.forEach((w, i) => {
    run(db, sql`INSERT INTO doc_warning (doc_id, seq, message, line, page, kind, table_key, title, row_code, column_key)
      VALUES (${docId}, ${from.warnings + i}, ${w.message}, ${w.source?.line ?? null}, ${w.source?.page ?? null},
        ${w.kind ?? null}, ${w.table ?? null}, ${w.title ?? null}, ${w.rowCode ?? null}, ${w.column ?? null})`);
  });
  doc.projects.forEach((p, k) => {
    const i = from.projects + k;
    run(db, sql`INSERT INTO project (doc_id, seq, code, name, amount, fiscal_amount, other_amount, carryover_amount, goals, line)
      VALUES (${docId}, ${i}, ${p.code}, ${p.name}, ${p.amount}, ${p.fiscalAmount}, ${p.otherAmount}, ${p.carryoverAmount ?? null}, ${p.goals}, ${p.source.line})`);
    p.indicators.forEach((ind, j) => {
      run(db, sql`INSERT INTO indicator (doc_id, project_seq, seq, level1, level2, level3, description, value, basis, line)
        VALUES (${docId}, ${i}, ${j}, ${ind.level1}, ${ind.level2}, ${ind.level3}, ${ind.description}, ${ind.value}, ${ind.basis}, ${ind.source.line})`);
    });
  });
  // A new document's compared figures come from what was just inserted; rows added to a document
  // already stored (a narrative joining it, a layout profile's) are sorted in with its own by a read of them all.
  // The counts after the document's tables: callers write those first (library.ts, profiles.ts).
  if (fresh) {
    writeCompared(db, docId, comparedParts(doc.figures));
    writeCounts(db, docId, { figures: doc.figures.length, projects: doc.projects.length, warnings: doc.warnings.length });
  } else {
    refreshCompared(db, [docId]);
    recount(db, [docId]);
  }
}
