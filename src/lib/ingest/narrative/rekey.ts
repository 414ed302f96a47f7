import type { Figure } from '../../model/document';
import type { Narrative, Statement } from '../../model/narrative';
import { resolveItem, type CodedRow } from './resolve';

/**
 * The coded rows of a document's tables (code and name as printed), which name the 类/款/项 its
 * narrative describes by name only. One loop and no pattern per figure (a document has hundreds):
 * codes of 3 to 7 digits.
 */
export function codedRowsOf(figures: readonly Pick<Figure, 'rowCode' | 'rowName'>[]): CodedRow[] {
  const coded: CodedRow[] = [];
  for (const f of figures) if (f.rowName && f.rowCode.length >= 3 && f.rowCode.length <= 7 && isDigits(f.rowCode)) coded.push({ code: f.rowCode, name: f.rowName });
  return coded;
}

/** A `facts` row for each 类/款/项 statement with a code and an amount, the first per code, unless `taken`. */
export function itemFacts(statements: readonly Statement[], taken: Set<string>): Figure[] {
  const facts: Figure[] = [];
  for (const st of statements) {
    if (!st.key || st.level === 'total' || !st.amount || taken.has(st.key)) continue;
    taken.add(st.key);
    facts.push({ table: 'facts', rowCode: st.key, rowName: st.path?.filter(Boolean).at(-1) ?? st.subject, column: 'amount', amount: st.amount.fen, source: { ...st.source } });
  }
  return facts;
}

/**
 * A narrative published in a file of its own, once it joins the tables of the same disclosure
 * (ingest/merge.ts, db/pairing.ts). Read alone, it names its 类/款/项 by name with no coded rows
 * beside it, and the national list (model/classification.ts) is partial below the 类: the items of
 * 「政协事务（款）」 or 「人大事务（款）」 found no code. The tables' rows name them: each statement still
 * without a code is matched again against them, and each one matched brings the facts row it would
 * have had, had the narrative been read with its tables. `taken`: the facts keys the narrative has.
 * Null when nothing more is matched.
 */
export function rekeyNarrative(narrative: Narrative, coded: readonly CodedRow[], taken: ReadonlySet<string>): { narrative: Narrative; facts: Figure[] } | null {
  if (!coded.length) return null;
  let changed = false;
  const statements = narrative.statements.map((st) => {
    if (st.key || st.level === 'total' || !st.path) return st;
    const key = resolveItem(st.path, coded);
    if (!key) return st;
    changed = true;
    return { ...st, key };
  });
  if (!changed) return null;
  return { narrative: { ...narrative, statements }, facts: itemFacts(statements, new Set(taken)) };
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}
