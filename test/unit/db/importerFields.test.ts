import { describe, expect, it } from 'vitest';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { absorbNarratives, joinNarratives } from '../../../src/lib/db/pairing';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/lib/db/schema';
import type { StoredDocument } from '../../../src/lib/model/document';
import { trackedLibraries } from './tracked';

// What the importer says about what it could not read (issue 12), kept in the library: the
// 'unreadable' table status, structured warnings, raw tables; and the narrative + tables pairing.

const libs = trackedLibraries();
const track = libs.track;

const meta = { unitCode: '', unitName: '中共测试局', scope: 'department' as const, stage: 'budget' as const, year: 2018 };

function tablesDoc(docId = 'tables'): StoredDocument {
  return {
    docId, fileName: `${docId}.pdf`, meta,
    figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算', column: 'amount', amount: 7, source: { line: 3, page: 1, box: [1, 2, 3, 4] } }],
    tables: [
      { table: 'summary', status: 'present', title: '收支预算总表', source: { line: 1, page: 1 } },
      { table: 'income', status: 'unreadable', title: '收入预算总表', source: { line: 9, page: 2 } },
    ],
    projects: [],
    warnings: [
      { message: '「收入预算总表」中的数字都未能读取', source: { line: 9, page: 2 }, kind: 'unread_table', table: 'income', title: '收入预算总表' },
      { message: '「三公」的金额「1O.5」无法读取', source: { line: 12, page: 3 }, kind: 'unread_cell', table: 'three_public', title: '三公', rowCode: 'reception', column: 'total' },
      { message: '「某某明细表」不是可识别的公开表', source: { line: 20 }, kind: 'unmapped_table', title: '某某明细表' },
    ],
    rawTables: [{ title: '某某明细表', header: [['项目', '金额']], body: [['甲', '1.00']], source: { line: 20, page: 4 } }],
  };
}

function narrativeDoc(docId = 'narrative'): StoredDocument {
  return {
    docId, fileName: `${docId}.pdf`, meta: { ...meta, unitName: '测试局' },
    figures: [{ table: 'facts', rowCode: 'income_total', rowName: '收入总计', column: 'amount', amount: 7, source: { line: 5, page: 2 } }],
    tables: [],
    projects: [{ code: 'P1', name: '项目', amount: 10, fiscalAmount: 10, otherAmount: null, goals: '目标', source: { line: 30 },
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '次数', description: '', value: '≥1', basis: '', source: { line: 31 } }] }],
    warnings: [{ message: '说明中的表格未导入', source: { line: 40 } }],
  };
}

describe('migration 3 → 4', () => {
  it('keeps a version-3 library, and lets tables be unreadable and warnings say what they are about', () => {
    const raw = new (libs.SQL().Database)();
    for (const m of MIGRATIONS.slice(0, 3)) raw.exec(m);
    raw.exec(`PRAGMA user_version = 3;
      INSERT INTO document VALUES ('d1', 'h', 'a.txt', 'text', '101', '测试局', 'department', 'budget', 2023, '2024-01-01');
      INSERT INTO doc_table VALUES ('d1', 'summary', 'present', '部门预算收支总表', 1, NULL);
      INSERT INTO doc_warning VALUES ('d1', 0, '旧警告', 4, NULL);`);
    const lib = track(LibraryDb.open(libs.SQL(), raw.export()));
    raw.close();
    expect(lib.version).toBe(SCHEMA_VERSION);
    const [old] = loadStoredDocuments(lib.db, null);
    expect(old.tables).toEqual([{ table: 'summary', status: 'present', title: '部门预算收支总表', source: { line: 1 } }]);
    expect(old.warnings).toEqual([{ message: '旧警告', source: { line: 4 } }]);
    expect(lib.addDocuments([tablesDoc()], 'pdf', 'h2').added).toEqual(['tables']);
  });
});

describe('what the importer could not read, stored and read back', () => {
  it('unreadable tables, structured warnings and raw tables come back as given', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([tablesDoc()], 'pdf', 'h');
    const [back] = loadStoredDocuments(lib.db, ['tables']);
    expect(back.tables.map((t) => [t.table, t.status]).sort()).toEqual([['income', 'unreadable'], ['summary', 'present']]);
    expect(back.warnings).toEqual(tablesDoc().warnings);
    expect(back.rawTables).toEqual(tablesDoc().rawTables);
    expect(lib.rawTables('tables')).toEqual(tablesDoc().rawTables);
    expect(lib.warnings('tables')[1]).toEqual({ message: expect.any(String), line: 12, page: 3, kind: 'unread_cell', table: 'three_public', title: '三公', rowCode: 'reception', column: 'total', file: null });
  });
});

/** Each file's text: line n of each says which file and line it is. */
const textOf = (name: string) => Array.from({ length: 50 }, (_, i) => `${name} 第 ${i + 1} 行`).join('\n');
const fileOf = (name: string) => ({ hash: `h-${name}`, name: `${name}.pdf`, record: { text: textOf(name) } });

describe('a narrative PDF and its tables PDF imported one after the other are one document', () => {
  const check = (lib: LibraryDb) => {
    const docs = loadStoredDocuments(lib.db, null);
    expect(docs.map((d) => [d.docId, d.meta.unitName])).toEqual([['tables', '中共测试局']]);
    expect(docs[0].figures.map((f) => f.table).sort()).toEqual(['facts', 'summary']);
    expect(lib.db.exec('SELECT count(*) FROM indicator WHERE doc_id = \'tables\'')[0].values[0][0]).toBe(1);
  };

  it('narrative first: the tables document takes it in when it arrives', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    const first = joinNarratives(lib, [narrativeDoc()], fileOf('narrative'));
    lib.addDocuments(first.docs, 'pdf', 'h-narrative', textOf('narrative'));
    const second = joinNarratives(lib, [tablesDoc()], fileOf('tables'));
    lib.addDocuments(second.docs, 'pdf', 'h-tables', textOf('tables'));
    absorbNarratives(lib, second.docs, second.notes);
    expect(second.notes.get('tables')).toMatch(/narrative\.pdf/);
    check(lib);
  });

  it('tables first: the narrative joins them instead of being added', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([tablesDoc()], 'pdf', 'h-tables', textOf('tables'));
    const paired = joinNarratives(lib, [narrativeDoc()], fileOf('narrative'));
    expect(paired.docs).toEqual([]);
    expect(paired.notes.get('tables')).toMatch(/tables\.pdf/);
    check(lib);
  });

  it('another year stays apart', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([tablesDoc()], 'pdf', 'ht');
    const other = { ...narrativeDoc(), meta: { ...narrativeDoc().meta, year: 2019 } };
    expect(joinNarratives(lib, [other], fileOf('narrative')).docs).toEqual([other]);
  });

  // A row's line counts in the file it was read from: the source view must show that file's line,
  // not the line of that number in the tables file.
  for (const order of ['narrative first', 'tables first'] as const) {
    it(`shows each row's own file, ${order}`, async () => {
      const lib = track(LibraryDb.create(libs.SQL()));
      if (order === 'narrative first') {
        lib.addDocuments(joinNarratives(lib, [narrativeDoc()], fileOf('narrative')).docs, 'pdf', 'h-narrative', textOf('narrative'));
        const second = joinNarratives(lib, [tablesDoc()], fileOf('tables'));
        lib.addDocuments(second.docs, 'pdf', 'h-tables', textOf('tables'));
        absorbNarratives(lib, second.docs, second.notes);
      } else {
        lib.addDocuments([tablesDoc()], 'pdf', 'h-tables', textOf('tables'));
        joinNarratives(lib, [narrativeDoc()], fileOf('narrative'));
      }
      const figures = lib.figures('tables');
      expect(figures.map((f) => [f.table, f.file])).toEqual([['summary', null], ['facts', 'h-narrative']]);
      const lineOf = async (line: number, file: string | null) => (await lib.sourceLines('tables', line, line, file))[0]?.text;
      expect(await lineOf(figures[0].line!, figures[0].file)).toBe('tables 第 3 行');
      expect(await lineOf(figures[1].line!, figures[1].file)).toBe('narrative 第 5 行');
      const warnings = lib.warnings('tables');
      expect(warnings.map((w) => w.file)).toEqual([null, null, null, 'h-narrative']);
      expect(await lineOf(warnings[3].line!, warnings[3].file!)).toBe('narrative 第 40 行');
      // A file the document does not list is not looked up: its own file instead.
      expect(await lineOf(5, 'h-elsewhere')).toBe('tables 第 5 行');
      // The narrative's file is kept while the document lists it, and goes with the document.
      expect(await lib.sources.get('h-narrative')).toEqual({ text: textOf('narrative') });
      lib.removeDocument('tables');
      expect(await lib.sources.get('h-narrative')).toBeNull();
      expect(await lib.sources.get('h-tables')).toBeNull();
    });
  }
});
