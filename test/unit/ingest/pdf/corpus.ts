import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDecimal } from '../../../../src/lib/model/amount';
import type { Figure } from '../../../../src/lib/model/document';
import { formatWan } from '../../../../src/lib/model/amount';
import { SHARED } from '../../../support/shared';

export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const shared = SHARED;
export const corpusDir = path.resolve(shared, 'corpus/shanghai');

export interface GoldDocument {
  file: string;
  doc_id: string;
  unit_code: string;
  unit_name: string;
  scope: string;
  stage: string;
  year: number;
  figures: [string, string, string, string][];
}

export function shanghaiGold(): GoldDocument[] {
  return JSON.parse(readFileSync(path.resolve(shared, 'gold/shanghai-training.json'), 'utf8')).documents;
}

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.resolve(corpusDir, file)));
}

/** Gold figures that did not come out exactly, one line each: 「table|row|column want X got Y」. */
export function mismatches(gold: readonly (readonly string[])[], figures: readonly Figure[]): string[] {
  const got = new Map(figures.map((f) => [`${f.table}|${f.rowCode}|${f.column}`, f.amount]));
  const out: string[] = [];
  for (const [table, row, column, amount] of gold) {
    const key = `${table}|${row}|${column}`;
    const have = got.get(key);
    if (have !== parseDecimal(amount)) out.push(`${key} want ${amount} got ${have === undefined ? '(none)' : formatWan(have)}`);
  }
  return out;
}
