import { deleteProfile, hasProfile, listProfiles, reapplyProfiles, renameProfile, saveProfiles } from '../db/profiles';
import { all, sql } from '../db/sql';
import type { ParsedDocument } from '../model/document';
import { applyProfilesToDocument, profileIndex } from '../profiles/document';
import { signatureKey, tableSignature } from '../profiles/signature';
import type { LayoutProfile } from '../profiles/types';
import { profilesFileText, readProfilesFile, validateProfile } from '../profiles/validate';
import type { ProfileChange } from './protocol';
import type { HandlersFor, WorkerState } from './state';

/**
 * Layout profiles in the worker: the unmapped tables of a document, the library's profiles, and
 * changes to them. One profile per signature: saving a mapping for a table replaces the profile
 * that read that layout before. Every change re-reads the raw tables of the whole library
 * (db/profiles.ts) and then, through `changed()`, audits the documents whose figures moved.
 * Loaded on first use (profileHandlers.ts): most visits never touch a profile.
 */
export function profileWork(w: WorkerState) {
  function reapplied(): ProfileChange {
    const changed = reapplyProfiles(w.lib);
    w.changed();
    return { ok: true, changed: changed.length };
  }

  /** Saves, replacing the profiles of the same layouts; a name already used by another layout is refused. */
  function save(profiles: readonly LayoutProfile[]): string | null {
    const keys = new Set(profiles.map((p) => signatureKey(p.signature)));
    const clash = listProfiles(w.lib).find((old) => !keys.has(signatureKey(old.signature)) && profiles.some((p) => p.name === old.name));
    if (clash) return `已有名为「${clash.name}」的版式配置（另一种版式），请换一个名称。`;
    w.lib.transaction(() => {
      for (const old of listProfiles(w.lib)) if (keys.has(signatureKey(old.signature))) deleteProfile(w.lib, old.name);
      saveProfiles(w.lib, profiles);
    });
    return null;
  }

  const handlers: HandlersFor<'rawTables' | 'profiles' | 'saveProfile' | 'renameProfile' | 'deleteProfile' | 'importProfiles' | 'exportProfiles'> = {
    rawTables(req) {
      const raw = w.lib.rawTables(req.docId);
      const applied = all<{ t: string; p: string }>(w.lib.db, sql`SELECT title AS t, profile AS p FROM doc_table WHERE doc_id = ${req.docId} AND profile IS NOT NULL`);
      const index = profileIndex(listProfiles(w.lib));
      const kinds = all<{ k: string }>(w.lib.db, sql`SELECT table_key AS k FROM doc_table WHERE doc_id = ${req.docId}`).map((r) => r.k);
      return {
        tables: raw.map((table) => {
          const p = index.get(signatureKey(tableSignature(table)));
          return { table, profile: p && applied.some((a) => a.p === p.name && a.t === table.title) ? p.name : null };
        }),
        kinds,
      };
    },
    profiles() {
      const used = new Map(all<{ p: string; n: number }>(w.lib.db, sql`SELECT profile AS p, count(DISTINCT doc_id) AS n FROM doc_table WHERE profile IS NOT NULL GROUP BY profile`).map((r) => [r.p, r.n]));
      return listProfiles(w.lib).map((profile) => ({ profile, documents: used.get(profile.name) ?? 0 }));
    },
    saveProfile(req) {
      const checked = validateProfile(req.profile);
      if (!checked.ok) return { ok: false, error: `版式配置无法保存：${checked.error}` };
      const refused = save([checked.profile]);
      return refused ? { ok: false, error: refused } : reapplied();
    },
    renameProfile(req) {
      const to = req.to.trim();
      if (!to || to.length > 100 || /[\u0000-\u001f\u007f]/.test(to)) return { ok: false, error: '名称不能为空，不超过 100 个字符。' };
      if (!hasProfile(w.lib, req.from)) return { ok: false, error: `没有名为「${req.from}」的版式配置。` };
      if (to !== req.from && hasProfile(w.lib, to)) return { ok: false, error: `已有名为「${to}」的版式配置。` };
      renameProfile(w.lib, req.from, to);
      return reapplied();
    },
    deleteProfile(req) {
      deleteProfile(w.lib, req.name);
      return reapplied();
    },
    importProfiles(req) {
      const read = readProfilesFile(req.text, req.fileName);
      if (!read.ok) return { ok: false, error: read.error };
      const refused = save(read.profiles);
      return refused ? { ok: false, error: `「${req.fileName}」未导入：${refused}` } : { ...reapplied(), imported: read.profiles.length };
    },
    exportProfiles(req) {
      const all = listProfiles(w.lib);
      return profilesFileText(req.names ? all.filter((p) => req.names!.includes(p.name)) : all);
    },
  };
  return handlers;
}

/** The library's profiles read into newly imported documents (profileHandlers.ts withProfiles). */
export function applyLibraryProfiles<T extends ParsedDocument>(w: WorkerState, docs: T[]): T[] {
  const index = profileIndex(listProfiles(w.lib));
  return docs.map((d) => applyProfilesToDocument(d, index).doc);
}
