/**
 * The library's schema, versioned with PRAGMA user_version. MIGRATIONS[i] takes a database from
 * version i to i + 1; a snapshot is always migrated forward on open, and a snapshot newer than this
 * build (an unknown version) is refused rather than guessed at.
 *
 * Amounts are INTEGER fen (0.000001 万元), never REAL: see src/lib/model/amount.ts.
 */
export const MIGRATIONS: readonly string[] = [
  // 0 → 1: documents and what was read from them, in FORMAT.md keys.
  `
  CREATE TABLE document (
    doc_id       TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    source_kind  TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    unit_name    TEXT NOT NULL,
    scope        TEXT NOT NULL CHECK (scope IN ('department', 'unit')),
    stage        TEXT NOT NULL CHECK (stage IN ('budget', 'final')),
    year         INTEGER NOT NULL,
    imported_at  TEXT NOT NULL
  );
  CREATE INDEX document_by_unit ON document (unit_code, unit_name, year);
  CREATE INDEX document_by_year ON document (year);
  CREATE INDEX document_by_hash ON document (content_hash);

  CREATE TABLE figure (
    doc_id     TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    table_key  TEXT NOT NULL,
    row_code   TEXT NOT NULL,
    row_name   TEXT NOT NULL,
    column_key TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    line       INTEGER,
    page       INTEGER,
    box        TEXT,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX figure_by_key ON figure (table_key, row_code, column_key, doc_id);

  CREATE TABLE doc_table (
    doc_id    TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('present', 'empty')),
    title     TEXT NOT NULL,
    line      INTEGER,
    page      INTEGER,
    PRIMARY KEY (doc_id, table_key)
  ) WITHOUT ROWID;

  CREATE TABLE doc_warning (
    doc_id  TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    message TEXT NOT NULL,
    line    INTEGER,
    page    INTEGER,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE project (
    doc_id        TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    amount        INTEGER,
    fiscal_amount INTEGER,
    other_amount  INTEGER,
    goals         TEXT NOT NULL,
    line          INTEGER,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE indicator (
    doc_id      TEXT NOT NULL,
    project_seq INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    level1      TEXT NOT NULL,
    level2      TEXT NOT NULL,
    level3      TEXT NOT NULL,
    description TEXT NOT NULL,
    value       TEXT NOT NULL,
    basis       TEXT NOT NULL,
    line        INTEGER,
    PRIMARY KEY (doc_id, project_seq, seq),
    FOREIGN KEY (doc_id, project_seq) REFERENCES project (doc_id, seq) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- The decoded text of imported files, so a figure's source line can be shown next to it.
  CREATE TABLE source_text (
    content_hash TEXT PRIMARY KEY,
    text         TEXT NOT NULL
  ) WITHOUT ROWID;

  -- Units linked by hand across years (信访局 → 信访局（市委群工部）): unit_key → the key it counts as.
  CREATE TABLE unit_link (
    unit_key      TEXT PRIMARY KEY,
    canonical_key TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 1 → 2: audit (勾稽) results, recomputed whenever a document or a related one changes (AUDIT_VERSION).
  `
  CREATE TABLE audit_check (
    doc_id        TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    check_id      TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('ran', 'not_run')),
    comparisons   INTEGER NOT NULL,
    errors        INTEGER NOT NULL,
    warnings      INTEGER NOT NULL,
    roundings     INTEGER NOT NULL,
    not_run       TEXT NOT NULL,
    audit_version INTEGER NOT NULL,
    PRIMARY KEY (doc_id, check_id)
  ) WITHOUT ROWID;

  CREATE TABLE audit_finding (
    doc_id         TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    check_id       TEXT NOT NULL,
    severity       TEXT NOT NULL CHECK (severity IN ('error', 'rounding', 'warning', 'not_run')),
    table_key      TEXT NOT NULL,
    row_code       TEXT NOT NULL,
    row_name       TEXT NOT NULL,
    column_key     TEXT NOT NULL,
    message        TEXT NOT NULL,
    expected       TEXT NOT NULL,
    actual         TEXT NOT NULL,
    line           INTEGER,
    related_doc_id TEXT,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX audit_finding_by_severity ON audit_finding (severity, doc_id);
  `,
  // 2 → 3: the bytes of imported PDFs, so the source view can render the page a figure was read from.
  `
  CREATE TABLE IF NOT EXISTS source_blob (
    content_hash TEXT PRIMARY KEY,
    bytes        BLOB NOT NULL
  ) WITHOUT ROWID;
  `,
  // 3 → 4: what the importer read and could not read, said precisely, and the narrative kept for the
  // audit. A table can be 'unreadable' (there, with amounts, none of them read) and keeps the note it
  // prints (空表说明); a warning names its kind, table, title, row and column (the audit's 「未能读取」);
  // the cells of tables seen but not mapped are kept per document (JSON of RawTable[]) for mapping
  // them later; the 情况说明 as read (JSON of model/narrative.ts); the sentence and page a finding
  // cites. SQLite cannot change a CHECK constraint: doc_table and doc_warning are rebuilt from their
  // old columns.
  `
  CREATE TABLE doc_table_v4 (
    doc_id    TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('present', 'empty', 'unreadable')),
    title     TEXT NOT NULL,
    line      INTEGER,
    page      INTEGER,
    note      TEXT,
    PRIMARY KEY (doc_id, table_key)
  ) WITHOUT ROWID;
  INSERT INTO doc_table_v4 (doc_id, table_key, status, title, line, page) SELECT doc_id, table_key, status, title, line, page FROM doc_table;
  DROP TABLE doc_table;
  ALTER TABLE doc_table_v4 RENAME TO doc_table;

  CREATE TABLE doc_warning_v4 (
    doc_id     TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    message    TEXT NOT NULL,
    line       INTEGER,
    page       INTEGER,
    kind       TEXT,
    table_key  TEXT,
    title      TEXT,
    row_code   TEXT,
    column_key TEXT,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO doc_warning_v4 (doc_id, seq, message, line, page) SELECT doc_id, seq, message, line, page FROM doc_warning;
  DROP TABLE doc_warning;
  ALTER TABLE doc_warning_v4 RENAME TO doc_warning;

  CREATE TABLE doc_raw_tables (
    doc_id TEXT PRIMARY KEY REFERENCES document (doc_id) ON DELETE CASCADE,
    tables TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE doc_narrative (
    doc_id    TEXT PRIMARY KEY REFERENCES document (doc_id) ON DELETE CASCADE,
    narrative TEXT NOT NULL
  ) WITHOUT ROWID;

  ALTER TABLE audit_finding ADD COLUMN quote TEXT NOT NULL DEFAULT '';
  ALTER TABLE audit_finding ADD COLUMN page INTEGER;
  `,
  // 4 → 5: figure_by_key goes. No statement uses it (every figure read finds its rows by doc_id, the
  // primary key; the comparisons keep SQLite off it on purpose), and it doubled the CPU of inserting
  // figures and added 85 MB at 5,000 documents (issue 17).
  `
  DROP INDEX IF EXISTS figure_by_key;
  `,
  // 5 → 6: layout profiles (issue 18), kept with the library so that they are saved, exported and
  // opened with it; a figure or table read through one names it (its provenance, and what a profile
  // changed or deleted takes back: db/profiles.ts recomputes exactly the rows whose profile is set).
  `
  CREATE TABLE layout_profile (
    name      TEXT PRIMARY KEY,
    profile   TEXT NOT NULL,
    saved_at  TEXT NOT NULL
  ) WITHOUT ROWID;
  ALTER TABLE figure ADD COLUMN profile TEXT;
  ALTER TABLE doc_table ADD COLUMN profile TEXT;
  `,
  // 6 → 7: each document's compared figures as JSON arrays, one per part of a table (db/compared.ts:
  // the comparisons read these instead of selecting rows out of figure, issue 17). Filled on open for
  // the documents already there (LibraryDb.migrate → ensureCompared); part '' marks a document with
  // none, so that it is not taken for one never filled. A rowid table: its arrays are kilobytes,
  // which a WITHOUT ROWID table stores inline in its key pages (measured: the file grew 110 MB at
  // 5,000 documents instead of 50).
  `
  CREATE TABLE doc_compared (
    doc_id  TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    part    TEXT NOT NULL,
    figures TEXT NOT NULL,
    UNIQUE (doc_id, part)
  );
  `,
  // 7 → 8: doc_compared keeps of the 收支总表 its expense rows and 收入总计, and of the 财政拨款收支总表
  // only 单位预留机动经费 (compared.ts RULE): the rest was read by every 横比 and ranking and used by none
  // (a fifth of the JSON a year's 横比 parsed, issue 17). Done in place, keeping each array's order.
  `
  UPDATE doc_compared SET figures = (SELECT json_group_array(json(value)) FROM json_each(doc_compared.figures)
    WHERE value ->> 0 = 'expense.reserve') WHERE part = 'fiscal_summary';
  UPDATE doc_compared SET figures = (SELECT json_group_array(json(value)) FROM json_each(doc_compared.figures)
    WHERE substr(value ->> 0, 1, 8) = 'expense.' OR value ->> 0 = 'income.grand_total') WHERE part = 'summary';
  DELETE FROM doc_compared WHERE part IN ('summary', 'fiscal_summary') AND figures = '[]';
  `,
  // 8 → 9: each document's counts of figures, tables, projects and warnings, kept for the document
  // list (db/counts.ts: counting them at each listing read the whole figure table, issue 17). Filled
  // on open for the documents already there (LibraryDb.migrate → ensureCounted).
  `
  CREATE TABLE doc_count (
    doc_id   TEXT PRIMARY KEY REFERENCES document (doc_id) ON DELETE CASCADE,
    figures  INTEGER NOT NULL,
    tables   INTEGER NOT NULL,
    projects INTEGER NOT NULL,
    warnings INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 9 → 10: the other files a document was read from (db/pairing.ts: a narrative PDF joined to its
  // tables PDF), and which of its rows each holds, by seq range [from, to): a row's line and page
  // count in its own file, and the source view shows that file. The file is kept while a document
  // lists it here (db/sources.ts referenced).
  `
  CREATE TABLE doc_file (
    doc_id        TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    figures_from  INTEGER NOT NULL,
    figures_to    INTEGER NOT NULL,
    warnings_from INTEGER NOT NULL,
    warnings_to   INTEGER NOT NULL,
    projects_from INTEGER NOT NULL,
    projects_to   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, content_hash)
  ) WITHOUT ROWID;
  `,
  // 10 → 11: the file a finding's line and page count in, when not the document's own (doc_file: a
  // sentence or figure of a narrative PDF joined to its tables), so that the finding opens that file.
  // The findings already stored are recomputed (AUDIT_VERSION 3).
  `
  ALTER TABLE audit_finding ADD COLUMN file TEXT;
  `,
  // 11 → 12: a project's 上年结转资金, which the national per-project form prints as a part of its
  // 年度资金申请总额 beside 当年财政拨款 and 其他资金 (ingest/performanceFunds.ts); null for the
  // projects already stored, as for every form that prints none.
  `
  ALTER TABLE project ADD COLUMN carryover_amount INTEGER;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
