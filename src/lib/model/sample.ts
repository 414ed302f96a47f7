/**
 * The bundled sample (public/data/sample.json): the texts of the five Hebei seed disclosures,
 * committed to the repository so that a fresh clone builds and serves the app with nothing beside
 * it. The app reads them on a first visit through the same importer as any file (worker/startup.ts):
 * the texts are a third of the parsed documents' weight (issue 17: the first visit's bytes), reading
 * them takes a fraction of a second in the worker, and the sample can never disagree with today's
 * importer. `npm run sample:update` writes it from ../shared/seeds; test/unit/sample.test.ts proves
 * each text gives back its seed's bytes and documents.
 */
export interface SampleFile {
  fileName: string;
  text: string;
}

export interface Sample {
  format: 'budget-lens-sample';
  version: 2;
  title: string;
  files: SampleFile[];
}

/** The sample's texts together: a deploy that serves something much larger is refused, not read. */
const MAX_TEXT_CHARS = 4_000_000;

/**
 * The sample comes from our own origin, but it is still a file over the network: check its shape
 * before anything reaches the database, so a broken deploy says so instead of half-loading.
 */
export function parseSample(value: unknown): Sample {
  const s = value as Sample;
  if (typeof s !== 'object' || s === null || s.format !== 'budget-lens-sample' || s.version !== 2 || !Array.isArray(s.files)) {
    throw new Error('示例数据（sample.json）格式不对');
  }
  let chars = 0;
  for (const f of s.files) {
    if (typeof f?.fileName !== 'string' || typeof f.text !== 'string') throw new Error('示例数据（sample.json）中有无效的文件');
    chars += f.text.length;
  }
  if (chars > MAX_TEXT_CHARS) throw new Error('示例数据（sample.json）过大');
  return s;
}
