import { TABLE_KEYS, TABLE_NAMES, type TableKey } from '../model/keys';

/**
 * The kinds a profile maps a table to, and which of them have label rows. Apart from the vocabulary
 * (vocabulary.ts, with the importer's column lists): checking a profile and listing profiles need only
 * these, and they are on the first screen and in the worker.
 */
export type ProfileKind = Exclude<TableKey, 'facts'>;

export const PROFILE_KINDS: readonly ProfileKind[] = TABLE_KEYS.filter((k): k is ProfileKind => k !== 'facts');

export function kindName(kind: string): string {
  return TABLE_NAMES[kind as TableKey] ?? kind;
}

/** Tables whose rows are labels (收支总表, 三公), not classification codes. */
const LABEL_KINDS = new Set<ProfileKind>(['summary', 'fiscal_summary', 'three_public', 'assets', 'procurement']);

export function isLabelKind(kind: ProfileKind): boolean {
  return LABEL_KINDS.has(kind);
}
