/**
 * The static archive's layout (docs: README.md here, "Format"). An archive is a folder of Parquet
 * files and one JSON catalog, `archive.json`, published on any static host and read with HTTP range
 * requests. Everything is partitioned by province (Hive-style `province=NN` folders or file names)
 * and sorted so that each view reads one contiguous run of rows:
 *
 *   units.parquet                       one row per unit: the search index, and where its rows are
 *   documents/province=NN.parquet       one row per document, sorted (city, unit_key, year, doc_id)
 *   yoy/province=NN.parquet             the figures 同比 reads, sorted (unit_key, year, doc_id, seq)
 *   peers/province=NN.parquet           the figures 横比 reads (down to 款), sorted (city, year, unit_key, doc_id, seq)
 *   metrics/province=NN.parquet         per document: the 13 metrics and the unit's prior-year ones, sorted (year, city, unit_key)
 *   figures/province=NN/year=YYYY.parquet   every figure of every document (for import), in documents order
 *   content/province=NN/year=YYYY.parquet   a document's tables, projects, warnings, narrative and unmapped tables (JSON), one row each
 *
 * Amounts are DECIMAL(18,6) in 万元: the stored integer is exactly the library's fen.
 */

export const ARCHIVE_FORMAT = 'budget-lens-archive';
export const ARCHIVE_VERSION = 1;
export const CATALOG_FILE = 'archive.json';

/** A Parquet file of the archive: its path (relative to archive.json), size and footer size, so a reader fetches the footer in one request. */
export interface ArchiveFile {
  path: string;
  bytes: number;
  /** The footer: the Thrift metadata plus its 8-byte trailer. */
  footer: number;
  rows: number;
}

/** [first row, row count] in a file of the province. */
export type RowRange = [number, number];

export interface ArchiveCity {
  name: string;
  units: number;
  documents: number;
  /** Its documents in documents/province=NN.parquet (all years). */
  docRows: RowRange;
  /** Its 横比 rows in peers/province=NN.parquet, by year. */
  peers: Record<string, RowRange>;
}

export interface ArchiveProvince {
  /** Two digits, the partition key (`province=NN`). */
  key: string;
  name: string;
  cities: ArchiveCity[];
  units: number;
  documents: number;
  years: number[];
  /** Its rows in metrics/province=NN.parquet, by year. */
  metrics: Record<string, RowRange>;
}

export interface ArchiveCatalog {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  id: string;
  title: string;
  built: string;
  documents: number;
  figures: number;
  units: number;
  years: number[];
  stages: string[];
  provinces: ArchiveProvince[];
  files: ArchiveFile[];
}

export const unitsPath = 'units.parquet';
export const documentsPath = (p: string) => `documents/province=${p}.parquet`;
export const yoyPath = (p: string) => `yoy/province=${p}.parquet`;
export const peersPath = (p: string) => `peers/province=${p}.parquet`;
export const metricsPath = (p: string) => `metrics/province=${p}.parquet`;
export const figuresPath = (p: string, y: number) => `figures/province=${p}/year=${y}.parquet`;
export const contentPath = (p: string, y: number) => `content/province=${p}/year=${y}.parquet`;

/** Columns of units.parquet. `years` is the unit's years joined by commas; rows point into the province's files. */
export const UNIT_COLUMNS = ['unit_key', 'unit_code', 'unit_name', 'province', 'city', 'years', 'documents', 'doc_row', 'yoy_row', 'yoy_rows'] as const;
export const DOCUMENT_COLUMNS = ['doc_id', 'unit_key', 'unit_code', 'unit_name', 'scope', 'stage', 'year', 'province', 'city', 'file_name', 'figures', 'part_row', 'fig_row'] as const;
/**
 * yoy, peers and figures files: a figure as the library stores it. figures adds page and box, which
 * the app reads, and file (the joined narrative's file name), which it does not: the archive holds
 * no source files to open, and archives built before it lack the column.
 */
export const FIGURE_COLUMNS = ['doc_id', 'seq', 'table_key', 'row_code', 'row_name', 'column_key', 'amount', 'line'] as const;
export const FULL_FIGURE_COLUMNS = [...FIGURE_COLUMNS, 'page', 'box'] as const;
export const CONTENT_COLUMNS = ['doc_id', 'tables', 'projects', 'warnings', 'narrative', 'raw_tables'] as const;

/** Where a reader was pointed that is not an archive of ours, or one this build cannot read. */
export function parseArchiveCatalog(value: unknown, where: string): { ok: true; catalog: ArchiveCatalog } | { ok: false; error: string } {
  const c = value as ArchiveCatalog;
  if (typeof c !== 'object' || c === null || c.format !== ARCHIVE_FORMAT) {
    return { ok: false, error: `${where} 不是预算透镜的数据档案目录（缺少 format: "${ARCHIVE_FORMAT}"）` };
  }
  if (typeof c.version !== 'number' || c.version > ARCHIVE_VERSION) {
    return { ok: false, error: `${where} 的档案格式版本 ${String(c.version)} 比本程序支持的版本 ${ARCHIVE_VERSION} 新，请更新预算透镜` };
  }
  if (!Array.isArray(c.provinces) || !Array.isArray(c.files) || !Array.isArray(c.years)) {
    return { ok: false, error: `${where} 的档案目录不完整（缺少 provinces、files 或 years）` };
  }
  // Files are paths inside the archive's folder: never an address elsewhere (another host, or the site's root).
  for (const f of c.files) {
    if (typeof f?.path !== 'string' || !/^\w[\w=./-]*\.parquet$/.test(f.path) || f.path.includes('..') || f.path.includes('//')
        || !Number.isSafeInteger(f.bytes) || !Number.isSafeInteger(f.footer) || f.footer < 8 || f.footer > f.bytes) {
      return { ok: false, error: `${where} 的档案目录中有无效的文件条目：${String(f?.path).slice(0, 60)}` };
    }
  }
  return { ok: true, catalog: c };
}
