import type { ArchiveUnit } from '../../lib/archive/archive';
import { ArchiveClient } from '../../lib/archive/client';
import type { ArchiveCatalog } from '../../lib/archive/format';
import type { Transfer } from '../../lib/archive/http';
import type { ArchiveDocRow } from '../../lib/archive/viewDb';
import type { LibraryState } from '../state/library.svelte';
import type { RouteState } from '../state/route.svelte';

/** An archive listed in data/catalog.json (`archives: [{ title, url }]`), beside the datasets. */
export interface ArchiveEntry {
  title: string;
  url: string;
}

/**
 * The open archive: its catalog, the bytes fetched so far (shown as progress), and one-click import
 * of its documents into the library. The worker starts on the first open, not before. The archive's
 * address lives in the URL fragment (#view=archive&archive=…), so a link opens the same archive.
 */
export class ArchiveState {
  catalog = $state.raw<ArchiveCatalog | null>(null);
  error = $state<string | null>(null);
  opening = $state(false);
  transfer = $state.raw<Transfer>({ bytes: 0, requests: 0 });
  entries = $state.raw<ArchiveEntry[]>([]);
  /** Documents brought into the library in this session (doc id → message). */
  imported = $state.raw<Map<string, string>>(new Map());
  private client: ArchiveClient | null = null;

  constructor(readonly library: LibraryState, readonly route: RouteState) {}

  get url(): string {
    return this.route.params.archive ?? '';
  }

  /** Archives the site lists (data/catalog.json); none is opened until the user chooses. */
  async loadEntries(): Promise<void> {
    try {
      const at = new URL('data/catalog.json', document.baseURI);
      const json = (await (await fetch(at)).json()) as { archives?: unknown };
      // An entry's address is relative to catalog.json (as a dataset's file is).
      this.entries = Array.isArray(json.archives)
        ? json.archives.filter((e): e is ArchiveEntry => typeof e?.title === 'string' && typeof e?.url === 'string')
          .map((e) => ({ title: e.title, url: new URL(e.url, at).href }))
        : [];
    } catch {
      this.entries = [];
    }
  }

  call: ArchiveClient['call'] = (request) => {
    if (!this.client) throw new Error('尚未打开数据档案');
    return this.client.call(request);
  };

  async open(url: string): Promise<void> {
    this.error = null;
    this.opening = true;
    this.catalog = null;
    this.client?.terminate();
    this.client = new ArchiveClient((t) => (this.transfer = t));
    try {
      this.catalog = await this.client.call({ type: 'open', url, origin: location.origin, base: document.baseURI });
      if (this.route.params.archive !== url) this.route.update({ archive: url });
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.opening = false;
    }
  }

  /** Brings one archive document whole into the library; the library is untouched if anything fails. */
  async importDocument(unit: ArchiveUnit, doc: ArchiveDocRow, index: number): Promise<void> {
    try {
      const stored = await this.call({ type: 'document', province: unit.province, docRow: unit.docRow + index });
      const r = await this.library.db.call({ type: 'addDocuments', docs: [stored], sourceKind: 'archive', contentHash: `archive:${stored.docId}` });
      await this.library.refresh();
      this.note(doc.doc_id, r.added.length ? '已加入资料库' : '资料库中已有这份文档');
    } catch (e) {
      this.note(doc.doc_id, `未能加入资料库：${(e as Error).message}`);
    }
  }

  private note(docId: string, message: string): void {
    this.imported = new Map(this.imported).set(docId, message);
  }

  dispose(): void {
    this.client?.terminate();
    this.client = null;
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('zh-CN', { maximumFractionDigits: bytes < 10_240 ? 1 : 0 })} KB`;
