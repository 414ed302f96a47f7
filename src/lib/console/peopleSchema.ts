import type { Database } from 'sql.js';
import { economicSources, METRICS, METRIC_BY_KEY, type MetricDef } from '../compare/metrics';
import { SEVERITY_NAMES } from '../model/audit';
import { SCOPE_NAMES, STAGE_NAMES, TABLE_NAMES } from '../model/keys';

/**
 * The schema for people: stable SQL views over the library's internal tables, so that a saved query
 * keeps working when the store's own tables change (the store may rename or split them; these views
 * are what we promise). They are TEMP views of the console's connection: nothing is added to the
 * library file, and the console's copy gets them fresh each time it opens.
 */
export interface PeopleColumn {
  name: string;
  /** What it holds, in Chinese, for the side panel and the README. */
  zh: string;
}

export interface PeopleView {
  name: string;
  title: string;
  about: string;
  columns: readonly PeopleColumn[];
  sql: string;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (col: string, names: Record<string, string>) =>
  `CASE ${col} ${Object.entries(names).map(([k, v]) => `WHEN ${q(k)} THEN ${q(v)}`).join(' ')} ELSE ${col} END`;

/** Fen as FORMAT.md prints 万元: exact, at least two decimals, trailing zeros cut (model/amount.ts formatWan). */
export function wanTextSql(col: string): string {
  const frac = `substr('000000' || (abs(${col}) % 1000000), -6)`;
  return `CASE WHEN ${col} IS NULL THEN NULL ELSE (CASE WHEN ${col} < 0 THEN '-' ELSE '' END) || (abs(${col}) / 1000000) || '.' || substr(${frac}, 1, 2) || rtrim(substr(${frac}, 3), '0') END`;
}

const DOC_COLUMNS: PeopleColumn[] = [
  { name: 'doc_id', zh: '文档编号（FORMAT.md 的 doc_id）' },
  { name: 'unit_key', zh: '单位键：有单位编码时为 code:编码，否则为 name:单位名称' },
  { name: 'unit_code', zh: '单位编码（文档未印时为空）' },
  { name: 'unit_name', zh: '单位名称，按文档所印' },
  { name: 'year', zh: '年度' },
  { name: 'scope', zh: '口径：department 部门，unit 单位' },
  { name: 'scope_name', zh: '口径的中文：部门 / 单位' },
  { name: 'stage', zh: '阶段：budget 预算，final 决算' },
  { name: 'stage_name', zh: '阶段的中文：预算 / 决算' },
];

/** The sum of parts, null when every part is (compare/metrics.ts readMetric: blank parts count as 0). */
const sumOfParts = (parts: readonly string[]) =>
  `CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((p) => `IFNULL(${p}, 0)`).join(' + ')} END`;

const metricSource = (def: MetricDef, slot: (t: string, r: string, c: string) => string): string => {
  const read = def.sources.map(([t, r, c]) => slot(t, r, c));
  if (def.sumOf) read.push(sumOfParts(def.sumOf.map((k) => metricSource(METRIC_BY_KEY.get(k)!, slot))));
  else if (def.ofEconomic) read.push(sumOfParts(economicSources(def).map(([t, r, c]) => slot(t, r, c))));
  return read.length > 1 ? `COALESCE(${read.join(', ')})` : read[0];
};

/** One row per document, one column per metric, read where the comparisons read it (compare/metrics.ts). */
function metricsSql(): string {
  const slots = new Map<string, string>();
  const slot = (t: string, r: string, c: string) => {
    const key = `${t}\u0000${r}\u0000${c}`;
    if (!slots.has(key)) slots.set(key, `s${slots.size}`);
    return `p.${slots.get(key)}`;
  };
  const columns = METRICS.map((def) => `${metricSource(def, slot)} / 1000000.0 AS ${def.key}`);
  const pivots = [...slots].map(([key, name]) => {
    const [t, r, c] = key.split('\u0000');
    return `max(CASE WHEN table_key = ${q(t)} AND row_code = ${q(r)} AND column_key = ${q(c)} THEN amount END) AS ${name}`;
  });
  const tables = [...new Set([...slots.keys()].map((k) => k.split('\u0000')[0]))];
  return `WITH p AS MATERIALIZED (SELECT doc_id, ${pivots.join(', ')} FROM main.figure WHERE table_key IN (${tables.map(q).join(', ')}) GROUP BY doc_id)
SELECT d.doc_id, d.unit_key, d.unit_code, d.unit_name, d.year, d.scope, d.scope_name, d.stage, d.stage_name, ${columns.join(', ')}
FROM temp.documents d LEFT JOIN p ON p.doc_id = d.doc_id`;
}

export const PEOPLE_VIEWS: readonly PeopleView[] = [
  {
    name: 'documents',
    title: '文档',
    about: '资料库中的每份文档（一个单位、一个年度、一个阶段）。',
    columns: [...DOC_COLUMNS,
      { name: 'file_name', zh: '读取的文件名' },
      { name: 'source_kind', zh: '来源：text、pdf、csv、sample、shared……' },
      { name: 'imported_at', zh: '导入时间（ISO 8601）' },
      { name: 'figure_count', zh: '读到的数字个数' }],
    sql: `SELECT doc_id, CASE WHEN unit_code <> '' THEN 'code:' || unit_code ELSE 'name:' || unit_name END AS unit_key,
  unit_code, unit_name, year, scope, ${caseOf('scope', SCOPE_NAMES)} AS scope_name, stage, ${caseOf('stage', STAGE_NAMES)} AS stage_name,
  file_name, source_kind, imported_at, (SELECT count(*) FROM main.figure f WHERE f.doc_id = d.doc_id) AS figure_count
FROM main.document d`,
  },
  {
    name: 'figures',
    title: '数字',
    about: '每个读到的数字，按 FORMAT.md 的键；金额单位万元。求和请用 amount_fen（整数，精确），再除以 1000000。',
    columns: [...DOC_COLUMNS,
      { name: 'table_key', zh: '表的键（FORMAT.md），如 expense、three_public、facts' },
      { name: 'table_name', zh: '表的中文名' },
      { name: 'row_code', zh: '行：功能/经济分类编码（如 2010301），或标签键（如 total、income.general）' },
      { name: 'row_name', zh: '行名，按文档所印' },
      { name: 'column_key', zh: '列的键，如 total、basic、project、amount' },
      { name: 'amount', zh: '金额（万元，数值；用于排序和作图）' },
      { name: 'amount_text', zh: '金额（万元，精确的十进制文本，与 FORMAT CSV 相同）' },
      { name: 'amount_fen', zh: '金额（整数，单位 0.000001 万元，即 1 分钱的百分之一），精确求和用' },
      { name: 'page', zh: '所在页码（PDF）' },
      { name: 'line', zh: '所在行号（文本）' },
      { name: 'source_file', zh: '页码、行号所在的文件名（情况说明单独成 PDF 并入时为那个 PDF，否则为文档本身的文件）' },
      { name: 'profile', zh: '按版式配置读取时为配置名，否则为空' }],
    sql: `SELECT d.doc_id, d.unit_key, d.unit_code, d.unit_name, d.year, d.scope, d.scope_name, d.stage, d.stage_name,
  f.table_key, ${caseOf('f.table_key', TABLE_NAMES)} AS table_name, f.row_code, f.row_name, f.column_key,
  f.amount / 1000000.0 AS amount, ${wanTextSql('f.amount')} AS amount_text, f.amount AS amount_fen, f.page, f.line,
  coalesce(x.file_name, d.file_name) AS source_file, f.profile
FROM main.figure f JOIN temp.documents d ON d.doc_id = f.doc_id
  LEFT JOIN main.doc_file x ON x.doc_id = f.doc_id AND f.seq >= x.figures_from AND f.seq < x.figures_to`,
  },
  {
    name: 'document_metrics',
    title: '文档指标',
    about: '每份文档一行、每个指标一列（万元），取数规则与同比、横比视图相同：先读表格，表格没有才读情况说明；人员经费、公用经费两者都没有时，按基本支出经济分类（301+303、302+310）合计。',
    columns: [...DOC_COLUMNS, ...METRICS.map((d) => ({ name: d.key, zh: `${d.label}（万元）` }))],
    sql: metricsSql(),
  },
  {
    name: 'units',
    title: '单位',
    about: '资料库中的单位：同一单位编码（没有编码时同一名称）的文档归为一个单位。',
    columns: [
      { name: 'unit_key', zh: '单位键（同 documents.unit_key）' },
      { name: 'unit_code', zh: '单位编码' },
      { name: 'unit_name', zh: '最近一年文档所印的单位名称' },
      { name: 'documents', zh: '文档份数' },
      { name: 'years', zh: '有文档的年度个数' },
      { name: 'first_year', zh: '最早年度' },
      { name: 'last_year', zh: '最近年度' }],
    sql: `SELECT unit_key, max(unit_code) AS unit_code,
  (SELECT unit_name FROM temp.documents x WHERE x.unit_key = d.unit_key ORDER BY year DESC, imported_at DESC LIMIT 1) AS unit_name,
  count(*) AS documents, count(DISTINCT year) AS years, min(year) AS first_year, max(year) AS last_year
FROM temp.documents d GROUP BY unit_key`,
  },
  {
    name: 'findings',
    title: '审核发现',
    about: '审核（勾稽）的每条发现，与「审核」视图相同。',
    columns: [...DOC_COLUMNS,
      { name: 'check_id', zh: '检查项的键' },
      { name: 'severity', zh: '级别：error、rounding、warning、not_run' },
      { name: 'severity_name', zh: '级别的中文：错误、尾差、提示、未执行' },
      { name: 'table_key', zh: '所在表的键' },
      { name: 'row_code', zh: '所在行' },
      { name: 'row_name', zh: '行名' },
      { name: 'column_key', zh: '所在列' },
      { name: 'message', zh: '说明' },
      { name: 'expected', zh: '应为' },
      { name: 'actual', zh: '实为' },
      { name: 'quote', zh: '引用的原文（情况说明）' },
      { name: 'page', zh: '页码' },
      { name: 'line', zh: '行号' },
      { name: 'source_file', zh: '页码、行号所在的文件名（情况说明单独成 PDF 并入时为那个 PDF，否则为文档本身的文件）' }],
    sql: `SELECT d.doc_id, d.unit_key, d.unit_code, d.unit_name, d.year, d.scope, d.scope_name, d.stage, d.stage_name,
  f.check_id, f.severity, ${caseOf('f.severity', SEVERITY_NAMES)} AS severity_name, f.table_key, f.row_code, f.row_name, f.column_key,
  f.message, f.expected, f.actual, f.quote, f.page, f.line, coalesce(x.file_name, d.file_name) AS source_file
FROM main.audit_finding f JOIN temp.documents d ON d.doc_id = f.doc_id
  LEFT JOIN main.doc_file x ON x.doc_id = f.doc_id AND x.content_hash = f.file`,
  },
];

/** Adds the views to a connection (before query_only is set: creating a TEMP view is a write to the temp schema). */
export function createPeopleSchema(db: Database): void {
  for (const v of PEOPLE_VIEWS) db.exec(`DROP VIEW IF EXISTS temp.${v.name}; CREATE TEMP VIEW ${v.name} AS ${v.sql}`);
}
