import type { AsyncBuffer } from 'hyparquet';
import type { ArchiveFile } from './format';

/** What went wrong reading an archive, in words for the user (Chinese), naming the file. Nothing is changed when it is thrown. */
export class ArchiveError extends Error {}

export interface Transfer {
  bytes: number;
  requests: number;
}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The archive's files over HTTP. Whole small files (archive.json) are fetched once; Parquet files
 * are read by byte range, each range checked: a 206 answer covering exactly the asked bytes of a
 * file of the size the catalog records. A host that ignores Range (200 with the whole file), a file
 * shorter than the catalog says (416, or a short body), or a range of another size is an error
 * naming the file, never a silent guess. Every byte received is counted (`transfer`, onProgress).
 */
export class ArchiveHttp {
  readonly transfer: Transfer = { bytes: 0, requests: 0 };

  constructor(readonly base: URL, private readonly fetchFn: FetchFn, private readonly onProgress?: (t: Transfer) => void) {}

  /** A file's address: always inside the archive's folder (the catalog is checked too; this holds whatever it says). */
  url(rel: string): string {
    const u = new URL(rel, this.base).href;
    if (!u.startsWith(this.base.href)) throw new ArchiveError(`档案目录中的文件 ${rel.slice(0, 60)} 不在档案所在的文件夹内，不予读取`);
    return u;
  }

  private async request(url: string, init: RequestInit | undefined, what: string): Promise<Response> {
    // A GET of a range is safe to repeat: once, for a kept-alive connection the host had just closed.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.fetchFn(url, init);
      } catch {
        if (attempt === 0) continue;
        throw new ArchiveError(`无法读取档案文件 ${what}：连接不到档案所在的服务器（可能已离线，或该服务器不允许本站跨域读取）。数据档案的视图需要联网。`);
      }
    }
  }

  private count(bytes: number): void {
    this.transfer.bytes += bytes;
    this.transfer.requests++;
    this.onProgress?.({ ...this.transfer });
  }

  async json(rel: string): Promise<unknown> {
    const res = await this.request(this.url(rel), { cache: 'no-cache' }, rel);
    if (!res.ok) throw new ArchiveError(`无法读取档案目录 ${rel}：服务器答复 HTTP ${res.status}${res.status === 404 ? '（地址不对，或档案尚未发布）' : ''}`);
    const text = await res.text();
    this.count(text.length);
    try {
      return JSON.parse(text);
    } catch {
      throw new ArchiveError(`档案目录 ${rel} 不是有效的 JSON（文件可能不完整）`);
    }
  }

  async range(file: ArchiveFile, start: number, end: number): Promise<ArrayBuffer> {
    if (start < 0 || end > file.bytes || start >= end) {
      throw new ArchiveError(`档案文件 ${file.path} 的读取范围 ${start}–${end} 超出文件大小 ${file.bytes} 字节（目录与文件不符）`);
    }
    const res = await this.request(this.url(file.path), { headers: { Range: `bytes=${start}-${end - 1}` } }, file.path);
    if (res.status === 416) throw new ArchiveError(`档案文件 ${file.path} 比目录所记的 ${file.bytes} 字节短：文件可能上传不完整`);
    if (res.status === 200) {
      void res.body?.cancel();
      throw new ArchiveError(`档案文件 ${file.path}：服务器不支持按范围读取（HTTP Range），返回了整个文件；请把档案放在支持 Range 请求的静态主机上`);
    }
    if (res.status !== 206) throw new ArchiveError(`无法读取档案文件 ${file.path}：服务器答复 HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    this.count(body.byteLength);
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
    // Content-Range is only visible cross-origin when the host exposes it; the length check still holds.
    // The file's size first: a host clamps a range to a shorter file, and the size says why.
    if (range && range[3] !== '*' && Number(range[3]) !== file.bytes) {
      throw new ArchiveError(`档案文件 ${file.path} 的大小（${range[3]} 字节）与目录所记（${file.bytes} 字节）不符：档案可能在发布中途被更新或上传不完整，请稍后重新打开`);
    }
    if (range && (Number(range[1]) !== start || Number(range[2]) !== end - 1)) {
      throw new ArchiveError(`档案文件 ${file.path}：服务器返回的范围（${range[1]}–${range[2]}）不是所请求的（${start}–${end - 1}）`);
    }
    if (body.byteLength !== end - start) {
      throw new ArchiveError(`档案文件 ${file.path}：收到 ${body.byteLength} 字节，应为 ${end - start} 字节（传输中断或文件不完整）`);
    }
    return body;
  }

  /** The file as hyparquet reads it: a byte length and ranges fetched on demand. */
  buffer(file: ArchiveFile): AsyncBuffer {
    return { byteLength: file.bytes, slice: (start, end) => this.range(file, start, end ?? file.bytes) };
  }
}
