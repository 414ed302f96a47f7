import { one, sql } from '../db/sql';
import type { ParsedDocument } from '../model/document';
import type { HandlersFor, WorkerState } from './state';

/**
 * The layout profiles' requests, answered by profileWork.ts, which is loaded on the first of them.
 * Profiles bring the table readers they map through (labels, titles, the column vocabulary): about
 * 9 KB of gzip that a first visit would otherwise fetch before its data is on screen (issue 17:
 * ≤ 150 KB of app code), for a feature most visits never open.
 */
type ProfileRequest = 'rawTables' | 'profiles' | 'saveProfile' | 'renameProfile' | 'deleteProfile' | 'importProfiles' | 'exportProfiles';
const REQUESTS: readonly ProfileRequest[] = ['rawTables', 'profiles', 'saveProfile', 'renameProfile', 'deleteProfile', 'importProfiles', 'exportProfiles'];

type Work = typeof import('./profileWork');
let module: Promise<Work> | null = null;
const load = () => (module ??= import('./profileWork'));

export function profileHandlers(w: WorkerState): HandlersFor<ProfileRequest> {
  let work: Promise<HandlersFor<ProfileRequest>> | null = null;
  const handlers = () => (work ??= load().then((m) => m.profileWork(w)));
  const forward = <K extends ProfileRequest>(k: K): HandlersFor<ProfileRequest>[K] =>
    (async (req: Parameters<HandlersFor<ProfileRequest>[K]>[0], id: number) => {
      const h = (await handlers())[k] as (r: typeof req, id: number) => unknown;
      return h(req, id);
    }) as HandlersFor<ProfileRequest>[K];
  return Object.fromEntries(REQUESTS.map((k) => [k, forward(k)])) as HandlersFor<ProfileRequest>;
}

/**
 * The library's profiles read into newly imported documents (the import's one way in,
 * importHandlers.ts). A library without profiles, most of them, never loads their code.
 */
export async function withProfiles<T extends ParsedDocument>(w: WorkerState, docs: T[]): Promise<T[]> {
  if (!one(w.lib.db, sql`SELECT 1 AS found FROM layout_profile LIMIT 1`)) return docs;
  return (await load()).applyLibraryProfiles(w, docs);
}
