/**
 * A SQLite tokenizer, small and exact about the things that decide what a statement does: where
 * strings, quoted names and comments start and end. The read-only check (readOnly.ts) looks only
 * at the words outside them, and the editor colours the same tokens, so what is highlighted as a
 * keyword is what the check saw as one.
 */
export type TokenKind = 'keyword' | 'word' | 'string' | 'name' | 'number' | 'comment' | 'space' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

/** SQLite's keywords that a reader wants coloured (not all of them: enough to read a query by). */
export const KEYWORDS = new Set(`ABORT ALL ALTER ANALYZE AND AS ASC ATTACH BEGIN BETWEEN BY CASE CAST COLLATE COMMIT CREATE
CROSS CURRENT_DATE DEFAULT DELETE DESC DETACH DISTINCT DROP ELSE END ESCAPE EXCEPT EXISTS EXPLAIN FILTER FROM FULL GLOB
GROUP HAVING IF IN INDEX INNER INSERT INTERSECT INTO IS ISNULL JOIN LEFT LIKE LIMIT MATERIALIZED NATURAL NOT NOTNULL NULL
OFFSET ON OR ORDER OUTER OVER PARTITION PRAGMA QUERY RECURSIVE REINDEX RELEASE RENAME REPLACE RIGHT ROLLBACK ROWS SAVEPOINT
SELECT SET TABLE TEMP TEMPORARY THEN TO TRANSACTION TRIGGER UNION UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE
WINDOW WITH WITHOUT`.split(/\s+/));

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits SQL into tokens; their texts joined give back the input exactly. Never throws: an unterminated string runs to the end. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  const push = (kind: TokenKind, end: number) => {
    out.push({ kind, text: sql.slice(i, end) });
    i = end;
  };
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < n && /\s/.test(sql[j])) j++;
      push('space', j);
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      push('comment', j < 0 ? n : j);
    } else if (c === '/' && sql[i + 1] === '*') {
      const j = sql.indexOf('*/', i + 2);
      push('comment', j < 0 ? n : j + 2);
    } else if (c === "'" || c === '"' || c === '`') {
      // A doubled quote inside is the quote itself ('it''s').
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(c, j);
        if (k < 0) { j = n; break; }
        if (sql[k + 1] === c) { j = k + 2; continue; }
        j = k + 1;
        break;
      }
      push(c === "'" ? 'string' : 'name', j);
    } else if (c === '[') {
      const k = sql.indexOf(']', i + 1);
      push('name', k < 0 ? n : k + 1);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(sql[j])) j++;
      push('number', j);
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j])) j++;
      push(KEYWORDS.has(sql.slice(i, j).toUpperCase()) ? 'keyword' : 'word', j);
    } else {
      push('punct', i + 1);
    }
  }
  return out;
}
