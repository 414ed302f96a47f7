import { formatWan } from '../model/amount';
import { SCOPE_NAMES, STAGE_NAMES } from '../model/keys';
import type { ExecutionFlag, ExecutionResult } from './execution';
import type { RankedChange, RankingResult } from './ranking';
import type { Grid } from './grid';
import type { DocRef } from './types';

/**
 * 执行 and 变化最大 laid out for Excel as on screen (grid.ts's rules: amounts exact in 万元, rates as
 * the page prints them, text protected from formulas by gridToExcelCsv).
 */
const num = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatWan(fen));
const pct = (ratio: number | null) => (ratio === null || !Number.isFinite(ratio) ? '' : (ratio * 100).toFixed(1));
const indent = (depth: number, label: string) => `${'　'.repeat(depth)}${label}`;
const docName = (d: DocRef) => `${d.unitName} ${d.year}年${SCOPE_NAMES[d.scope]}${STAGE_NAMES[d.stage]}`;

export const FLAG_NAMES: Record<ExecutionFlag, string> = {
  below: '执行率低于80%',
  above: '执行率高于120%',
  no_final: '有预算、无决算',
  no_budget: '有决算、无预算',
};

export function executionGrid(r: ExecutionResult): Grid {
  const head = ['项目', '编码', '年初预算（万元）', '全年预算（万元）', '决算（万元）', '执行率（%）', '决算−年初预算（万元）', '提示', '决算说明所述原因', '页码'];
  const rows = r.rows.map((row) => [
    indent(row.depth, row.label), row.code ?? '', num(row.budget?.amount), num(row.fullYear?.amount), num(row.actual?.amount),
    pct(row.rate), num(row.difference), row.flags.map((f) => FLAG_NAMES[f]).join('；'), row.reason?.text ?? '', row.reason?.page ? String(row.reason.page) : '',
  ]);
  const docs = [r.budgetDoc, r.finalDoc].filter((d): d is DocRef => d !== null);
  return [[`${r.unit.name} ${r.year}年 预算执行（预算对决算）`], head, ...rows, [`来源：${docs.map(docName).join('；')}`]];
}

export const STATUS_NAMES: Record<RankedChange['status'], string> = { changed: '增减', new: '新增', gone: '取消' };

export function rankingGrid(r: RankingResult, list: 'absolute' | 'relative' | 'appeared'): Grid {
  const head = ['名次', '单位', '项目', '编码', '上一年度', '上一年度金额（万元）', `${r.year}年金额（万元）`, '增减（万元）', '增减（%）', '类型', '说明所述原因', '页码'];
  const rows = r[list].map((c, i) => [
    String(i + 1), c.unit.name, c.label, c.code ?? '', String(c.priorDoc.year), num(c.prior?.amount), num(c.current?.amount), num(c.change),
    pct(c.pct), STATUS_NAMES[c.status], c.reason?.text ?? '', c.reason?.page ? String(c.reason.page) : '',
  ]);
  const title = { absolute: '增减额最大', relative: `增减幅度最大（上一年度不少于 ${formatWan(r.floor)} 万元）`, appeared: '新增和取消的项目' }[list];
  return [[`${r.year}年${STAGE_NAMES[r.stage]} 变化最大：${title}`], head, ...rows];
}
