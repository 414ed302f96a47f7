import { formatWan, type Fen } from '../../model/amount';
import type { DocumentMeta } from '../../model/document';
import type { FormatRow } from '../../model/formatCsv';
import type { LayoutFigure } from '../money';
import type { RenderedVariant } from './variants';

/**
 * How a variant came back from the importer, in lines a reader can act on: which documents it made,
 * and per figure (FORMAT keys) what is missing, wrong or extra. Pure: the test and
 * `npm run synth:pdfs -- --check` print the same report.
 */
export interface ReadBackReport {
  /** 「right 152 of 160 · missing 6 · wrong 2 · extra 1」 */
  summary: string;
  /** The documents read, 「unit_code|unit_name|scope|stage|year」; the variant makes exactly one. */
  documents: string[];
  missing: string[];
  wrong: string[];
  extra: string[];
  /** Import errors and warnings, 「file: message」. */
  messages: string[];
}

export interface ReadDocument {
  meta: DocumentMeta;
  figures: readonly { table: string; rowCode: string; column: string; amount: Fen }[];
  warnings?: readonly { message: string; source?: { page?: number } }[];
  fileName?: string;
}

const LIMIT = 40;

/** Keeps a report readable: the first `LIMIT` lines and a count of the rest. */
function capped(lines: string[]): string[] {
  return lines.length <= LIMIT ? lines : [...lines.slice(0, LIMIT), `…and ${lines.length - LIMIT} more`];
}

export const metaLine = (m: DocumentMeta) => `${m.unitCode}|${m.unitName}|${m.scope}|${m.stage}|${m.year}`;

/**
 * Compares the documents read from a variant's files with what it prints. The files of one variant
 * are one document: documents with the variant's identity are taken together (a narrative and a
 * tables PDF); figures are compared across all documents read, so a figure put in a wrongly split
 * document still shows as read, and the split shows in `documents`.
 */
export function readBackReport(expected: RenderedVariant, docs: readonly ReadDocument[], errors: readonly string[] = []): ReadBackReport {
  const want = new Map<string, LayoutFigure>();
  for (const f of expected.figures) want.set(`${f.table}|${f.rowCode}|${f.column}`, f);
  const got = new Map<string, Fen[]>();
  for (const d of docs) {
    for (const f of d.figures) {
      const key = `${f.table}|${f.rowCode}|${f.column}`;
      got.set(key, [...(got.get(key) ?? []), f.amount]);
    }
  }
  const missing: string[] = [];
  const wrong: string[] = [];
  let right = 0;
  for (const [key, f] of want) {
    const read = got.get(key);
    if (!read) missing.push(`${key} want ${formatWan(f.amount)} (${f.rowName})`);
    else if (read.length === 1 && read[0] === f.amount) right++;
    else wrong.push(`${key} want ${formatWan(f.amount)} got ${read.map(formatWan).join(' and ')}`);
  }
  const extra = [...got].filter(([key]) => !want.has(key)).map(([key, read]) => `${key} got ${read.map(formatWan).join(' and ')}`);
  const documents = [...new Set(docs.map((d) => metaLine(d.meta)))];
  const messages = [
    ...errors,
    ...docs.flatMap((d) => (d.warnings ?? []).map((w) => `${d.fileName ?? ''}${w.source?.page ? ` 第 ${w.source.page} 页` : ''}: ${w.message}`)),
  ];
  return {
    summary: `right ${right} of ${want.size} · missing ${missing.length} · wrong ${wrong.length} · extra ${extra.length}`,
    documents,
    missing: capped(missing),
    wrong: capped(wrong),
    extra: capped(extra),
    messages: capped(messages),
  };
}

/** The report of a variant read back exactly: what the test expects. */
export function perfectReport(expected: RenderedVariant): ReadBackReport {
  const n = new Set(expected.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}`)).size;
  return { summary: `right ${n} of ${n} · missing 0 · wrong 0 · extra 0`, documents: [metaLine(expected.meta)], missing: [], wrong: [], extra: [], messages: [] };
}

/** The expected figures as FORMAT CSV rows (amounts in 万元, exact). */
export function expectedRows(expected: RenderedVariant): FormatRow[] {
  const m = expected.meta;
  return expected.figures.map((f) => ({
    doc_id: `synth-${expected.variant.id}`, unit_code: m.unitCode, unit_name: m.unitName, scope: m.scope, stage: m.stage, year: String(m.year),
    table: f.table, row_code: f.rowCode, row_name: f.rowName, column: f.column, amount: formatWan(f.amount),
  }));
}
