import { byCodePoint } from '../model/textOrder';
import type { DocumentListAnswer, DocumentSummary, ListCursor } from './protocol';

/**
 * The page's copy of the document list, patched with the changes the worker sends (db/listChanges.ts)
 * instead of read whole after every burst of files (issue 17). The page's side of the protocol, kept
 * here beside it: the page may not import the store. A patched list must be exactly the list
 * a whole read would give, in the same order: the order below is the SQL's (db/counts.ts).
 */

/** The library list's order: newest year first, then unit code, unit name, scope, and the id. */
export function listOrder(a: DocumentSummary, b: DocumentSummary): number {
  return b.year - a.year || byCodePoint(a.unitCode, b.unitCode) || byCodePoint(a.unitName, b.unitName)
    || byCodePoint(a.scope, b.scope) || byCodePoint(a.docId, b.docId);
}

/**
 * The list after `answer`, given the list the page holds and its cursor. The same array when nothing
 * changed, so that what was computed from it still holds (ui/state/answers.ts). Null when the answer
 * is older than what the page holds (a list asked for twice, answered in order): keep the list.
 */
export function patchList(current: DocumentSummary[], cursor: ListCursor | null, answer: DocumentListAnswer): { documents: DocumentSummary[]; cursor: ListCursor } | null {
  const next = { epoch: answer.epoch, seq: answer.seq };
  if ('documents' in answer) return { documents: answer.documents, cursor: next };
  if (!cursor || cursor.epoch !== answer.epoch || answer.seq < cursor.seq) return null;
  if (!answer.changed.length && !answer.removed.length) return { documents: current, cursor: next };
  const gone = new Set(answer.removed);
  for (const d of answer.changed) gone.add(d.docId);
  const documents = current.filter((d) => !gone.has(d.docId));
  for (const d of answer.changed) documents.push(d);
  // Mostly one sorted run and a few rows after it: the engine's merge sort takes that in about one pass.
  documents.sort(listOrder);
  return { documents, cursor: next };
}
