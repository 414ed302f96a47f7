import type { ParsedDocument } from '../model/document';
import { applyProfile } from './apply';
import { signatureKey, tableSignature } from './signature';
import type { LayoutProfile } from './types';

/**
 * A document's raw tables read through the profiles whose signature they match: their figures and
 * tables are added, each naming its profile. A kind the importer already read from another table of
 * the document is left as the importer read it (a profile never overrides what was recognised),
 * and the document says so. Pure: the import, the library's re-application and the CLI share it.
 */
export function profileIndex(profiles: readonly LayoutProfile[]): Map<string, LayoutProfile> {
  return new Map(profiles.map((p) => [signatureKey(p.signature), p]));
}

export function applyProfilesToDocument<T extends ParsedDocument>(doc: T, index: ReadonlyMap<string, LayoutProfile>): { doc: T; applied: number } {
  if (!index.size || !doc.rawTables?.length) return { doc, applied: 0 };
  const out: T = { ...doc, figures: [...doc.figures], tables: [...doc.tables], warnings: [...doc.warnings] };
  let applied = 0;
  for (const raw of doc.rawTables) {
    const profile = index.get(signatureKey(tableSignature(raw)));
    if (!profile) continue;
    if (out.tables.some((t) => t.table === profile.kind)) {
      out.warnings.push({ message: `「${raw.title}」符合版式配置 ${profile.name}，但文档中已有这张表，未重复读取`, source: raw.source, kind: 'unmapped_table', title: raw.title });
      continue;
    }
    const a = applyProfile(raw, profile);
    out.figures.push(...a.figures);
    out.tables.push({ ...a.table, source: { ...a.table.source, profile: profile.name } });
    out.warnings.push(...a.warnings);
    applied++;
  }
  return { doc: out, applied };
}
