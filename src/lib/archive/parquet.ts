import { parquetMetadataAsync, parquetReadObjects, type FileMetaData } from 'hyparquet';
import { ArchiveError, type ArchiveHttp } from './http';
import type { ArchiveFile } from './format';

/**
 * Reading rows of the archive's Parquet files with hyparquet. The footer is fetched in one request
 * (its size is in the catalog) and kept for the session; rows are read by range, which hyparquet
 * turns into one request per row group it touches. Amount columns are DECIMAL(18,6): the footer's
 * schema is read as plain INT64 here, so we get the stored integer (exactly the library's fen)
 * instead of hyparquet's float in 万元.
 */
export class ParquetSource {
  private readonly footers = new Map<string, Promise<FileMetaData>>();

  constructor(private readonly http: ArchiveHttp, private readonly files: ReadonlyMap<string, ArchiveFile>) {}

  file(rel: string): ArchiveFile {
    const f = this.files.get(rel);
    if (!f) throw new ArchiveError(`档案目录中没有文件 ${rel}（档案不完整）`);
    return f;
  }

  private metadata(f: ArchiveFile): Promise<FileMetaData> {
    let m = this.footers.get(f.path);
    if (!m) {
      m = parquetMetadataAsync(this.http.buffer(f), { initialFetchSize: f.footer }).then(asIntegers, (e: unknown) => {
        this.footers.delete(f.path);
        if (e instanceof ArchiveError) throw e;
        throw new ArchiveError(`档案文件 ${f.path} 不是有效的 Parquet 文件（${(e as Error).message}）：文件可能不完整或已损坏`);
      });
      this.footers.set(f.path, m);
    }
    return m;
  }

  /** Rows [start, start + count) of the named columns, as objects; amounts as numbers of fen. */
  async rows<T = Record<string, unknown>>(rel: string, columns: readonly string[], start: number, count: number): Promise<T[]> {
    if (count <= 0) return [];
    const f = this.file(rel);
    const metadata = await this.metadata(f);
    if (start + count > Number(metadata.num_rows)) throw new ArchiveError(`档案文件 ${f.path} 的行数少于目录所记（档案不完整）`);
    try {
      const rows = await parquetReadObjects({ file: this.http.buffer(f), metadata, columns: [...columns], rowStart: start, rowEnd: start + count });
      for (const r of rows) for (const k in r) if (typeof r[k] === 'bigint') r[k] = Number(r[k]);
      return rows as T[];
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      throw new ArchiveError(`档案文件 ${f.path} 的数据无法解读（${(e as Error).message}）：文件可能已损坏`);
    }
  }
}

/** The footer with DECIMAL columns read as their stored integers. */
function asIntegers(m: FileMetaData): FileMetaData {
  return {
    ...m,
    schema: m.schema.map((el) => (el.converted_type === 'DECIMAL' ? { ...el, converted_type: undefined, logical_type: undefined, scale: undefined, precision: undefined } : el)),
  };
}
