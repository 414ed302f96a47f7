/**
 * The gold corpora (../shared/gold/*.json with their files in ../shared/seeds and ../shared/corpus)
 * read through the importer and compared figure by figure: one module for `npm run gold:report` and
 * the golden tests, so both count the same way.
 *
 * A gold document names the files it was read from (`files`, or `file`); files given together are
 * imported together, as `convert` and the app do (ingest/merge.ts joins a narrative-only file to its
 * tables file). Documents are matched to gold by doc_id, or, where the gold has none (the seeds), by
 * their order within the file.
 *
 * "Extra" figures are those the importer gives in a table the gold records completely but the gold
 * does not hold: each corpus says which tables it records completely (its `about`), below.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../src/lib/ingest/file';
import { mergeDocuments } from '../src/lib/ingest/merge';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { parseDecimal } from '../src/lib/model/amount';
import type { Figure, StoredDocument } from '../src/lib/model/document';
import { FACT_NAMES } from '../src/lib/model/keys';
import { goldDir, sharedDir } from './paths';

export type GoldFigure = [table: string, rowCode: string, column: string, amount: string];

export interface GoldDocument {
  file: string;
  files?: string[];
  doc_id?: string;
  unit_code: string;
  unit_name: string;
  scope: string;
  stage: string;
  year: number;
  figures: GoldFigure[];
  notes?: string[];
}

export interface GoldCorpus {
  name: string;
  goldFile: string;
  dir: string;
  /** Whether the gold records every figure of this table row (so any other figure there is extra). */
  complete: (table: string, rowCode: string) => boolean;
}

/** FORMAT.md's facts keys: others are the project's own (ingest/README.md) and never extra. */
const FORMAT_FACTS = new Set(Object.keys(FACT_NAMES));

export const CORPORA: GoldCorpus[] = [
  {
    // The seeds' gold lists the figures it checked, not whole tables: nothing counts as extra.
    name: 'seeds', goldFile: 'seeds.json', dir: path.join(sharedDir, 'seeds'),
    complete: () => false,
  },
  {
    // 「Coded tables are complete (every row, every printed column)」.
    name: 'shanghai', goldFile: 'shanghai-training.json', dir: path.join(sharedDir, 'corpus/shanghai'),
    complete: (table) => ['income', 'expense', 'general_expense', 'basic_expense', 'fund_expense', 'soe_expense'].includes(table),
  },
  {
    // 「All twelve tables are recorded in full」, procurement only by category (not its item rows);
    // facts hold the narrative totals of FORMAT.md's list.
    name: 'jiangsu', goldFile: 'jiangsu-training.json', dir: path.join(sharedDir, 'corpus/jiangsu'),
    complete: (table, rowCode) => {
      if (table === 'procurement') return ['total', 'goods', 'works', 'services'].includes(rowCode);
      if (table === 'facts') return FORMAT_FACTS.has(rowCode);
      return true;
    },
  },
];

export function goldDocuments(corpus: GoldCorpus): GoldDocument[] {
  return JSON.parse(readFileSync(path.join(goldDir, corpus.goldFile), 'utf8')).documents;
}

export interface DocumentReport {
  gold: GoldDocument;
  doc: StoredDocument | null;
  matched: number;
  /** 「table|row|column want X got Y」 for each gold figure not read exactly. */
  missing: string[];
  /** 「table|row|column = X」 for each figure in a completely recorded table that the gold lacks. */
  extra: string[];
}

export interface CorpusReport {
  corpus: GoldCorpus;
  documents: DocumentReport[];
  /** Documents the importer gave that no gold document claims (a file split in two, say). */
  unclaimed: StoredDocument[];
  errors: string[];
}

const key = (table: string, row: string, column: string) => `${table}|${row}|${column}`;

export function compareFigures(gold: GoldDocument, figures: readonly Figure[], corpus: GoldCorpus): Omit<DocumentReport, 'gold' | 'doc'> {
  const got = new Map<string, Figure>();
  for (const f of figures) if (!got.has(key(f.table, f.rowCode, f.column))) got.set(key(f.table, f.rowCode, f.column), f);
  const wanted = new Set<string>();
  const missing: string[] = [];
  let matched = 0;
  for (const [table, row, column, amount] of gold.figures) {
    const k = key(table, row, column);
    wanted.add(k);
    const have = got.get(k);
    if (have && have.amount === parseDecimal(amount)) matched++;
    else missing.push(`${k} want ${amount} got ${have ? formatFen(have.amount) : '(none)'}`);
  }
  const extra = figures
    .filter((f) => corpus.complete(f.table, f.rowCode) && !wanted.has(key(f.table, f.rowCode, f.column)))
    .map((f) => `${key(f.table, f.rowCode, f.column)} = ${formatFen(f.amount)}`);
  return { matched, missing, extra };
}

function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const frac = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${sign}${Math.trunc(abs / 1_000_000)}${frac ? `.${frac}` : ''}`;
}

/** Groups the gold documents by the set of files they come from, in gold order. */
function fileGroups(docs: readonly GoldDocument[]): string[][] {
  const groups: string[][] = [];
  for (const d of docs) {
    const files = d.files ?? [d.file];
    if (!groups.some((g) => g.join('\n') === files.join('\n'))) groups.push(files);
  }
  return groups;
}

export async function reportCorpus(corpus: GoldCorpus): Promise<CorpusReport> {
  const golds = goldDocuments(corpus);
  const documents: DocumentReport[] = [];
  const unclaimed: StoredDocument[] = [];
  const errors: string[] = [];
  for (const files of fileGroups(golds)) {
    const perFile: StoredDocument[][] = [];
    for (const f of files) {
      const read = await importFile(new Uint8Array(readFileSync(path.join(corpus.dir, f))), f, { openPdf: openPdfNode });
      if (read.ok) perFile.push(read.docs);
      else errors.push(read.error);
    }
    const read = { docs: mergeDocuments(perFile) };
    const claimed = new Set<StoredDocument>();
    const group = golds.filter((g) => (g.files ?? [g.file]).join('\n') === files.join('\n'));
    group.forEach((g, i) => {
      const doc = g.doc_id ? (read.docs.find((d) => d.docId === g.doc_id) ?? null) : (read.docs[i] ?? null);
      if (doc) claimed.add(doc);
      const cmp = compareFigures(g, doc?.figures ?? [], corpus);
      documents.push({ gold: g, doc, ...cmp, missing: doc ? cmp.missing : [`document not found (${g.doc_id ?? g.file})`, ...cmp.missing] });
    });
    unclaimed.push(...read.docs.filter((d) => !claimed.has(d)));
  }
  return { corpus, documents, unclaimed, errors };
}
