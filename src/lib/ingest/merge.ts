import type { StoredDocument } from '../model/document';

/** Documents of files given together (placeholder: kept as they are). */
export function mergeDocuments(perFile: readonly StoredDocument[][]): StoredDocument[] {
  return perFile.flat();
}
