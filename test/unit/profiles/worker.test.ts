import { describe, expect, it } from 'vitest';
import { readAudits } from '../../../src/lib/db/audits';
import { LibraryDb } from '../../../src/lib/db/library';
import { suggestProfile } from '../../../src/lib/profiles/suggest';
import { profileHandlers, withProfiles } from '../../../src/lib/worker/profileHandlers';
import type { Persistence } from '../../../src/lib/worker/persistence';
import { WorkerState } from '../../../src/lib/worker/state';
import { trackedLibraries } from '../db/tracked';
import { figureKey, unknownDoc } from './fixtures';

const libs = trackedLibraries();

function worker(): { w: WorkerState; h: ReturnType<typeof profileHandlers>; saves: () => number } {
  const w = new WorkerState(() => undefined);
  w.lib = libs.track(LibraryDb.create(libs.SQL()));
  let saves = 0;
  w.persistence = { changed: () => void saves++ } as unknown as Persistence;
  return { w, h: profileHandlers(w), saves: () => saves };
}

describe('profiles in the database worker', () => {
  it('teach one document, the next of that layout imports mapped, export and import in a fresh library, tampered refused', async () => {
    const { w, h, saves } = worker();
    const a = await unknownDoc(0, 'tab');
    w.lib.addDocuments([a.doc], 'text', 'ha');
    const listed = await h.rawTables({ type: 'rawTables', docId: a.doc.docId }, 1);
    expect(listed.tables.map((t) => t.profile)).toEqual(Array(9).fill(null));

    // One confirmation per table: each suggestion saved as it is.
    const taken = new Set(listed.kinds);
    for (const [i, t] of listed.tables.entries()) {
      const s = suggestProfile(t.table, `未知版式${i + 1}`, taken);
      taken.add(s.profile.kind);
      expect(await h.saveProfile({ type: 'saveProfile', profile: s.profile }, 1)).toEqual({ ok: true, changed: 1 });
    }
    expect(saves()).toBe(9);
    expect(w.lib.figures(a.doc.docId).filter((f) => f.profile).map((f) => figureKey(f)).sort()).toEqual(a.printed.map(figureKey).sort());
    // The audit ran on the new figures (changed() audits what is pending).
    const audit = readAudits(w.lib, [a.doc.docId], false)[0];
    expect(audit.checks.reduce((s, c) => s + c.comparisons, 0)).toBeGreaterThan(50);
    expect((await h.rawTables({ type: 'rawTables', docId: a.doc.docId }, 1)).tables.map((t) => t.profile)).toEqual(Array.from({ length: 9 }, (_, i) => `未知版式${i + 1}`));

    // A second document of the layout is read through the profiles as it comes in.
    const b = await unknownDoc(6, 'cells');
    const [mapped] = await withProfiles(w, [b.doc]);
    expect(mapped.figures.filter((f) => f.source.profile).map(figureKey).sort()).toEqual(b.printed.map(figureKey).sort());

    const file = await h.exportProfiles({ type: 'exportProfiles', names: null }, 1);
    const fresh = worker();
    fresh.w.lib.addDocuments([b.doc], 'text', 'hb');
    // A library without profiles hands its documents back as they are (and never loads the profiles' code).
    const unmapped = [b.doc];
    expect(await withProfiles(fresh.w, unmapped)).toBe(unmapped);
    expect(await fresh.h.importProfiles({ type: 'importProfiles', fileName: 'layouts.json', text: file }, 1)).toEqual({ ok: true, changed: 1, imported: 9 });
    expect((await fresh.h.profiles({ type: 'profiles' }, 1)).map((p) => [p.profile.name, p.documents])).toEqual(
      Array.from({ length: 9 }, (_, i) => [`未知版式${i + 1}`, 1]).sort());
    const tampered = file.replace('"kind": "expense"', '"kind": "expense\\"); alert(1); //"');
    const refused = await fresh.h.importProfiles({ type: 'importProfiles', fileName: 'layouts.json', text: tampered }, 1);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/「layouts\.json」.*kind/) });
    expect((await fresh.h.profiles({ type: 'profiles' }, 1))).toHaveLength(9);

    // Renaming and deleting follow into the figures.
    expect(await fresh.h.renameProfile({ type: 'renameProfile', from: '未知版式3', to: '未知版式1' }, 1)).toEqual({ ok: false, error: expect.stringMatching(/已有/) });
    expect(await fresh.h.deleteProfile({ type: 'deleteProfile', name: '未知版式3' }, 1)).toEqual({ ok: true, changed: 1 });
    expect(fresh.w.lib.figures(b.doc.docId).filter((f) => f.table === 'expense')).toEqual([]);
  }, 120_000);
});
