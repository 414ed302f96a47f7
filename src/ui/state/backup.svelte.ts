import { CSV_KINDS, type CsvKind } from '../csvKinds';
import { download, today, XLSX_TYPE } from '../download';
import type { LibraryState } from './library.svelte';

/** 「导出与备份」: the library as CSV or SQLite, and opening a SQLite file of ours in its place. */
export class BackupState {
  message = $state<string | null>(null);
  failure = $state<string | null>(null);

  constructor(private readonly library: LibraryState) {}

  async exportCsv(kind: CsvKind): Promise<void> {
    const csv = await this.library.db.call({ type: 'exportCsv', docIds: null, kind });
    download(`预算透镜-资料库-${CSV_KINDS[kind].file}-${today()}.csv`, csv, 'text/csv;charset=utf-8');
  }

  /** The library as an Excel workbook: 「数字」 in FORMAT columns (reads back in), 「文档」. Writer loaded on first use. */
  async exportXlsx(): Promise<void> {
    const { libraryToXlsx } = await import('../../lib/ingest/office/export');
    // Loaded here, not with the first screen: the FORMAT CSV module brings papaparse (issue 17).
    const { FORMAT_COLUMNS } = await import('../../lib/model/formatCsv');
    const docs = this.library.documents;
    const figures = await Promise.all(docs.map((d) => this.library.db.call({ type: 'figures', docId: d.docId })));
    const bytes = libraryToXlsx(FORMAT_COLUMNS, docs.map((doc, i) => ({ doc, figures: figures[i] })));
    download(`预算透镜-资料库-${today()}.xlsx`, bytes as Uint8Array<ArrayBuffer>, XLSX_TYPE);
  }

  async exportSqlite(): Promise<void> {
    // Whole: the documents' source texts and PDFs inside, so the file opens anywhere as it is here.
    const bytes = await this.library.db.call({ type: 'exportSqlite', withSources: true });
    download(`预算透镜-资料库-${today()}.sqlite`, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.sqlite3');
  }

  /** Replaces the library with `file` (the worker refuses anything that is not a library of ours). */
  async openSqlite(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await this.library.db.call({ type: 'openSqlite', fileName: file.name, bytes }, [bytes.buffer]);
    this.message = this.failure = null;
    if (r.ok) this.message = `已打开「${file.name}」：${r.documents} 份文档。`;
    else this.failure = r.error;
    await this.library.refresh();
  }
}
