import type { DocumentMeta, Figure, Narrative, ParsedDocument, SourceRef, StoredDocument } from '../model/document';
import { codedRowsOf, rekeyNarrative } from './narrative/rekey';
import type { CodedRow } from './narrative/resolve';

/**
 * One disclosure published as two files: the narrative (情况说明) in one PDF, the tables in another.
 * Given together, they are one document (FORMAT.md): the same unit, scope, stage and year. The two
 * files may name the unit differently (「江苏省委办公厅」 in the narrative, 「中共江苏省委办公厅」 on the
 * tables), so the name only chooses between several tables documents of the same year, stage and
 * scope; it does not have to match. The merged document keeps the tables file's id and identity.
 */

/** A document that holds only narrative: no table, every figure a stated fact. */
export function isNarrativeOnly(doc: ParsedDocument): boolean {
  return doc.tables.length === 0 && !doc.rawTables?.length && doc.figures.every((f) => f.table === 'facts');
}

/** A document of tables without a narrative of its own. */
export function isTablesOnly(doc: ParsedDocument): boolean {
  return doc.tables.length > 0 && !doc.figures.some((f) => f.table === 'facts');
}

/**
 * The tables document a narrative-only document belongs to, among candidates: same year, stage and
 * scope; if several, the one whose unit name shares most with the narrative's, provided it is the
 * only best one and shares something. Null when there is none or the choice is not clear.
 */
export function pairNarrative<T extends { meta: DocumentMeta }>(narrative: { meta: DocumentMeta }, candidates: readonly T[]): T | null {
  const same = candidates.filter((c) => c.meta.year === narrative.meta.year && c.meta.stage === narrative.meta.stage && c.meta.scope === narrative.meta.scope);
  if (same.length <= 1) return same[0] ?? null;
  const scored = same.map((c) => ({ c, score: nameSimilarity(narrative.meta.unitName, c.meta.unitName) })).sort((a, b) => b.score - a.score);
  return scored[0].score > 0 && scored[0].score > scored[1].score ? scored[0].c : null;
}

/** Dice coefficient of the names' character pairs (「省委办公厅」 ~ 「中国共产党江苏省委员会办公厅」). */
export function nameSimilarity(a: string, b: string): number {
  const pairs = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [p, n] of pa) shared += Math.min(n, pb.get(p) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * shared) / total : 0;
}

/**
 * The tables document with the narrative's facts, projects and warnings added (warnings name their
 * file). `file`, the narrative file's content hash where the caller knows it: every row the
 * narrative brings says its line and page count in that file (SourceRef.file), so that a finding
 * about it cites that file, not the tables' line of the same number.
 */
export function mergeInto<T extends ParsedDocument>(tables: T, alone: ParsedDocument & { fileName?: string }, file?: string): T {
  const narrative = keyedBy(alone, codedRowsOf(tables.figures));
  const from = narrative.fileName ? `「${narrative.fileName}」` : '';
  const at = <R extends { source?: SourceRef }>(x: R): R => (file && x.source ? { ...x, source: { ...x.source, file: x.source.file ?? file } } : x);
  return {
    ...tables,
    meta: { ...tables.meta, unitName: tables.meta.unitName || narrative.meta.unitName, unitCode: tables.meta.unitCode || narrative.meta.unitCode },
    figures: [...tables.figures, ...narrative.figures.map(at)],
    projects: [...tables.projects, ...narrative.projects.map(at)],
    warnings: [...tables.warnings, ...narrative.warnings.map((w) => at({ ...w, message: `${from}${w.message}` }))],
    ...joinedNarrative(tables.narrative, file ? inFile(narrative.narrative, file) : narrative.narrative),
  };
}

/**
 * A narrative-only document with the 类/款/项 it names matched again against the coded rows of the
 * tables it joins (narrative/rekey.ts): the facts rows of those matched are added after its own.
 */
export function keyedBy<T extends ParsedDocument>(narrative: T, coded: readonly CodedRow[]): T {
  const rekeyed = narrative.narrative ? rekeyNarrative(narrative.narrative, coded, factKeys(narrative.figures)) : null;
  return rekeyed ? { ...narrative, narrative: rekeyed.narrative, figures: [...narrative.figures, ...rekeyed.facts] } : narrative;
}

/** The facts keys among figures. */
export function factKeys(figures: readonly Figure[]): Set<string> {
  return new Set(figures.filter((f) => f.table === 'facts').map((f) => f.rowCode));
}

/** The narrative with each paragraph, statement and share saying which file its page and line count in (SourceRef.file). */
export function inFile(narrative: Narrative | undefined, file: string): Narrative | undefined {
  if (!narrative) return undefined;
  const at = <T extends { source: SourceRef }>(x: T): T => ({ ...x, source: { ...x.source, file: x.source.file ?? file } });
  return { ...narrative, paragraphs: narrative.paragraphs.map(at), statements: narrative.statements.map(at), shares: narrative.shares.map(at) };
}

/**
 * The 情况说明 of the two files as one, the tables file's own (its notes, if any) first: the audit's
 * sentence checks then see the narrative that came with the other file.
 */
export function joinNarrative(a: Narrative | undefined, b: Narrative | undefined): Narrative | undefined {
  if (!a || !b) return a ?? b;
  const factPrecision = a.factPrecision || b.factPrecision ? { ...b.factPrecision, ...a.factPrecision } : undefined;
  return {
    paragraphs: [...a.paragraphs, ...b.paragraphs],
    statements: [...a.statements, ...b.statements],
    shares: [...a.shares, ...b.shares],
    ...(factPrecision ? { factPrecision } : {}),
  };
}

function joinedNarrative(a: Narrative | undefined, b: Narrative | undefined): { narrative?: Narrative } {
  const narrative = joinNarrative(a, b);
  return narrative ? { narrative } : {};
}

/**
 * Documents of files given together (per file, in the order given): each narrative-only document
 * joins the tables-only document of another file that pairNarrative picks; the rest stay as they are.
 * `hashes`: each file's content hash, where known, for the rows a narrative brings (mergeInto).
 */
export function mergeDocuments(perFile: readonly StoredDocument[][], hashes: readonly string[] = []): StoredDocument[] {
  const docs = perFile.flat();
  const fileOf = new Map<StoredDocument, number>();
  perFile.forEach((ds, i) => ds.forEach((d) => fileOf.set(d, i)));
  const absorbed = new Set<StoredDocument>();
  const merged = new Map<StoredDocument, StoredDocument>();
  for (const n of docs.filter(isNarrativeOnly)) {
    const candidates = docs.filter((d) => isTablesOnly(d) && fileOf.get(d) !== fileOf.get(n) && !merged.has(d));
    const target = pairNarrative(n, candidates);
    if (!target) continue;
    merged.set(target, mergeInto(target, n, hashes[fileOf.get(n)!]));
    absorbed.add(n);
  }
  return docs.filter((d) => !absorbed.has(d)).map((d) => merged.get(d) ?? d);
}
