import { importFile } from '../../../src/lib/ingest/file';
import type { RawTable, StoredDocument } from '../../../src/lib/model/document';
import { documents, type ExpectedFigure, type Layout } from '../../../src/lib/synth';
import { renderUnknownLayout } from '../../../src/lib/synth/unknownLayout';

/** A synthetic document of the unknown layout, read by the importer: its raw tables and the figures it prints. */
export async function unknownDoc(index: number, layout: Layout, seed = 7): Promise<{ doc: StoredDocument; raw: RawTable[]; printed: ExpectedFigure[] }> {
  const synth = documents(index + 1, seed, layout)[index];
  const r = renderUnknownLayout(synth);
  const read = await importFile(new TextEncoder().encode(r.text), r.fileName);
  if (!read.ok) throw new Error(read.error);
  const [doc] = read.docs;
  return { doc, raw: doc.rawTables ?? [], printed: r.figures };
}

export const figureKey = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
