import type { RawTable } from '../model/document';
import { compact } from '../ingest/normalize';
import { titleOf } from '../ingest/titles';
import type { TableSignature } from './types';

/**
 * A table's signature: what stays the same across every document printed from one layout and tells
 * it from other layouts. The title's words without its number, year, unit and scope (a county's
 * 2023 table and a town's 2024 table of the same template share them), the header cells as printed
 * (years written YYYY), and the column count.
 */
export function tableSignature(raw: Pick<RawTable, 'title' | 'header' | 'body'>): TableSignature {
  const header = raw.header.map(headerRow).filter(Boolean);
  const columns = Math.max(0, ...raw.header.map(width), ...raw.body.map(width));
  return { title: titleWords(raw.title), header, columns };
}

/** One string per signature, for lookups: two tables of one layout give the same key. */
export function signatureKey(s: TableSignature): string {
  return JSON.stringify([s.title, s.header, s.columns]);
}

export function titleWords(title: string): string {
  const core = years(compact(titleOf(title)?.core ?? title)).replace(/[（(](?:续表?)[)）]$/, '');
  // The unit's name and the scope before the table's own words: the importer's title reader splits
  // them off before the words it knows (收支, 支出…); for words it does not know, the last
  // 「部门」/「单位」 (with 预算/决算) that leaves a name of four characters or more marks the split.
  const scopes = [...core.matchAll(/(?:部门|单位)(?:预算|决算)?/g)].filter((m) => core.length - (m.index + m[0].length) >= 4);
  const last = scopes[scopes.length - 1];
  return last ? core.slice(last.index + last[0].length) : core;
}

function headerRow(cells: readonly string[]): string {
  const out = cells.map((c) => years(compact(c)));
  while (out.length && !out[out.length - 1]) out.pop();
  return out.join('|');
}

function years(s: string): string {
  return s.replace(/(?:19|20)\d{2}(?=年)/g, 'YYYY');
}

/** Cells up to the last non-empty one: trailing blanks are the extractor's, not the layout's. */
function width(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && !cells[n - 1].trim()) n--;
  return n;
}
