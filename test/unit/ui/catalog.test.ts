import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogState } from '../../../src/ui/state/catalog.svelte';
import type { LibraryState } from '../../../src/ui/state/library.svelte';
import type { Request } from '../../../src/lib/worker/protocol';

/**
 * A published dataset (the site's data/catalog.json) with rows the FORMAT CSV reader rejects: its
 * good rows are loaded without asking, as the site's build listed the bad ones, but the result
 * beside the dataset says how many rows were left out and why (never a silent drop).
 */
function library(confirm: boolean) {
  const asked: string[] = [];
  const docs = Array.from({ length: 6 }, (_, i) => ({ docId: `d${i}` }));
  const call = async (req: Request) => {
    asked.push(req.type);
    if (req.type === 'importFile' && confirm) {
      return { status: 'confirm', token: 7, documents: 6, goodRows: 1670, errorCount: 2, errors: [{ line: 1672, message: '金额「壹仟」不是数字' }, { line: 1673, message: '缺少列 amount' }] };
    }
    return { status: 'added', docs, skipped: 0, rowErrors: [] };
  };
  return { asked, lib: { db: { call }, refresh: async () => undefined } as unknown as LibraryState };
}

describe('a catalog dataset with bad rows', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads the good rows and says how many rows were left out, with the first reason', async () => {
    vi.stubGlobal('document', { baseURI: 'https://example.org/app/' });
    vi.stubGlobal('fetch', async () => new Response('doc_id\n', { status: 200 }));
    const { asked, lib } = library(true);
    const catalog = new CatalogState(lib);
    catalog.datasets = [{ id: 'seeds', title: '示例', file: 'seeds.csv' } as CatalogState['datasets'][number]];
    const result = await catalog.load('seeds');
    expect(result.status).toBe('added');
    expect(asked).toEqual(['importFile', 'settleCsv']);
    expect(catalog.results.seeds).toBe('已加载 6 份文档；2 行不符合格式，未导入（第 1672 行：金额「壹仟」不是数字，等）');
  });

  it('says nothing more of a dataset whose rows all went in', async () => {
    vi.stubGlobal('document', { baseURI: 'https://example.org/app/' });
    vi.stubGlobal('fetch', async () => new Response('doc_id\n', { status: 200 }));
    const { lib } = library(false);
    const catalog = new CatalogState(lib);
    catalog.datasets = [{ id: 'seeds', title: '示例', file: 'seeds.csv' } as CatalogState['datasets'][number]];
    await catalog.load('seeds');
    expect(catalog.results.seeds).toBe('已加载 6 份文档');
  });
});
