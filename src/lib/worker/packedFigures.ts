import type { FileImport } from '../ingest/file';
import type { Figure, SourceRef, StoredDocument } from '../model/document';

/**
 * A document's figures as columns, for the message from a parse worker to the database worker
 * (parseWorker.ts → parsePool.ts). As objects, ~250 figures a file were ~70% of what the message
 * cost: the structured clone writes each figure's keys again and rebuilds each object key by key
 * (Node, 100 synthetic files: serialise 16 → 8 ms, deserialise 40 → 12 ms; in Chromium the parse
 * worker's postMessage alone took 110–130 ms of them, issue 17). Columns are a few arrays a
 * document, and the amounts and lines typed arrays.
 *
 * Exact or not at all: a document whose figures carry anything this form does not know is sent
 * as it is. Every number survives a Float64Array, so amounts (integers of 分) come back the same.
 */
export interface PackedFigures {
  table: Figure['table'][];
  rowCode: string[];
  rowName: string[];
  column: string[];
  amount: Float64Array;
  line: Float64Array;
  /** Each figure's source without `line` (a PDF's page and box, a profile), or 0 for none; null when no figure has one. */
  rest: (Omit<SourceRef, 'line'> | 0)[] | null;
}

type PackedDocument = Omit<StoredDocument, 'figures'> & { figures: []; packed: PackedFigures };
export type PackedImport = Extract<FileImport, { ok: false }> | (Omit<Extract<FileImport, { ok: true }>, 'docs'> & { docs: (StoredDocument | PackedDocument)[] });

function packable(f: Figure): boolean {
  // The keys of Figure and no others, each of its type: anything else goes as it is.
  for (const k in f) {
    if (Object.hasOwn(f, k) && k !== 'table' && k !== 'rowCode' && k !== 'rowName' && k !== 'column' && k !== 'amount' && k !== 'source') return false;
  }
  return typeof f.amount === 'number' && typeof f.source?.line === 'number'
    && typeof f.table === 'string' && typeof f.rowCode === 'string' && typeof f.rowName === 'string' && typeof f.column === 'string';
}

function packFigures(figures: readonly Figure[]): PackedFigures {
  const n = figures.length;
  const p: PackedFigures = { table: new Array(n), rowCode: new Array(n), rowName: new Array(n), column: new Array(n), amount: new Float64Array(n), line: new Float64Array(n), rest: null };
  for (let i = 0; i < n; i++) {
    const f = figures[i];
    p.table[i] = f.table;
    p.rowCode[i] = f.rowCode;
    p.rowName[i] = f.rowName;
    p.column[i] = f.column;
    p.amount[i] = f.amount;
    const { line, ...rest } = f.source;
    p.line[i] = line;
    let any = false;
    for (const k in rest) if (Object.hasOwn(rest, k)) { any = true; break; }
    if (any) (p.rest ??= new Array<Omit<SourceRef, 'line'> | 0>(n).fill(0))[i] = rest;
  }
  return p;
}

function unpackFigures(p: PackedFigures): Figure[] {
  const n = p.amount.length;
  const out = new Array<Figure>(n);
  for (let i = 0; i < n; i++) {
    const rest = p.rest?.[i];
    out[i] = { table: p.table[i], rowCode: p.rowCode[i], rowName: p.rowName[i], column: p.column[i], amount: p.amount[i], source: rest ? { line: p.line[i], ...rest } : { line: p.line[i] } };
  }
  return out;
}

/** `read` with each document's figures as columns where they can be; the typed arrays to transfer. */
export function packImport(read: FileImport): { packed: PackedImport; transfer: ArrayBuffer[] } {
  if (!read.ok) return { packed: read, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const docs = read.docs.map((d): StoredDocument | PackedDocument => {
    if (!d.figures.every(packable)) return d;
    const packed = packFigures(d.figures);
    transfer.push(packed.amount.buffer as ArrayBuffer, packed.line.buffer as ArrayBuffer);
    return { ...d, figures: [], packed };
  });
  return { packed: { ...read, docs }, transfer };
}

const isPacked = (d: StoredDocument | PackedDocument): d is PackedDocument => 'packed' in d;

/** What packImport packed, as it was. */
export function unpackImport(packed: PackedImport): FileImport {
  if (!packed.ok) return packed;
  const docs = packed.docs.map((d): StoredDocument => {
    if (!isPacked(d)) return d;
    const { packed: columns, ...doc } = d;
    return { ...doc, figures: unpackFigures(columns) };
  });
  return { ...packed, docs };
}
