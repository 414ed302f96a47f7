import { formatWan } from '../model/amount';
import { neutralizeCell } from '../model/formatCsv';
import { SCOPE_NAMES, STAGE_NAMES } from '../model/keys';
import type { PeersResult } from './peers';
import type { DocRef } from './types';
import type { YoyResult } from './yoy';
import Papa from 'papaparse';

/**
 * The comparison views laid out as Excel users see them on screen: a title line, a header line, one
 * line per row of the view, one group of columns per year or unit, then the sources. Numbers are
 * what the page shows, as plain numbers Excel can compute with: amounts in 万元 exact (the page
 * rounds them to 0.01), percentages as the page prints them (+9.4% → 9.4), ranks. Everything else
 * is text protected from formula injection.
 */
export type Grid = string[][];

const indent = (depth: number, label: string) => `${'　'.repeat(depth)}${label}`;
const num = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatWan(fen));
/** A percentage (already ×100) to one decimal, as formatPct shows it, without the sign's typography. */
const pctNum = (pct: number | null | undefined) => (pct === null || pct === undefined || !Number.isFinite(pct) ? '' : pct.toFixed(1));
const docName = (d: DocRef) => `${d.unitName} ${d.year}年${SCOPE_NAMES[d.scope]}${STAGE_NAMES[d.stage]}`;
const sources = (docs: readonly DocRef[]) => [`来源：${docs.map(docName).join('；')}`];

export function yoyGrid(r: YoyResult): Grid {
  const head = ['项目', '编码'];
  for (const c of r.columns) {
    const y = `${c.year}${c.inferred ? '（据说明推算）' : ''}`;
    head.push(`${y}（万元）`, `${y} 较上一列增减（万元）`, `${y} 较上一列增减（%）`);
  }
  const rows = r.rows.map((row) => {
    const out = [indent(row.depth, row.label), row.code ?? ''];
    for (const cell of row.cells) out.push(num(cell.value?.amount), num(cell.change), pctNum(cell.pct));
    return out;
  });
  const docs = r.columns.flatMap((c) => (c.doc ? [c.doc] : []));
  return [[`${r.unit.name} 同比（${STAGE_NAMES[r.stage]}）`], head, ...rows, sources(docs)];
}

export function peersGrid(r: PeersResult): Grid {
  const head = ['项目', '编码'];
  for (const c of r.columns) {
    const name = r.columns.some((o) => o !== c && o.unitKey === c.unitKey) ? `${c.unitName}（${SCOPE_NAMES[c.scope]}${STAGE_NAMES[c.stage]}）` : c.unitName;
    head.push(`${name} ${c.year}（万元）`, `${name} 占支出总计（%）`, `${name} 名次`);
  }
  const rows = r.rows.map((row) => {
    const out = [indent(row.depth, row.label), row.code ?? ''];
    for (const cell of row.cells) {
      out.push(num(cell?.value.amount), cell?.share == null ? '' : (cell.share * 100).toFixed(1), cell?.rank == null ? '' : String(cell.rank));
    }
    return out;
  });
  return [[`横比 ${r.year === 'latest' ? '各单位最新年度' : `${r.year}年`}`], head, ...rows, sources(r.columns)];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** CSV for Excel: UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF, no live formulas. */
export function gridToExcelCsv(grid: Grid): string {
  const safe = grid.map((row) => row.map((cell) => (NUMBER.test(cell) ? cell : neutralizeCell(cell))));
  return '\uFEFF' + Papa.unparse(safe, { newline: '\r\n' }) + '\r\n';
}
