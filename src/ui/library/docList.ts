import type { DocumentSummary } from '../../lib/worker/protocol';
import { SCOPE_NAMES, STAGE_NAMES } from '../../lib/model/keys';
import { regionOf } from '../../lib/model/region';

/** The library list's filters and sort, as pure functions over the document summaries. */

export interface DocFilter {
  /** Unit name or code (or year, or file name), as typed. */
  text: string;
  year: string;
  region: string;
  /** 部门预算, 单位决算 …: scope and stage as `department:budget`. */
  kind: string;
}

export const NO_REGION = '（名称中未注明地区）';

/**
 * Documents in the list at once. A city's library is thousands of documents: a page at a time, or
 * the main thread blocks for seconds on every refresh. Fifty are about four screens; a hundred took
 * ~50–85 ms to open the view at 5,000 documents (Chromium), half of it laying out the rows.
 */
export const LIBRARY_PAGE = 50;

export const SORT_KEYS = ['unit', 'code', 'year', 'kind', 'figures', 'tables', 'projects', 'warnings', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const kindOf = (d: Pick<DocumentSummary, 'scope' | 'stage'>) => `${d.scope}:${d.stage}`;
export const kindName = (d: Pick<DocumentSummary, 'scope' | 'stage'>) => `${SCOPE_NAMES[d.scope]}${STAGE_NAMES[d.stage]}`;
export const regionName = (d: Pick<DocumentSummary, 'unitName'>) => regionOf(d.unitName) ?? NO_REGION;
const sourceName = (d: DocumentSummary) => (d.sourceKind === 'sample' ? '示例数据' : d.fileName);

// One collator: localeCompare with options builds one per call (V8 keeps one only for a bare locale):
// sorting 5,000 documents by name took ~800 ms of the main thread, 30 ms with it (issue 17).
const zh = new Intl.Collator('zh-CN');
const zhNumeric = new Intl.Collator('zh-CN', { numeric: true });

/** The choices each filter offers: what the library holds, with how many documents. */
export function filterChoices(docs: readonly DocumentSummary[]): { years: number[]; regions: string[]; kinds: { key: string; name: string }[] } {
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => b - a);
  const regions = [...new Set(docs.map(regionName))].sort((a, b) => Number(a === NO_REGION) - Number(b === NO_REGION) || zh.compare(a, b));
  const kinds = new Map(docs.map((d) => [kindOf(d), kindName(d)]));
  return { years, regions, kinds: [...kinds].map(([key, name]) => ({ key, name })).sort((a, b) => a.key.localeCompare(b.key)) };
}

export function filterDocs(docs: readonly DocumentSummary[], f: DocFilter): DocumentSummary[] {
  // Read once: the view's filter is reactive state, and each read of it in the loop was a signal
  // read per document (15,000 at 5,000 documents, on every visit to the library view).
  const { year, region, kind } = f;
  const q = f.text.trim();
  if (!q && !year && !region && !kind) return docs.slice();
  return docs.filter((d) => (!q || `${d.unitName} ${d.unitCode} ${d.year} ${d.fileName}`.includes(q))
    && (!year || String(d.year) === year)
    && (!region || regionName(d) === region)
    && (!kind || kindOf(d) === kind));
}

const VALUE: Record<SortKey, (d: DocumentSummary) => string | number> = {
  unit: (d) => d.unitName, code: (d) => d.unitCode, year: (d) => d.year, kind: kindName,
  figures: (d) => d.figureCount, tables: (d) => d.tableCount, projects: (d) => d.projectCount,
  warnings: (d) => d.warningCount, source: sourceName,
};

/** Sorted by one column; equal values keep the library's order (stable sort). Text sorts by pinyin. */
export function sortDocs(docs: readonly DocumentSummary[], key: SortKey | null, dir: 'asc' | 'desc'): DocumentSummary[] {
  if (!key) return [...docs];
  const v = VALUE[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...docs].sort((a, b) => {
    const x = v(a);
    const y = v(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : zhNumeric.compare(String(x), String(y)));
  });
}
