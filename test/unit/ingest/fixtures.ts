/**
 * Small hand-written disclosures for unit tests, in the two layouts the seeds use. `tabRows` lays a
 * table out one row per line with tabs; `cellLines` one cell per line, rows separated by blank lines.
 */

export function tabRows(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.join('\t')).join('\n');
}

export function cellLines(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
}

/** A 收支总表 with its page furniture, as seed 000 prints it. */
export const SUMMARY_ROWS: string[][] = [
  ['序号', '收入', '', '支出', ''],
  ['', '项目', '预算数', '项目', '预算数'],
  ['栏次', '1', '2', '3', '4'],
  ['1', '一、一般公共预算拨款收入', '100.50', '一、一般公共服务支出', '90.25'],
  ['2', '二、政府性基金预算拨款收入', '', '二、外交支出', ''],
  ['3', '五、单位资金', '3', '八、社会保障和就业支出', '10.25'],
  ['4', '本年收入合计', '103.50', '本年支出合计', '100.50'],
  ['5', '上年结转结余', '0', '年终结转结余', '3'],
  ['6', '收入总计', '103.50', '支出总计', '103.50'],
];

export function summaryTable(title = '部门预算收支总表', unit = '101 测试局'): string {
  return [title, '', unit, '', '预算年度：2023', '', '单位：万元', '', tabRows(SUMMARY_ROWS)].join('\n');
}

export const NARRATIVE = [
  '测试局2023年部门预算信息公开情况说明',
  '1、收入说明',
  '2023年预算收入103.5万元，其中：一般公共预算收入100.5万元。',
  '2、支出说明',
  '2023年支出预算103.50万元，其中基本支出60万元，包括人员经费50万元和日常公用经费10万元；项目支出43.5万元。',
  '3、比上年增减情况',
  '2023年预算收支安排103.5万元，较2022年预算减少12.5万元，其中：基本支出增加1.5万元，项目支出减少14万元。',
  '三、机关运行经费安排情况',
  '2023年，我部门机关运行经费共计安排10万元。',
  '四、财政拨款“三公”经费预算情况及增减变化原因',
  '2023年，我部门财政拨款“三公”经费预算安排3万元，其中因公出国（境）费0万元；公务用车购置及运维费1万元；公务接待费5000元。',
].join('\n');

/** A whole small disclosure: title, summary table, narrative. */
export function smallDisclosure(): string {
  return ['2023年部门预算信息公开目录', '', summaryTable(), '', NARRATIVE, ''].join('\n');
}

/**
 * A narrative published in a file of its own, naming items of a 款 the national list lacks
 * (「政协事务（款）」), and the tables of the same disclosure that code them.
 */
export function itemsNarrative(first = '60'): string {
  return [
    '测试局2023年部门预算信息公开情况说明',
    '五、一般公共预算支出预算情况说明',
    '（一）一般公共服务（类）',
    `1.政协事务（款）行政运行（项）${first}万元，与上年相比增加1万元，增长1.69%。主要原因是人员增加。`,
    '2.政协事务（款）政协会议（项）30.25万元，与上年相比减少2万元，下降6.2%。主要原因是会期缩短。',
    ...NARRATIVE.split('\n').slice(1),
  ].join('\n');
}

export const ITEMS_TABLES = ['部门预算一般公共预算财政拨款支出表', '101 测试局', '预算年度：2023', '单位：万元', tabRows([
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['', '合计', '90.25', '60.00', '30.25'],
  ['201', '一般公共服务支出', '90.25', '60.00', '30.25'],
  ['20102', '政协事务', '90.25', '60.00', '30.25'],
  ['2010201', '行政运行', '60.00', '60.00', ''],
  ['2010205', '政协会议', '30.25', '', '30.25'],
])].join('\n');
