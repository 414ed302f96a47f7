import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * A CDN-like static host for archives (issue 21): files only, HTTP Range (one range per request, 206
 * with Content-Range; 416 past the end), an added latency per request, and counters of requests and
 * body bytes sent, so tests and benchmarks see what a view costs over a real network. CORS is off
 * unless `cors` is set (then Range and Content-Range are allowed and exposed, as a CDN configured for
 * range reads would). `fault` lets a test break answers on purpose. Listens on 127.0.0.1 only.
 */
const TYPES: Record<string, string> = {
  '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

export type Fault =
  /** Answers 200 with the whole file, ignoring Range (a host without range support). */
  | 'ignore-range'
  /** Sends a body shorter than the range asked for (a broken transfer). */
  | 'short-body'
  /** Answers with the wrong range. */
  | 'wrong-range';

export interface RangeHostOptions {
  latencyMs?: number;
  cors?: boolean;
  /** Served for paths under this prefix only (default '/'). */
  prefix?: string;
}

export class RangeHost {
  private server: Server | null = null;
  requests = 0;
  bytes = 0;
  /** Body bytes sent per path. */
  bytesByPath = new Map<string, number>();
  log: string[] = [];
  /** Applied to paths that contain `match` (all when null). */
  fault: { kind: Fault; match: string | null } | null = null;

  constructor(readonly root: string, readonly opts: RangeHostOptions = {}) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.opts.prefix ?? '/'}`;
  }

  resetCounters(): void {
    this.requests = 0;
    this.bytes = 0;
    this.bytesByPath.clear();
    this.log = [];
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const delay = this.opts.latencyMs ?? 0;
      if (delay) setTimeout(() => void this.answer(req, res), delay);
      else void this.answer(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  private headers(extra: Record<string, string | number>): Record<string, string | number> {
    const cors: Record<string, string> = this.opts.cors
      ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Range', 'access-control-expose-headers': 'Content-Range, Content-Length' }
      : {};
    return { 'accept-ranges': 'bytes', 'cache-control': 'no-store', ...cors, ...extra };
  }

  private send(res: ServerResponse, status: number, headers: Record<string, string | number>, body: Buffer | string = '', pathname = ''): void {
    const n = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    this.bytes += n;
    this.bytesByPath.set(pathname, (this.bytesByPath.get(pathname) ?? 0) + n);
    res.writeHead(status, this.headers(headers)).end(body);
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const range = req.headers.range;
    this.log.push(`${req.method} ${pathname}${range ? ` ${range}` : ''}`);
    if (req.method === 'OPTIONS') return this.send(res, this.opts.cors ? 204 : 405, {});
    const prefix = this.opts.prefix ?? '/';
    const file = path.resolve(this.root, pathname.slice(prefix.length));
    if (!pathname.startsWith(prefix) || !file.startsWith(path.resolve(this.root))) return this.send(res, 404, {}, 'not found');
    let size: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      return this.send(res, 404, {}, 'not found');
    }
    const fault = this.fault && (this.fault.match === null || pathname.includes(this.fault.match)) ? this.fault.kind : null;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const m = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
    // HEAD (a reader asking the size first) sends no body, and none is counted.
    if (req.method === 'HEAD') return this.send(res, 200, { 'content-type': type, 'content-length': size }, '', pathname);
    if (!m || fault === 'ignore-range') return this.send(res, 200, { 'content-type': type, 'content-length': size }, await read(file, 0, size), pathname);
    const start = Number(m[1]);
    const end = Math.min(m[2] ? Number(m[2]) : size - 1, size - 1);
    if (start >= size || end < start) return this.send(res, 416, { 'content-range': `bytes */${size}` });
    let body = await read(file, start, end + 1);
    let shown = `bytes ${start}-${end}/${size}`;
    if (fault === 'short-body') body = body.subarray(0, Math.max(0, body.length - 7));
    if (fault === 'wrong-range') shown = `bytes ${start + 1}-${end + 1}/${size}`;
    this.send(res, 206, { 'content-type': type, 'content-range': shown, 'content-length': body.length }, body, pathname);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

async function read(file: string, start: number, end: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await fh.read(buf, 0, buf.length, start);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
