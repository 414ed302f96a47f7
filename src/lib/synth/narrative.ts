import type { Fen } from '../model/amount';
import { formatWan } from '../model/amount';
import type { SynthDocument } from './model';
import { roundToWanCent } from './money';
import type { ExpectedFigure } from './tables';
import { totals } from './totals';

/**
 * An amount as narratives print it: to 0.01 万元 (a 元 table's 96,282,213.44 is stated 9628.22), trailing
 * zeros dropped (「1441.7万元」, 「18万元」).
 */
export function stated(fen: Fen): string {
  return formatWan(roundToWanCent(fen)).replace(/\.?0+$/, '') || '0';
}

/**
 * The 情况说明 of a synthetic document: the seed 000 wording, with every figure the importer reads
 * (facts) derived from the tables, so 说明与表 agree. Returns paragraphs and the facts they state.
 */
export function narrative(doc: SynthDocument): { title: string; paragraphs: string[]; figures: ExpectedFigure[] } {
  const t = totals(doc);
  const y = doc.year;
  const name = doc.unitName;
  const figures: ExpectedFigure[] = [];
  const fact = (rowCode: string, exact: Fen) => {
    // The narrative states 0.01 万元; that is the figure it gives.
    const amount = roundToWanCent(exact);
    figures.push({ table: 'facts', rowCode, column: 'amount', amount });
    return stated(Math.abs(amount));
  };
  const change = t.total - (doc.prior.basic + doc.prior.project);
  const basicChange = t.basic - doc.prior.basic;
  const projectChange = t.project - doc.prior.project;
  const dir = (v: Fen) => (v < 0 ? '减少' : '增加');
  const tp = doc.threePublic;
  const paragraphs = [
    `按照《预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的实施意见》规定，现将${name} ${y} 年部门预算公开如下：`,
    '一、部门职责及机构设置情况',
    '部门职责：',
    '（一）本文件由 Budget Lens 的合成数据生成器产生，仅用于性能测试，单位名称、编码和数字均为虚构，不代表任何真实单位。',
    '（二）贯彻落实上级关于本领域工作的方针政策和决策部署，统筹协调辖区内相关工作，拟定有关措施、办法并督促落实。',
    '（三）负责本单位日常运转、队伍建设和内部管理，承办上级交办的其他事项。',
    '机构设置：',
    `${name}为合成测试单位，内设综合科、业务科等科室，纳入部门预算管理的单位 1 个。`,
    '二、部门预算安排的总体情况',
    '按照预算管理有关规定，目前我省部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。',
    '1、收入说明',
    `反映本单位当年全部收入。${y}年预算收入${fact('income_total', t.total)}万元，其中：一般公共预算收入${stated(t.fiscal)}万元，基金预算收入0万元，国有资本经营预算收入0万元，财政专户核拨收入0万元，其他来源收入0万元，上年结转结余${stated(t.carryover)}万元。`,
    '2、支出说明',
    `收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映我部门年度部门预算中支出预算的总体情况。${y}年支出预算${fact('expense_total', t.total)}万元，其中基本支出${fact('basic', t.basic)}万元，包括人员经费${fact('personnel', t.personnel)}万元和日常公用经费${fact('public', t.public)}万元；项目支出${fact('project', t.project)}万元。`,
    '3、比上年增减情况',
    `${y}年预算收支安排 ${stated(t.total)} 万元，较 ${y - 1} 年预算${dir(change)} ${fact('change_vs_prior', change)} 万元，其中：基本支出${dir(basicChange)} ${fact('basic_change', basicChange)} 万元，主要为人员经费变化；项目支出${dir(projectChange)} ${fact('project_change', projectChange)} 万元，主要为项目安排调整。`,
    '三、机关运行经费安排情况',
    `${y} 年，我部门机关运行经费共计安排 ${fact('operating_cost', t.operatingCost)} 万元，主要用于办公费、邮电费、差旅费、办公用房水电费、办公用房取暖费、物业管理费等日常运行支出。`,
    '四、财政拨款“三公”经费预算情况及增减变化原因',
    `${y} 年，我部门财政拨款“三公”经费预算安排 ${fact('three_public_total', t.threePublic)} 万元，其中因公出国（境）费 ${fact('three_public_overseas', tp.overseas)} 万元；公务用车购置及运维费 ${fact('three_public_vehicle', t.vehicle)} 万元（其中：公务用车购置费为 ${fact('three_public_vehicle_purchase', tp.vehiclePurchase)} 万元，公务用车运维费 ${fact('three_public_vehicle_operation', tp.vehicleOperation)} 万元）；公务接待费 ${fact('three_public_reception', tp.reception)} 万元。主要为厉行节约的各项要求，进一步从严控制“三公经费”开支。`,
    '五、预算绩效信息',
  ];
  return { title: `${name} ${y} 年部门预算信息公开情况说明`, paragraphs, figures };
}

/** A 绩效目标表 (seed 000's shape): goal row, indicator header, six indicators. */
export function performanceTable(project: string, i: number): { title: string; rows: string[][] } {
  return {
    title: `${i + 1}、${project}绩效目标表`,
    rows: [
      ['绩效目标', '', '', `1.保障${project}按计划实施 2.提高资金使用效益`, '', ''],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      ['产出指标', '数量指标', '完成事项数量', `${project}完成事项数量`, `≥${10 + i} 个`, '以年初工作计划为依据'],
      ['', '质量指标', '工作完成率', '按要求完成工作的比例', '≥90 百分比', '以年初工作计划为依据'],
      ['', '时效指标', '完成及时率', '按时完成的比例', '≥95 百分比', '以年初工作计划为依据'],
      ['', '成本指标', '项目成本', '项目预算控制数', `≤${20 + i * 5} 万元`, '以预算批复为依据'],
      ['效益指标', '社会效益指标', '服务水平提升', '服务对象反映的服务水平', '稳步提升', '以年初工作计划为依据'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '服务对象满意程度', '≥90 百分比', '问卷调查'],
    ],
  };
}
