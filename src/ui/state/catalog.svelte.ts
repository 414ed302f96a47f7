import { parseCatalog, type CatalogDataset } from '../../lib/model/catalog';
import type { CsvImportResult, ImportFileResult } from '../../lib/worker/protocol';
import type { LibraryState } from './library.svelte';

/** The site's dataset catalog (data/catalog.json beside the app), loaded on demand into the library. */
export class CatalogState {
  datasets = $state.raw<CatalogDataset[]>([]);
  error = $state<string | null>(null);
  loading = $state<string | null>(null);
  results = $state.raw<Record<string, string>>({});

  constructor(private readonly library: LibraryState) {}

  async init(): Promise<void> {
    try {
      const res = await fetch(new URL('data/catalog.json', document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const parsed = parseCatalog(await res.json());
      if (!parsed.ok) throw new Error(parsed.error);
      this.datasets = parsed.catalog.datasets;
    } catch (e) {
      this.error = `无法读取数据目录：${(e as Error).message}`;
    }
  }

  /** The layout profiles a dataset ships (build:data --profiles), checked in the worker like any profiles file. */
  private async loadProfiles(file: string | undefined): Promise<string> {
    if (!file) return '';
    const res = await fetch(new URL(`data/${file}`, document.baseURI));
    if (!res.ok) return `；版式配置下载失败（HTTP ${res.status}）`;
    const r = await this.library.db.call({ type: 'importProfiles', fileName: file, text: await res.text() });
    return r.ok ? `；已加入 ${r.imported ?? 0} 个版式配置` : `；${r.error}`;
  }

  async load(id: string): Promise<ImportFileResult> {
    const ds = this.datasets.find((d) => d.id === id);
    if (!ds) return { status: 'error', message: `数据目录中没有「${id}」` };
    this.loading = id;
    try {
      const res = await fetch(new URL(`data/${ds.file}`, document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // The one way in, as a picked file: the worker tells a FORMAT CSV by its header and streams it.
      const first = await this.library.db.call({ type: 'importFile', fileName: ds.file, file: await res.blob() });
      // A published dataset's bad rows are listed by the site's build (build:data); its good rows are
      // taken without asking, and the rows left out are said beside the result, never dropped silently.
      const result: ImportFileResult = first.status === 'confirm' ? await this.library.db.call({ type: 'settleCsv', token: first.token, accept: true })
        : first.status === 'bundle' ? { status: 'error', message: `数据集「${ds.title}」是压缩包，不是数据集文件` } : first;
      const left = first.status === 'confirm' && result.status === 'added' ? leftOut(first) : '';
      this.results = { ...this.results, [id]: describe(result) + left + (await this.loadProfiles(ds.profiles)) };
      await this.library.refresh();
      return result;
    } catch (e) {
      const result: ImportFileResult = { status: 'error', message: `数据集「${ds.title}」下载失败：${(e as Error).message}` };
      this.results = { ...this.results, [id]: result.message };
      return result;
    } finally {
      this.loading = null;
    }
  }
}

/** The rows of a dataset that did not go in: how many, and the first with its reason. */
function leftOut(c: Extract<CsvImportResult, { status: 'confirm' }>): string {
  const first = c.errors[0];
  return `；${c.errorCount} 行不符合格式，未导入${first ? `（第 ${first.line} 行：${first.message}${c.errorCount > 1 ? '，等' : ''}）` : ''}`;
}

function describe(r: ImportFileResult): string {
  if (r.status === 'added') return `已加载 ${r.docs.length} 份文档${r.skipped ? `（${r.skipped} 份已在资料库中）` : ''}`;
  return r.message;
}
