import { describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../../src/lib/console/readOnly';
import { tokenize } from '../../../src/lib/console/sqlTokens';

describe('tokenize', () => {
  it('gives back the text exactly and tells strings, quoted names and comments from words', () => {
    const sql = `SELECT "update", 'it''s DELETE' AS [drop] -- DROP TABLE x\n/* INSERT */ FROM figures WHERE amount > 1.5e3;`;
    const tokens = tokenize(sql);
    expect(tokens.map((t) => t.text).join('')).toBe(sql);
    const kinds = (k: string) => tokens.filter((t) => t.kind === k).map((t) => t.text);
    expect(kinds('name')).toEqual(['"update"', '[drop]']);
    expect(kinds('string')).toEqual(["'it''s DELETE'"]);
    expect(kinds('comment')).toEqual(['-- DROP TABLE x', '/* INSERT */']);
    expect(kinds('keyword')).toEqual(['SELECT', 'AS', 'FROM', 'WHERE']);
    expect(kinds('number')).toEqual(['1.5e3']);
  });

  it('runs an unterminated string or comment to the end instead of failing', () => {
    for (const sql of ["SELECT 'abc", 'SELECT /* x', 'SELECT "x', 'SELECT [x']) {
      expect(tokenize(sql).map((t) => t.text).join('')).toBe(sql);
    }
  });
});

describe('checkReadOnly', () => {
  const refused = {
    insert: "INSERT INTO document VALUES ('x')",
    update: "UPDATE figure SET amount = 0",
    delete: 'DELETE FROM document',
    replace: "REPLACE INTO unit_link VALUES ('a', 'b')",
    drop: 'DROP TABLE figure',
    create: 'CREATE TABLE t (x)',
    alter: 'ALTER TABLE document ADD COLUMN x',
    attach: "ATTACH DATABASE 'file:x' AS other",
    detach: 'DETACH other',
    pragma: 'PRAGMA writable_schema = ON',
    pragmaOff: 'PRAGMA query_only = OFF',
    vacuum: 'VACUUM',
    begin: 'BEGIN',
    cteWrite: 'WITH x AS (SELECT 1) DELETE FROM document',
    cteInsert: 'WITH x(n) AS (SELECT 1) INSERT INTO unit_link SELECT n, n FROM x',
    upsert: "SELECT 1; INSERT INTO unit_link VALUES ('a','b')",
    twoReads: 'SELECT 1; SELECT 2',
    empty: '  -- nothing\n',
    lowercase: 'delete from document',
  };
  for (const [name, sql] of Object.entries(refused)) {
    it(`refuses ${name}`, () => {
      const v = checkReadOnly(sql);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.error).toMatch(/只读|一条|SELECT/);
    });
  }

  const allowed = [
    'SELECT * FROM figures',
    'select 1;',
    "SELECT replace(unit_name, '局', '') FROM documents",
    `SELECT "update", 'DELETE FROM x; DROP' FROM documents -- ; DROP TABLE x`,
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r',
    'VALUES (1, 2)',
    'EXPLAIN QUERY PLAN SELECT * FROM figures',
    'SELECT CASE WHEN 1 THEN 2 END',
  ];
  for (const sql of allowed) {
    it(`allows ${sql.slice(0, 40)}`, () => expect(checkReadOnly(sql)).toEqual({ ok: true }));
  }
});

describe('the README documents the views for people', () => {
  it('names every view and every column the console offers', async () => {
    const { readFileSync } = await import('node:fs');
    const { PEOPLE_VIEWS } = await import('../../../src/lib/console/peopleSchema');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## SQL 查询'), readme.indexOf('## Publishing'));
    for (const v of PEOPLE_VIEWS) {
      const at = section.indexOf(`**\`${v.name}\`**`);
      expect(at, v.name).toBeGreaterThan(0);
      for (const c of v.columns) expect(section.slice(at), `${v.name}.${c.name}`).toContain(`| \`${c.name}\` | ${c.zh} |`);
    }
  });
});
