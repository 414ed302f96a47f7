import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Figure, StoredDocument } from '../../src/lib/model/document';

/**
 * The build's first pass writes each document, as one JSON line, to a spill file of its province and
 * year, and keeps nothing else of it: the archive is sorted and written province by province
 * afterwards (province.ts), so memory holds one province's view rows at most, never the corpus.
 * Lines are buffered per file and appended in blocks of ~256 KB.
 */
export interface SpilledDoc {
  doc: StoredDocument;
  province: string;
  city: string;
}

const FLUSH_BYTES = 256 * 1024;

export class Spill {
  private readonly buffers = new Map<string, { lines: string[]; bytes: number }>();
  /** Province name → years seen. */
  readonly partitions = new Map<string, Set<number>>();
  private readonly ids = new Map<string, number>();

  constructor(private readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  private file(province: string, year: number): string {
    if (!this.ids.has(province)) this.ids.set(province, this.ids.size);
    return path.join(this.dir, `${this.ids.get(province)}-${year}.ndjson`);
  }

  /** `names`: content hash → file name, for a figure read from another file than the document's (SourceRef.file). */
  add(item: SpilledDoc, names?: ReadonlyMap<string, string>): void {
    const year = item.doc.meta.year;
    const years = this.partitions.get(item.province) ?? new Set<number>();
    years.add(year);
    this.partitions.set(item.province, years);
    const f = this.file(item.province, year);
    // Figures as arrays: a third of the bytes of objects, and as much less to parse back.
    const { figures, ...rest } = item.doc;
    const line = JSON.stringify({ ...item, doc: rest, f: figures.map((f) => [f.table, f.rowCode, f.rowName, f.column, f.amount, f.source.line, f.source.page ?? null, f.source.box ?? null,
      f.source.file ? (names?.get(f.source.file) ?? f.source.file) : null]) });
    const b = this.buffers.get(f) ?? { lines: [], bytes: 0 };
    b.lines.push(line);
    b.bytes += line.length;
    this.buffers.set(f, b);
    if (b.bytes > FLUSH_BYTES) this.flushFile(f);
  }

  private flushFile(f: string): void {
    const b = this.buffers.get(f);
    if (!b?.lines.length) return;
    appendFileSync(f, b.lines.join('\n') + '\n');
    this.buffers.delete(f);
  }

  flush(): void {
    for (const f of [...this.buffers.keys()]) this.flushFile(f);
  }

  /** The documents of one province and year, read back. */
  read(province: string, year: number): SpilledDoc[] {
    const text = readFileSync(this.file(province, year), 'utf8');
    return text.split('\n').filter(Boolean).map((l) => {
      const { f, ...item } = JSON.parse(l) as SpilledDoc & { f: [Figure['table'], string, string, string, number, number, number | null, Figure['source']['box'] | null, string | null][] };
      // `file` comes back as the file's name, not its hash: the archive has names, not files.
      item.doc.figures = f.map(([table, rowCode, rowName, column, amount, line, page, box, file]) => ({
        table, rowCode, rowName, column, amount, source: { line, ...(page !== null ? { page } : {}), ...(box ? { box } : {}), ...(file ? { file } : {}) },
      }));
      return item;
    });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
