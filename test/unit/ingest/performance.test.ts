import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { toRows } from '../../../src/lib/ingest/lines';
import { readProject } from '../../../src/lib/ingest/performance';
import { parseDecimal } from '../../../src/lib/model/amount';
import type { ImportWarning } from '../../../src/lib/model/document';
import { cellLines, tabRows } from './fixtures';

const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

describe('performance targets (绩效目标表)', () => {
  it('reads code, name and amounts, goals and indicators; blank levels inherit (seed 002 layout)', () => {
    const warnings: ImportWarning[] = [];
    const rows = toRows(tabRows([
      ['216001 测试委员会本级'],
      ['单位：万元'],
      ['项目编码', '1301902140LQ778M8V N01', '', '项目名称', '综治重点工作', '', ''],
      ['预算规模及资金用途', '预算数', '53.63', '其中：财政资金', '53.63', '其他资金', '0'],
      ['', '社会治安综合治理工作经费 22 万元。', '', '', '', '', ''],
      ['资金支出计划（%）', '3 月底', '', '6 月底', '10 月底', '12 月底', ''],
      ['', '25.00%', '', '50.00%', '75.00%', '100.00%', ''],
      ['绩效目标', '1.重精监护人责任险全覆盖。', '', '', '', '', ''],
      [...INDICATOR_HEADER, ''],
      ['产出指标', '数量指标', '任务完成率', '反映完成任务比例', '≥90%', '按照年度工作计划', ''],
      ['', '质量指标', '完成率', '反映完成率', '≥90%', '按照年度工作计划', ''],
      ['满意度指标', '服务对象满意度指标', '满意度', '满意度', '≥85%', '按照年度工作计划', ''],
    ]));
    const p = readProject('综治重点工作', 1, rows, warnings);
    expect(p).toMatchObject({
      code: '1301902140LQ778M8VN01', name: '综治重点工作', amount: parseDecimal('53.63'),
      fiscalAmount: parseDecimal('53.63'), otherAmount: 0, goals: '1.重精监护人责任险全覆盖。',
    });
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value, i.basis])).toEqual([
      ['产出指标', '数量指标', '任务完成率', '≥90%', '按照年度工作计划'],
      ['产出指标', '质量指标', '完成率', '≥90%', '按照年度工作计划'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥85%', '按照年度工作计划'],
    ]);
    expect(p.indicators[1].source.line).toBe(11);
    expect(warnings).toEqual([]);
  });

  it('joins an indicator row that a page break cut into pieces (seed 004)', () => {
    const rows = toRows(cellLines([
      ['绩效目标', '1.保障运行'],
      INDICATOR_HEADER,
      ['', '可持续影响指标', '党务工作者培训班'],
      ['党务工作者培训班'],
      ['≥95%'],
      ['可持续性服务对总体发展影响报告'],
      ['满意度指标', '服务对象满意度指标', '满意度', '满意度', '≥95%'],
      ['问卷调查'],
    ]));
    const p = readProject('培训', 1, rows, []);
    expect(p.indicators.map((i) => [i.level2, i.value, i.basis])).toEqual([
      ['可持续影响指标', '≥95%', '可持续性服务对总体发展影响报告'],
      ['服务对象满意度指标', '≥95%', '问卷调查'],
    ]);
  });

  it('an unreadable amount is null with a warning (seed 001 「2..5」); goals over several rows', () => {
    const warnings: ImportWarning[] = [];
    const rows = toRows(cellLines([
      ['项目编码', '', '专项资金名称', '严重精神障碍患者监护人责任险'],
      ['预算规模及资金用途', '预算数', '2..5', '其中：财政资金', '2.5', '其他资金', ''],
      ['绩效目标', '目标1', '更好的开展信访工作'],
      ['', '目标2', '做好维稳工作'],
      INDICATOR_HEADER,
    ]));
    const p = readProject('标题名', 7, rows, warnings);
    expect(p).toMatchObject({ code: '', name: '严重精神障碍患者监护人责任险', amount: null, fiscalAmount: parseDecimal('2.5'), otherAmount: null });
    expect(p.goals).toBe('目标1 更好的开展信访工作 目标2 做好维稳工作');
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('2..5'), source: { line: 8 } })]);
  });

  it('counts projects in a document and imports a table printed twice only once', () => {
    const project = (n: number, name: string) => `${n}、${name}绩效目标表\n${tabRows([['绩效目标', `保障${name}`], INDICATOR_HEADER, ['产出指标', '数量指标', '人数', '人数', '1人', '计划']])}\n`;
    const text = `五、预算绩效信息\n${project(1, '甲')}${project(2, '乙')}${project(3, '乙')}六、政府采购预算情况\n2023年，安排政府采购预算0万元。上年末固定资产金额为1万元。\n`;
    const r = readDisclosureText(text, 'p.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.docs[0].projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(r.docs[0].warnings).toContainEqual({ message: expect.stringContaining('「乙」重复出现'), source: { line: 10 } });
  });

  it('a 年度目标 beside its text, and indicators headed 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注', () => {
    const rows = (third: string) => toRows(tabRows([
      ['项目名称', '乡村道路养护'],
      ['年度目标', '养护道路120公里。'],
      ['一级指标', '二级指标', third, '指标值', '备注'],
      ['产出指标', '数量指标', '养护里程', '≥120公里', ''],
      ['', '质量指标', '路面完好率', '≥90%', ''],
      ['效益指标', '社会效益指标', '通行条件', '改善', ''],
    ]));
    for (const third of ['指标内容', '三级指标']) {
      const p = readProject('乡村道路养护', 1, rows(third), []);
      expect(p.goals, third).toBe('养护道路120公里。');
      // The value is the 指标值 column's, not the 备注 after it, nor a 指标描述 where none is printed.
      expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value]), third).toEqual([
        ['产出指标', '数量指标', '养护里程', '', '≥120公里'],
        ['产出指标', '质量指标', '路面完好率', '', '≥90%'],
        ['效益指标', '社会效益指标', '通行条件', '', '改善'],
      ]);
    }
  });
});
