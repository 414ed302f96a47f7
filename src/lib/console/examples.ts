/** The console's examples, one click away; the browser test runs each and checks it against the views. */
export interface Example {
  title: string;
  sql: string;
  /** The chart that suits it: x and y columns. */
  chart?: { x: string; y: string; type: 'bar' | 'line' };
}

export const EXAMPLES: readonly Example[] = [
  {
    title: '各单位历年“三公”经费',
    sql: `-- 每个单位、每年的“三公”经费及其构成（万元），取数规则与同比视图相同
SELECT unit_name AS 单位, year AS 年度, stage_name AS 阶段, scope_name AS 口径,
       three_public AS 三公经费, overseas AS 因公出国境费, vehicle AS 公务用车费, reception AS 公务接待费
FROM document_metrics
WHERE three_public IS NOT NULL
ORDER BY unit_name, year, stage, scope;`,
    chart: { x: '单位', y: '三公经费', type: 'bar' },
  },
  {
    title: '增加最多的十个项级科目',
    sql: `-- 同一单位、同一阶段、相邻两年，支出总表中功能分类项级科目（7 位编码）“合计”列的增加额
WITH item AS MATERIALIZED (
  SELECT unit_key, unit_name, scope, stage, year, row_code, row_name, amount_fen
  FROM figures
  WHERE table_key = 'expense' AND column_key = 'total' AND length(row_code) = 7
)
SELECT cur.unit_name AS 单位, cur.row_code AS 科目编码, cur.row_name AS 科目名称,
       prev.year AS 上年, cur.year AS 本年,
       prev.amount_fen / 1000000.0 AS 上年金额, cur.amount_fen / 1000000.0 AS 本年金额,
       (cur.amount_fen - prev.amount_fen) / 1000000.0 AS 增加额
FROM item cur
JOIN item prev ON prev.unit_key = cur.unit_key AND prev.scope = cur.scope AND prev.stage = cur.stage
              AND prev.row_code = cur.row_code AND prev.year = cur.year - 1
ORDER BY cur.amount_fen - prev.amount_fen DESC
LIMIT 10;`,
    chart: { x: '科目名称', y: '增加额', type: 'bar' },
  },
  {
    title: '机关运行经费增长超过 10% 的单位',
    sql: `-- 相邻两年机关运行经费的增幅（同一单位、口径、阶段）
WITH m AS MATERIALIZED (
  SELECT unit_key, unit_name, scope, stage, year, operating_cost FROM document_metrics WHERE operating_cost IS NOT NULL
)
SELECT cur.unit_name AS 单位, prev.year AS 上年, cur.year AS 本年,
       prev.operating_cost AS 上年机关运行经费, cur.operating_cost AS 本年机关运行经费,
       round((cur.operating_cost - prev.operating_cost) * 100.0 / prev.operating_cost, 2) AS 增幅百分比
FROM m cur
JOIN m prev ON prev.unit_key = cur.unit_key AND prev.scope = cur.scope
                          AND prev.stage = cur.stage AND prev.year = cur.year - 1
WHERE prev.operating_cost > 0 AND cur.operating_cost > prev.operating_cost * 1.1
ORDER BY 增幅百分比 DESC;`,
    chart: { x: '单位', y: '增幅百分比', type: 'bar' },
  },
  {
    title: '全部“错误”级审核发现',
    sql: `-- 审核（勾稽）中级别为“错误”的发现，与「审核」视图相同
SELECT unit_name AS 单位, year AS 年度, stage_name AS 阶段, check_id AS 检查项,
       table_key AS 表, row_name AS 行, message AS 说明, expected AS 应为, actual AS 实为, page AS 页码
FROM findings
WHERE severity = 'error'
ORDER BY unit_name, year, check_id;`,
  },
];
