import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';

/**
 * What a first visit fetches before its data is on screen (issue 17: ≤ 500 KB gzip, app code
 * ≤ 150 KB): every request of the page and of its workers that started before the frame in which
 * the library first listed its documents. The service worker's background precache (its own
 * requests, not the page's) and what the page asks for after that frame (the sample's texts, the
 * readers' chunk) are not counted. Sizes are each file's gzip from dist/, as a static host sends it.
 */
export interface VisitFile { file: string; kind: 'app' | 'wasm' | 'data'; gzip: number }

/** Installed before navigation: the wall-clock time of the first frame with documents listed. */
export const MARK_DATA_ON_SCREEN = `(() => {
  const look = () => {
    const ready = document.querySelector('main[data-ready="true"]');
    const count = document.querySelector('[data-testid="doc-count"]');
    if (ready && count && /[1-9]\\d* 份文档/.test(count.textContent ?? '')) {
      window.__dataOnScreen = performance.timeOrigin + performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

/** The files requested before `onScreen` (epoch ms), each once, with its gzip size and kind. */
export function filesBefore(requests: readonly Request[], onScreen: number, dist: string): VisitFile[] {
  const seen = new Map<string, VisitFile>();
  for (const r of requests) {
    if (r.timing().startTime > onScreen) continue;
    const p = new URL(r.url()).pathname;
    const rel = p === '/' ? 'index.html' : p.slice(1);
    if (seen.has(rel)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dist, rel));
    } catch {
      continue; // not a file of the build (a navigation fallback, say)
    }
    const kind = rel.endsWith('.wasm') ? 'wasm' : rel.startsWith('data/') ? 'data' : 'app';
    seen.set(rel, { file: rel.replace(/-[\w-]{8}(\.\w+)$/, '$1'), kind, gzip: gzipSync(bytes).length });
  }
  return [...seen.values()];
}
