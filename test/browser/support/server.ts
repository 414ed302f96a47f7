import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.pdf': 'application/pdf',
};

/**
 * A plain static host for dist/ folders, like any the app will be published on: files only, served
 * under a path prefix (`/tools/budget/`) when asked. The root can be switched to serve a new build
 * at the same address (the update test).
 */
export class StaticHost {
  private server: Server | null = null;
  root: string;
  requests: string[] = [];
  /** Headers added to every file served (the security headers README 「Publishing」 recommends). */
  headers: Record<string, string> = {};

  constructor(root: string, readonly prefix = '/') {
    this.root = root;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.prefix}`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer(async (req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      this.requests.push(pathname);
      if (!pathname.startsWith(this.prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = pathname.slice(this.prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(this.root, rel);
      if (!file.startsWith(path.resolve(this.root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, {
          ...this.headers,
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          // Like most static hosts: no long caching for sw.js, so updates are seen.
          'cache-control': rel === 'sw.js' ? 'no-cache' : 'max-age=0',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
