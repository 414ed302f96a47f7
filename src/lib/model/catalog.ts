/**
 * The dataset catalog a static site publishes beside the app (public/data/catalog.json): what each
 * dataset holds, so the app can list them and load one on demand. Written by `npm run build:data`.
 */
export interface CatalogDataset {
  /** Stable id, used in links: `#data=catalog:<id>`. */
  id: string;
  title: string;
  region: string;
  years: number[];
  units: { code: string; name: string }[];
  documents: number;
  figures: number;
  /** The FORMAT CSV, relative to catalog.json. */
  file: string;
  bytes: number;
  sha256: string;
  /** Layout profiles the dataset was read with (issue 18), relative to catalog.json: loading the dataset offers them to the library. */
  profiles?: string;
}

/** A national archive the site lists (issue 21, src/lib/archive/README.md): opened over the network, never loaded whole. */
export interface CatalogArchive {
  title: string;
  /** The archive's folder (or its archive.json), relative to catalog.json. */
  url: string;
}

export interface Catalog {
  version: 1;
  datasets: CatalogDataset[];
  archives?: CatalogArchive[];
}

export const DATASET_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** Validates a fetched catalog; a malformed one is reported, not half-used. */
export function parseCatalog(value: unknown): { ok: true; catalog: Catalog } | { ok: false; error: string } {
  const c = value as Catalog;
  if (typeof c !== 'object' || c === null || c.version !== 1 || !Array.isArray(c.datasets)) {
    return { ok: false, error: '数据目录（catalog.json）格式不对' };
  }
  for (const d of c.datasets) {
    const badProfiles = d?.profiles !== undefined && (typeof d.profiles !== 'string' || !/^[\w.-]+\.json$/.test(d.profiles));
    if (typeof d?.id !== 'string' || !DATASET_ID.test(d.id) || typeof d.file !== 'string' || !/^[\w.-]+\.csv$/.test(d.file) || badProfiles) {
      return { ok: false, error: `数据目录中有无效的数据集：${String(d?.id).slice(0, 40)}` };
    }
  }
  return { ok: true, catalog: c };
}
