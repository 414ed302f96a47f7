import type { SqlValue } from 'sql.js';
import { WARNING_KINDS } from '../model/document';
import { TABLE_KEYS } from '../model/keys';
import { LIMITS } from '../share/limits';
import { validateProfile } from '../profiles/validate';
import { narrativeJson, rawTablesJson } from './jsonChecks';

/**
 * Every table of our schema, parents before children, with a check for each of its columns: what a
 * .sqlite file from outside may hold (foreign.ts reads its rows through this list into a fresh
 * library), and what one tab's changes carry into another's library on takeover (merge.ts: rows
 * keyed by doc_id, content_hash or unit_key follow their document or link).
 * A check returns null when the value is acceptable, else what is wrong with it, in Chinese.
 *
 * A migration that adds a table adds one entry here (a column: one line in its entry);
 * test/unit/db/foreign.test.ts fails while a table or column of the schema has no check.
 */
export type Check = (v: SqlValue) => string | null;

export interface CopyTable {
  table: string;
  columns: Readonly<Record<string, Check>>;
  /** Recomputed from the other tables (audit results): merging one tab's changes into another's library (merge.ts) leaves it out. */
  derived?: true;
  /** Never copied, from a file or another tab: rebuilt from the rows it is made of (doc_compared, db/compared.ts; doc_count, db/counts.ts). */
  rebuilt?: true;
}

const shown = (v: SqlValue) => (v instanceof Uint8Array ? `${v.length} 字节的二进制数据` : String(v).slice(0, 30));

/** Text of at most `max` characters (UTF-16 units). */
const text = (max: number): Check => (v) =>
  typeof v !== 'string' ? `应为文字，实际为「${shown(v)}」` : v.length > max ? `文字过长（${v.length} 个字符）` : null;

/** An identifier: non-empty text without control characters. */
const id = (max: number): Check => (v) =>
  text(max)(v) ?? ((v as string).length === 0 || /[\u0000-\u001f\u007f]/.test(v as string) ? `编号「${shown(v)}」格式不对` : null);

const int = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? null : `应为 ${min}–${max} 之间的整数，实际为「${shown(v)}」`;

/** An amount: integer fen that stays exact (src/lib/model/amount.ts), as the share link's payload checks it. */
const fen: Check = (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? null : `金额应为整数（0.000001 万元），实际为「${shown(v)}」`);

const oneOf = (values: readonly string[]): Check => (v) =>
  typeof v === 'string' && values.includes(v) ? null : `「${shown(v)}」不是可用的值（${values.join('、')}）`;

const orNull = (check: Check): Check => (v) => (v === null ? null : check(v));

/** A PDF cell box as figures store it: JSON [x0, y0, x1, y1] of finite numbers. */
const box: Check = (v) => {
  if (typeof v !== 'string' || v.length > 200) return `方框格式不对（${shown(v)}）`;
  try {
    const b: unknown = JSON.parse(v);
    return Array.isArray(b) && b.length === 4 && b.every((x) => typeof x === 'number' && Number.isFinite(x)) ? null : `方框格式不对（${shown(v)}）`;
  } catch {
    return `方框格式不对（${shown(v)}）`;
  }
};

const blob = (max: number): Check => (v) =>
  !(v instanceof Uint8Array) ? '应为二进制数据' : v.length > max ? `数据过大（${v.length} 字节）` : null;

const LINE = orNull(int(0, 100_000_000));
const PAGE = orNull(int(0, 1_000_000));
const COUNT = int(0, 100_000_000);
const SEQ = int(0, 100_000_000);
const NAME = text(LIMITS.text * 5);
const LONG = text(64 * 1024 * 1024);
const DOC = id(200);
const HASH = id(200);
const TABLE = oneOf(TABLE_KEYS);
const KEY = text(200);
const PROFILE_NAME = id(100);

/** A stored layout profile: JSON that passes the same field-by-field check as a profiles file. */
const profileJson: Check = (v) => {
  if (typeof v !== 'string' || v.length > 300_000) return '版式配置应为 JSON 文字';
  try {
    const r = validateProfile(JSON.parse(v));
    return r.ok ? null : `版式配置格式不对（${r.error}）`;
  } catch {
    return '版式配置不是有效的 JSON';
  }
};

export const SOURCE_KINDS = ['text', 'pdf', 'csv', 'sample', 'sqlite', 'share'] as const;

export const COPY_TABLES: readonly CopyTable[] = [
  {
    table: 'document',
    columns: {
      doc_id: DOC, content_hash: HASH, file_name: text(1000), source_kind: oneOf(SOURCE_KINDS),
      unit_code: text(LIMITS.text), unit_name: NAME, scope: oneOf(['department', 'unit']), stage: oneOf(['budget', 'final']),
      // 0: a document whose year could not be read (ingest/documentMeta.ts).
      year: int(0, 9999), imported_at: text(40),
    },
  },
  {
    table: 'figure',
    columns: {
      doc_id: DOC, seq: SEQ, table_key: TABLE, row_code: KEY, row_name: NAME, column_key: KEY, amount: fen,
      line: LINE, page: PAGE, box: orNull(box), profile: orNull(PROFILE_NAME),
    },
  },
  {
    table: 'doc_table',
    columns: { doc_id: DOC, table_key: TABLE, status: oneOf(['present', 'empty', 'unreadable']), title: NAME, line: LINE, page: PAGE, note: orNull(text(10_000)), profile: orNull(PROFILE_NAME) },
  },
  {
    table: 'doc_warning',
    columns: {
      doc_id: DOC, seq: SEQ, message: text(10_000), line: LINE, page: PAGE, kind: orNull(oneOf(WARNING_KINDS)),
      table_key: orNull(TABLE), title: orNull(NAME), row_code: orNull(KEY), column_key: orNull(KEY),
    },
  },
  { table: 'doc_raw_tables', columns: { doc_id: DOC, tables: rawTablesJson } },
  { table: 'doc_narrative', columns: { doc_id: DOC, narrative: narrativeJson } },
  {
    table: 'project',
    columns: {
      doc_id: DOC, seq: SEQ, code: text(LIMITS.text), name: NAME, amount: orNull(fen), fiscal_amount: orNull(fen),
      other_amount: orNull(fen), carryover_amount: orNull(fen), goals: text(100_000), line: LINE,
    },
  },
  {
    table: 'indicator',
    columns: {
      doc_id: DOC, project_seq: SEQ, seq: SEQ, level1: NAME, level2: NAME, level3: NAME, description: text(100_000),
      value: text(10_000), basis: text(10_000), line: LINE,
    },
  },
  { table: 'source_text', columns: { content_hash: HASH, text: LONG } },
  { table: 'unit_link', columns: { unit_key: text(1000), canonical_key: text(1000) } },
  {
    table: 'audit_check',
    columns: {
      doc_id: DOC, check_id: KEY, status: oneOf(['ran', 'not_run']), comparisons: COUNT, errors: COUNT, warnings: COUNT,
      roundings: COUNT, not_run: text(100_000), audit_version: int(0, 1_000_000),
    },
    derived: true,
  },
  {
    table: 'audit_finding',
    columns: {
      doc_id: DOC, seq: SEQ, check_id: KEY, severity: oneOf(['error', 'rounding', 'warning', 'not_run']), table_key: KEY,
      row_code: KEY, row_name: NAME, column_key: KEY, message: text(10_000), expected: text(200), actual: text(200),
      line: LINE, related_doc_id: orNull(DOC), quote: text(10_000), page: PAGE, file: orNull(HASH),
    },
    derived: true,
  },
  { table: 'source_blob', columns: { content_hash: HASH, bytes: blob(1024 * 1024 * 1024) } },
  { table: 'layout_profile', columns: { name: PROFILE_NAME, profile: profileJson, saved_at: text(40) } },
  {
    table: 'doc_file',
    columns: {
      doc_id: DOC, content_hash: HASH, file_name: NAME, figures_from: SEQ, figures_to: SEQ, warnings_from: SEQ, warnings_to: SEQ,
      projects_from: SEQ, projects_to: SEQ,
    },
  },
  { table: 'doc_compared', columns: { doc_id: DOC, part: text(100), figures: LONG }, rebuilt: true },
  { table: 'doc_count', columns: { doc_id: DOC, figures: SEQ, tables: SEQ, projects: SEQ, warnings: SEQ }, rebuilt: true },
];

/** Names are our own constants, but they are spliced into SQL text (identifiers cannot be bound): keep them plain. */
for (const t of COPY_TABLES) {
  for (const name of [t.table, ...Object.keys(t.columns)]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`copyTables: bad identifier ${name}`);
  }
}
