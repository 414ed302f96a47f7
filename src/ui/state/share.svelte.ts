import { parseCatalog } from '../../lib/model/catalog';
import { encodeShareFragment } from '../../lib/share/link';
import { decodeProfilesParam } from '../../lib/profiles/link';
import { CSV_KINDS, type CsvKind } from '../csvKinds';
import { download, today, XLSX_TYPE } from '../download';
import type { LibraryState } from './library.svelte';
import type { RouteState, View } from './route.svelte';
import type { Shown } from './view.svelte';

/**
 * Share links. Making one: the current view's state, plus (optionally) the figures it shows,
 * compressed into the fragment. Opening one: its data becomes a temporary library; the user's own
 * stays saved and untouched until they choose to keep the shared documents.
 */
/** The view's name in a downloaded table's file name. */
const VIEW_FILE_NAMES: Partial<Record<View, string>> = { yoy: '同比', peers: '横比', execution: '预算执行', story: '变化最大' };

export class ShareState {
  /** Documents of a shared link on screen (temporary), or 0. */
  temporary = $state(0);
  link = $state<string | null>(null);
  /** The view and its choices the link was made for: after a move elsewhere it is not shown (it would link back). */
  private madeFor = $state('');
  message = $state<string | null>(null);
  /** Set when a link would be too long: the CSV of the view's documents is offered instead. */
  tooLong = $state(false);

  constructor(private readonly library: LibraryState, private readonly route: RouteState, private readonly shown: Shown) {}

  /**
   * Layout profiles in the link (`profiles`): added to the user's library when they agree, checked
   * in the worker like a profiles file. Never throws.
   */
  async openProfilesFromUrl(): Promise<void> {
    const data = this.route.params.profiles;
    if (!data) return;
    this.route.update({ profiles: null });
    const decoded = await decodeProfilesParam(data);
    const notice = (s: string) => (this.library.notices = [...this.library.notices, s]);
    if (!decoded.ok) return void notice(`${decoded.error}你的资料库没有任何改变。`);
    if (!confirm('链接中带有版式配置（说明不认识的表格如何读取）。加入你的资料库？')) return;
    const r = await this.library.db.call({ type: 'importProfiles', fileName: '分享链接', text: decoded.text });
    notice(r.ok ? `已从链接加入 ${r.imported ?? 0} 个版式配置，${r.changed} 份文档按它们读取了数字。` : `${r.error}你的资料库没有任何改变。`);
    if (r.ok) await this.library.refresh();
  }

  /** Opens the data named by the URL's `data` parameter, if any. Never throws. */
  async openFromUrl(): Promise<void> {
    await this.openProfilesFromUrl();
    const data = this.route.params.data;
    if (!data) return;
    // Decoded and checked in the worker, as every file is: the page only fetches a catalog dataset.
    const opened = await this.library.db.call({ type: 'openSharedLink', data });
    if ('error' in opened) {
      this.library.notices = [...this.library.notices, `${opened.error}已忽略链接中的数据，你的资料库没有任何改变。`];
      this.route.update({ data: null });
      return;
    }
    const r = 'catalog' in opened ? await this.openCatalogDataset(opened.catalog) : opened;
    if (!r) return;
    this.temporary = r.documents;
    await this.library.refresh();
  }

  /** A dataset of the site's catalog, fetched here and read in the worker (the one way in for files). */
  private async openCatalogDataset(id: string): Promise<{ documents: number } | null> {
    const fail = (why: string) => {
      this.library.notices = [...this.library.notices, `无法打开链接中的数据集「${id}」：${why}`];
      return null;
    };
    try {
      const res = await fetch(new URL('data/catalog.json', document.baseURI));
      const parsed = parseCatalog(await res.json());
      if (!parsed.ok) return fail(parsed.error);
      const ds = parsed.catalog.datasets.find((d) => d.id === id);
      if (!ds) return fail('本站的数据目录中没有这个数据集');
      const data = await fetch(new URL(`data/${ds.file}`, document.baseURI));
      if (!data.ok) return fail(`HTTP ${data.status}`);
      const r = await this.library.db.call({ type: 'openSharedFile', fileName: ds.file, file: await data.blob() });
      return 'error' in r ? fail(r.error) : r;
    } catch (e) {
      return fail((e as Error).message);
    }
  }

  async keep(): Promise<void> {
    const r = await this.library.db.call({ type: 'keepShared' });
    this.temporary = 0;
    this.route.update({ data: null });
    this.message = `已把 ${r.added.length} 份文档加入你的资料库${r.skipped.length ? `（${r.skipped.length} 份已存在）` : ''}。`;
    await this.library.refresh();
  }

  async leave(): Promise<void> {
    await this.library.db.call({ type: 'leaveShared' });
    this.temporary = 0;
    this.route.update({ data: null });
    await this.library.refresh();
  }

  /** The link made for the view on screen, or null (none made, or made for another view or other choices). */
  get shownLink(): string | null {
    const params: Record<string, string> = { view: this.route.view, ...this.route.params };
    delete params.data;
    return this.link !== null && routeKey(params) === this.madeFor ? this.link : null;
  }

  /** A link to the current view; with its figures when `withData`, so it opens anywhere. */
  async make(withData: boolean): Promise<void> {
    this.message = null;
    this.tooLong = false;
    // Not the last link while this one is made: a link beside the view must be the view's.
    this.link = null;
    const params: Record<string, string> = { view: this.route.view, ...this.route.params };
    delete params.data;
    this.madeFor = routeKey(params);
    const base = `${location.origin}${location.pathname}`;
    if (!withData) {
      this.link = `${base}#${new URLSearchParams(params).toString()}`;
      return;
    }
    const docIds = this.shown.docs;
    if (!docIds.length) {
      this.message = '当前视图没有可分享的数据。';
      return;
    }
    const docs = await this.library.db.call({ type: 'shareDocs', docIds: [...docIds] });
    const r = await encodeShareFragment(params, docs);
    if (!r.ok) {
      this.link = null;
      this.tooLong = true;
      this.message = `含数据的链接会有 ${r.length.toLocaleString()} 个字符，超过安全长度（约 32,000），不生成链接。可以改为下载这些数据的 CSV 文件发给对方。`;
      return;
    }
    this.link = `${base}#${r.fragment}`;
    try {
      await navigator.clipboard.writeText(this.link);
      this.message = '链接已复制到剪贴板。';
    } catch {
      this.message = '请复制下面的链接。';
    }
  }

  async downloadViewTable(): Promise<void> {
    const grid = await this.shown.grid();
    if (!grid) return;
    // The CSV writer (papaparse) is loaded on the first download: it is not first-screen code (issue 17).
    const { gridToExcelCsv } = await import('../../lib/compare/grid');
    download(`预算透镜-${VIEW_FILE_NAMES[this.route.view] ?? '横比'}-${today()}.csv`, gridToExcelCsv(grid), 'text/csv;charset=utf-8');
  }

  /** The view's table as an Excel workbook; the writer is loaded on the first such download only. */
  async downloadViewXlsx(): Promise<void> {
    const grid = await this.shown.grid();
    if (!grid) return;
    const { gridToXlsx } = await import('../../lib/ingest/office/export');
    download(`预算透镜-${VIEW_FILE_NAMES[this.route.view] ?? '横比'}-${today()}.xlsx`, gridToXlsx(grid) as Uint8Array<ArrayBuffer>, XLSX_TYPE);
  }

  async downloadViewCsv(kind: CsvKind): Promise<void> {
    const csv = await this.library.db.call({ type: 'exportCsv', docIds: [...this.shown.docs], kind });
    download(`预算透镜-视图数据-${CSV_KINDS[kind].file}-${today()}.csv`, csv, 'text/csv;charset=utf-8');
  }
}

function routeKey(params: Record<string, string>): string {
  return new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
}
