import { formatWan } from '../model/amount';
import { neutralizeCell } from '../model/formatCsv';
import type { PeersResult } from './peers';
import type { YoyResult } from './yoy';
import Papa from 'papaparse';

/**
 * The comparison views laid out as Excel users see them on screen: one row per line of the view,
 * one column per year or unit. Amounts are plain numbers in 万元 (no separators, so Excel reads them
 * as numbers); everything else is text protected from formula injection.
 */
export type Grid = string[][];

const indent = (depth: number, label: string) => `${'　'.repeat(depth)}${label}`;
const num = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatWan(fen));

export function yoyGrid(r: YoyResult): Grid {
  const head = ['项目', '编码'];
  for (const c of r.columns) head.push(`${c.year}${c.inferred ? '（据说明推算）' : ''}（万元）`, `${c.year} 增减`, `${c.year} 增减%`);
  const rows = r.rows.map((row) => {
    const out = [indent(row.depth, row.label), row.code ?? ''];
    for (const cell of row.cells) {
      out.push(num(cell.value?.amount), num(cell.change), cell.pct === null ? '' : (cell.pct * 100).toFixed(1));
    }
    return out;
  });
  return [[`${r.unit.name} 同比（${r.stage === 'final' ? '决算' : '预算'}）`], head, ...rows];
}

export function peersGrid(r: PeersResult): Grid {
  const head = ['项目', '编码'];
  for (const c of r.columns) head.push(`${c.unitName}（万元）`, `${c.unitName} 占比%`, `${c.unitName} 名次`);
  const rows = r.rows.map((row) => {
    const out = [indent(row.depth, row.label), row.code ?? ''];
    for (const cell of row.cells) {
      out.push(num(cell?.value.amount), cell?.share === null || !cell ? '' : (cell.share * 100).toFixed(1), cell?.rank == null ? '' : String(cell.rank));
    }
    return out;
  });
  return [[`横比 ${r.year === 'latest' ? '各单位最新年度' : `${r.year}年`}`], head, ...rows];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** CSV for Excel: UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF, no live formulas. */
export function gridToExcelCsv(grid: Grid): string {
  const safe = grid.map((row) => row.map((cell) => (NUMBER.test(cell) ? cell : neutralizeCell(cell))));
  return '\uFEFF' + Papa.unparse(safe, { newline: '\r\n' }) + '\r\n';
}
