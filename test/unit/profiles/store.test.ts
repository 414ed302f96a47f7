import { describe, expect, it } from 'vitest';
import { readAudits, unauditedIds } from '../../../src/lib/db/audits';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { deleteProfile, listProfiles, reapplyProfiles, renameProfile, saveProfiles } from '../../../src/lib/db/profiles';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { auditPending } from '../../../src/lib/worker/audits';
import { AUDIT_VERSION } from '../../../src/lib/audit/audit';
import { suggestProfile } from '../../../src/lib/profiles/suggest';
import type { LayoutProfile } from '../../../src/lib/profiles/types';
import { trackedLibraries } from '../db/tracked';
import { figureKey, unknownDoc } from './fixtures';

const libs = trackedLibraries();

async function taught(index: number): Promise<{ profiles: LayoutProfile[]; doc: Awaited<ReturnType<typeof unknownDoc>> }> {
  const d = await unknownDoc(index, 'tab');
  const taken = new Set<string>();
  const profiles = d.raw.map((t, i) => {
    const s = suggestProfile(t, `未知版式${i + 1}`, taken);
    taken.add(s.profile.kind);
    return s.profile;
  });
  return { profiles, doc: d };
}

describe('migration 5 → 6', () => {
  it('keeps a version-5 library and adds the profiles table and the provenance columns', () => {
    const raw = new (libs.SQL().Database)();
    for (const m of MIGRATIONS.slice(0, 5)) raw.exec(m);
    raw.exec(`PRAGMA user_version = 5;
      INSERT INTO document VALUES ('d1', 'h', 'a.txt', 'text', '101', '测试局', 'department', 'budget', 2023, '2024-01-01');
      INSERT INTO figure VALUES ('d1', 0, 'summary', 'income.general', '一般公共预算拨款收入', 'amount', 1000000, 3, NULL, NULL);
      INSERT INTO doc_table VALUES ('d1', 'summary', 'present', '收支总表', 1, NULL, NULL);`);
    const lib = libs.track(LibraryDb.open(libs.SQL(), raw.export()));
    raw.close();
    expect(lib.version).toBe(SCHEMA_VERSION);
    expect(lib.figures('d1')).toEqual([{ seq: 0, table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount: 1000000, line: 3, page: null, box: null, profile: null, file: null, fileName: null }]);
    expect(listProfiles(lib)).toEqual([]);
    const [doc] = loadStoredDocuments(lib.db, null);
    expect(doc.figures[0].source).toEqual({ line: 3 });
  });
});

describe('profiles kept with the library', () => {
  it('a saved profile reads every matching document of the library; the audit then runs on the figures', async () => {
    const lib = libs.track(LibraryDb.create(libs.SQL()));
    const a = await taught(0);
    const b = await unknownDoc(4, 'tab');
    lib.addDocuments([a.doc.doc, b.doc], 'text', 'h');
    auditPending(lib);
    expect(lib.figures(b.doc.docId).filter((f) => f.table !== 'facts')).toEqual([]);

    saveProfiles(lib, a.profiles);
    const changed = reapplyProfiles(lib);
    expect(changed.sort()).toEqual([a.doc.doc.docId, b.doc.docId].sort());
    expect(unauditedIds(lib, AUDIT_VERSION).sort()).toEqual(changed.sort());
    for (const d of [a.doc, b]) {
      const stored = loadStoredDocuments(lib.db, [d.doc.docId])[0];
      const tables = stored.figures.filter((f) => f.table !== 'facts');
      expect(tables.map(figureKey).sort()).toEqual(d.printed.map(figureKey).sort());
      // Seven tables print figures; 政府性基金 and 国有资本经营 are printed empty (present as tables, no figure).
      expect(new Set(tables.map((f) => f.source.profile)).size).toBe(7);
      expect(stored.tables.filter((t) => t.status === "empty").map((t) => t.table).sort()).toEqual(["fund_expense", "soe_expense"]);
      expect(stored.tables).toHaveLength(9);
    }
    auditPending(lib);
    const audit = readAudits(lib, [b.doc.docId], false)[0];
    // The audit ran on the figures read through the profiles: the table checks compared figures.
    expect(audit.checks.filter((c) => c.status === 'ran').reduce((s, c) => s + c.comparisons, 0)).toBeGreaterThan(50);
    expect(audit.checks.reduce((s, c) => s + c.errors, 0)).toBe(0);
    // Re-applying what is already applied changes nothing.
    expect(reapplyProfiles(lib)).toEqual([]);
  }, 60_000);

  it('rename follows into the figures\' provenance; delete takes the figures back', async () => {
    const lib = libs.track(LibraryDb.create(libs.SQL()));
    const a = await taught(2);
    lib.addDocuments([a.doc.doc], 'text', 'h');
    saveProfiles(lib, a.profiles);
    reapplyProfiles(lib);
    renameProfile(lib, '未知版式3', '县级支出总表');
    expect(reapplyProfiles(lib)).toEqual([a.doc.doc.docId]);
    expect(lib.figures(a.doc.doc.docId).filter((f) => f.table === 'expense').every((f) => f.profile === '县级支出总表')).toBe(true);
    expect(listProfiles(lib).map((p) => p.name)).toContain('县级支出总表');
    deleteProfile(lib, '县级支出总表');
    reapplyProfiles(lib);
    expect(lib.figures(a.doc.doc.docId).filter((f) => f.table === 'expense')).toEqual([]);
    expect(lib.figures(a.doc.doc.docId).filter((f) => f.table === 'income').length).toBeGreaterThan(10);
  }, 60_000);

  it('survive export and reopening of the library file', async () => {
    const lib = libs.track(LibraryDb.create(libs.SQL()));
    const a = await taught(1);
    saveProfiles(lib, a.profiles.slice(0, 2));
    const again = libs.track(LibraryDb.open(libs.SQL(), lib.export()));
    expect(listProfiles(again)).toEqual(listProfiles(lib));
  }, 60_000);
});

describe('profiles when a second tab takes over', () => {
  it('the writer\'s library gets the profiles this tab saved, and its documents are read through them', async () => {
    const { baseline, mergeChanges } = await import('../../../src/lib/db/merge');
    const a = await taught(3);
    const writer = libs.track(LibraryDb.create(libs.SQL()));
    writer.addDocuments([a.doc.doc], 'text', 'h');
    const mine = libs.track(LibraryDb.open(libs.SQL(), writer.export()));
    const base = baseline(mine);
    saveProfiles(mine, a.profiles);
    reapplyProfiles(mine);
    const saved = libs.track(LibraryDb.open(libs.SQL(), writer.export()));
    const merged = mergeChanges(saved, mine, base, reapplyProfiles);
    expect(merged.profiles).toBe(9);
    expect(listProfiles(saved)).toEqual(listProfiles(mine));
    const figures = loadStoredDocuments(saved.db, [a.doc.doc.docId])[0].figures.filter((f) => f.source.profile);
    expect(figures.map(figureKey).sort()).toEqual(a.doc.printed.map(figureKey).sort());
  }, 60_000);
});
