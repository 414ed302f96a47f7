/**
 * The bundled sample's texts (public/data/sample.json): the five Hebei seed disclosures, committed
 * to the repository so that a fresh clone builds and serves the app with nothing beside it. A first
 * visit shows the same documents from their FORMAT CSV first (public/data/seeds.csv, a sixth of the
 * bytes: worker/startup.ts), and reads these texts once they are on screen (worker/sampleTexts.ts),
 * through the same importer as any file, so the sample has source lines, tables, projects and
 * warnings and can never disagree with today's importer (issue 17: the first visit's bytes).
 * `npm run sample:update` writes both from ../shared/seeds; test/unit/sample.test.ts proves each
 * text gives back its seed's bytes and documents, test/unit/worker/sampleTexts.test.ts that the two
 * steps end in the library the texts alone give.
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
