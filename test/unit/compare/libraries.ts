import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { LibraryDb } from '../../../src/lib/db/library';
import { parseDecimal } from '../../../src/lib/model/amount';
import type { Figure, StoredDocument } from '../../../src/lib/model/document';
import type { Scope, Stage, TableKey } from '../../../src/lib/model/keys';

/** Small hand-made libraries for the comparison tests: every figure written out, answers known. */

let SQL: SqlJsStatic | null = null;
export async function sqlJs(): Promise<SqlJsStatic> {
  return (SQL ??= await initSqlJs());
}

export const wan = (text: string) => parseDecimal(text)!;

/** [table, row, column, 万元] as in gold/seeds.json. */
export type Fig = [TableKey, string, string, string];

export interface DocSpec {
  id: string;
  code?: string;
  name: string;
  year: number;
  scope?: Scope;
  stage?: Stage;
  figures: Fig[];
}

export function doc(s: DocSpec): StoredDocument {
  const figures: Figure[] = s.figures.map(([table, rowCode, column, amount], i) => ({
    table, rowCode, rowName: rowCode, column, amount: wan(amount), source: { line: 10 + i },
  }));
  return {
    docId: s.id,
    fileName: `${s.id}.txt`,
    meta: { unitCode: s.code ?? '', unitName: s.name, scope: s.scope ?? 'department', stage: s.stage ?? 'budget', year: s.year },
    figures, tables: [], projects: [], warnings: [],
  };
}

export async function library(specs: DocSpec[]): Promise<LibraryDb> {
  const lib = LibraryDb.create(await sqlJs());
  specs.forEach((s, i) => lib.addDocuments([doc(s)], 'text', `hash-${s.id}`, undefined, new Date(Date.UTC(2025, 0, 1, 0, i))));
  return lib;
}
