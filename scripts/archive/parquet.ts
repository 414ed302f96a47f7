import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { ParquetWriter, fileWriter, type SchemaElement } from 'hyparquet-writer';
import type { ArchiveFile } from '../../src/lib/archive/format';

/**
 * Writing the archive's Parquet files, one row group per call, straight to disk (hyparquet-writer's
 * file writer flushes every megabyte), so a file's size never bounds the build's memory.
 * Column kinds: text (UTF8), int (INT32), fen (DECIMAL(18,6) over INT64: 万元 for an analyst, the
 * exact fen integer for us), json (UTF8 holding JSON).
 */
export type ColumnKind = 'text' | 'int' | 'fen' | 'json';
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  optional?: boolean;
}

function element(c: ColumnSpec): SchemaElement {
  const repetition_type = c.optional ? 'OPTIONAL' : 'REQUIRED';
  if (c.kind === 'int') return { name: c.name, type: 'INT32', repetition_type };
  if (c.kind === 'fen') return { name: c.name, type: 'INT64', converted_type: 'DECIMAL', scale: 6, precision: 18, repetition_type };
  return { name: c.name, type: 'BYTE_ARRAY', converted_type: c.kind === 'json' ? 'JSON' : 'UTF8', repetition_type };
}

export type ColumnValues = Record<string, unknown[]>;

export class ParquetFile {
  private readonly writer: ParquetWriter;
  private rows = 0;

  constructor(private readonly root: string, private readonly rel: string, private readonly columns: readonly ColumnSpec[]) {
    const file = path.join(root, rel);
    this.writer = new ParquetWriter({
      writer: fileWriter(file),
      schema: [{ name: 'root', num_children: columns.length }, ...columns.map(element)],
      createdBy: 'budget-lens archive',
    });
  }

  /** One row group. Amount columns take numbers (fen) and are stored as their exact integers. */
  group(values: ColumnValues): void {
    const n = values[this.columns[0].name].length;
    if (!n) return;
    this.rows += n;
    const columnData = this.columns.map((c) => {
      let data = values[c.name];
      if (data.length !== n) throw new Error(`column ${c.name}: ${data.length} values for ${n} rows`);
      if (c.kind === 'fen') data = data.map((v) => (v === null ? null : BigInt(v as number)));
      // Statistics on names, JSON and amounts would only grow the footer every reader fetches.
      return { name: c.name, data, statistics: c.kind === 'int' || /_key$|^doc_id$|^year$|^city$|^province$/.test(c.name), offsetIndex: false };
    });
    void this.writer.write({ columnData: columnData as never, rowGroupSize: n });
  }

  finish(): ArchiveFile {
    void this.writer.finish();
    const file = path.join(this.root, this.rel);
    const bytes = statSync(file).size;
    const tail = Buffer.alloc(8);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, tail, 0, 8, bytes - 8);
    } finally {
      closeSync(fd);
    }
    return { path: this.rel, bytes, footer: tail.readUInt32LE(0) + 8, rows: this.rows };
  }
}
