import { describe, expect, it } from 'vitest';
import type { Figure, ImportWarning } from '../../../../src/lib/model/document';
import type { TableKey } from '../../../../src/lib/model/keys';
import { FigureSink } from '../../../../src/lib/ingest/tables/sink';

/**
 * FigureSink keeps each row's figures in a short list (issue #17: a Map per row cost more); the index
 * it replaced was a Map per row. Both must keep the same figures, in the same order, and warn alike.
 */
class MapSink {
  readonly figures: Figure[] = [];
  readonly duplicates: string[] = [];
  private readonly byKey = new Map<string, Map<string, Map<string, Figure>>>();
  add(f: Figure): void {
    let rows = this.byKey.get(f.table);
    if (!rows) this.byKey.set(f.table, (rows = new Map()));
    let columns = rows.get(f.rowCode);
    if (!columns) rows.set(f.rowCode, (columns = new Map()));
    const prior = columns.get(f.column);
    if (prior) {
      if (prior.amount !== f.amount) this.duplicates.push(`${f.rowCode}/${f.column}`);
      return;
    }
    columns.set(f.column, f);
    this.figures.push(f);
  }
  remove(table: string, rowCode: string, column: string): void {
    const columns = this.byKey.get(table)?.get(rowCode);
    const f = columns?.get(column);
    if (!f) return;
    columns!.delete(column);
    this.figures.splice(this.figures.indexOf(f), 1);
  }
}

describe('FigureSink keeps what a Map per row kept', () => {
  let seed = 2718;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const tables: TableKey[] = ['income', 'expense', 'three_public'];
  const rows = ['total', '201', '20101', '2010101', 'income.general'];
  const columns = ['total', 'basic', 'project', 'amount'];
  it('over 300 random runs of adds and removes', () => {
    for (let run = 0; run < 300; run++) {
      const warnings: ImportWarning[] = [];
      const sink = new FigureSink(warnings);
      const ref = new MapSink();
      for (let op = 0; op < 60; op++) {
        const table = tables[rnd(tables.length)];
        const rowCode = rows[rnd(rows.length)];
        const column = columns[rnd(columns.length)];
        if (rnd(5) === 0) {
          sink.remove(table, rowCode, column);
          ref.remove(table, rowCode, column);
        } else {
          const f: Figure = { table, rowCode, rowName: '', column, amount: rnd(3), source: { line: op + 1 } };
          sink.add(f, '「表」');
          ref.add(f);
        }
      }
      expect(sink.figures).toEqual(ref.figures);
      expect(warnings.map((w) => `${w.rowCode}/${w.column}`)).toEqual(ref.duplicates);
    }
  });
});
