import type { StoredDocument } from './document';

/**
 * The bundled sample (public/data/sample.json): the five Hebei seed disclosures as the importer read
 * them, committed to the repository so that a fresh clone builds and serves the app with nothing
 * beside it. `npm run sample:update` writes it from ../shared/seeds; test/unit/sample.test.ts proves
 * it is exactly what today's importer makes of them. The text of each file rides along so the app
 * can show the line each figure was read from, as for any imported file.
 */
export interface SampleFile {
  fileName: string;
  contentHash: string;
  text: string;
  docs: StoredDocument[];
}

export interface Sample {
  format: 'budget-lens-sample';
  version: 1;
  title: string;
  files: SampleFile[];
}

/**
 * The sample comes from our own origin, but it is still a file over the network: check its shape
 * before anything reaches the database, so a broken deploy says so instead of half-loading.
 */
export function parseSample(value: unknown): Sample {
  const s = value as Sample;
  if (typeof s !== 'object' || s === null || s.format !== 'budget-lens-sample' || s.version !== 1 || !Array.isArray(s.files)) {
    throw new Error('示例数据（sample.json）格式不对');
  }
  for (const f of s.files) {
    if (typeof f?.fileName !== 'string' || typeof f.contentHash !== 'string' || typeof f.text !== 'string' || !Array.isArray(f.docs)) {
      throw new Error('示例数据（sample.json）中有无效的文件');
    }
  }
  return s;
}
