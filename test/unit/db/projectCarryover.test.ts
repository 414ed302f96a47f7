import { describe, expect, it } from 'vitest';
import { loadStoredDocuments, storedForm } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/lib/db/schema';
import type { PerformanceProject, StoredDocument } from '../../../src/lib/model/document';
import { trackedLibraries } from './tracked';

// A project's 上年结转资金 (the national per-project form's third part of its 年度资金申请总额) kept
// in the library, so that the audit of a stored document adds it up as the importer gave it.

const libs = trackedLibraries();
const track = libs.track;

const project = (name: string, carryoverAmount?: number): PerformanceProject => ({
  code: '', name, amount: 86, fiscalAmount: 80, otherAmount: 2, goals: '', indicators: [], source: { line: 3 },
  ...(carryoverAmount === undefined ? {} : { carryoverAmount }),
});

function doc(): StoredDocument {
  return {
    docId: 'd', fileName: 'forms.pdf', figures: [], tables: [], warnings: [],
    meta: { unitCode: '', unitName: '测试街道', scope: 'department', stage: 'budget', year: 2024 },
    projects: [project('健身步道维护', 4), project('社区图书室运行'), project('零结转', 0)],
  };
}

describe('a project\'s 上年结转资金 in the library', () => {
  it('is stored and read back as the importer gave it: a value, 0, or absent', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([doc()], 'pdf', 'h');
    const [back] = loadStoredDocuments(lib.db, ['d']);
    expect(back.projects.map((p) => p.carryoverAmount)).toEqual([4, undefined, 0]);
    expect(back.projects).toEqual(storedForm(doc()).projects);
  });

  it('a version-11 library keeps its projects, without one, and takes new projects with one', () => {
    const raw = new (libs.SQL().Database)();
    for (const m of MIGRATIONS.slice(0, 11)) raw.exec(m);
    raw.exec(`PRAGMA user_version = 11;
      INSERT INTO document VALUES ('d1', 'h', 'a.txt', 'text', '101', '测试局', 'department', 'budget', 2023, '2024-01-01');
      INSERT INTO project (doc_id, seq, code, name, amount, fiscal_amount, other_amount, goals, line) VALUES ('d1', 0, '', '旧项目', 10, 10, NULL, '', 4);`);
    const lib = track(LibraryDb.open(libs.SQL(), raw.export()));
    raw.close();
    expect(lib.version).toBe(SCHEMA_VERSION);
    const [old] = loadStoredDocuments(lib.db, ['d1']);
    expect(old.projects).toEqual([{ code: '', name: '旧项目', amount: 10, fiscalAmount: 10, otherAmount: null, goals: '', indicators: [], source: { line: 4 } }]);
    lib.addDocuments([doc()], 'pdf', 'h2');
    expect(loadStoredDocuments(lib.db, ['d'])[0].projects.map((p) => p.carryoverAmount)).toEqual([4, undefined, 0]);
  });
});
