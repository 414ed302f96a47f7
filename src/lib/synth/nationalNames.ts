import { CHINESE_ORDINALS, SUMMARY_CLASSES } from './catalog';

/**
 * Names for the synthetic national corpus (national.ts) and the printed row labels of its figures.
 * Places are 「合成第三省」「第十二市」: a reader never takes them for real, and regionOf() reads them
 * like real ones (the place a name begins with). Departments carry generic organ names, so a search
 * for 教育 finds something, as it would in a real archive.
 */

/** 1 → 一, 12 → 十二, 31 → 三十一 (enough for provinces and cities). */
export function chineseNumber(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`;
}

export const provinceName = (p: number) => `合成第${chineseNumber(p + 1)}省`;
export const cityName = (c: number) => `第${chineseNumber(c + 1)}市`;

/** Organs of a city government, in the order their codes are given (a city has a prefix of this list). */
export const DEPARTMENT_NAMES: readonly string[] = [
  '人民政府办公室', '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '民族宗教事务局', '公安局',
  '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境局', '住房和城乡建设局',
  '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '退役军人事务局',
  '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '城市管理综合行政执法局',
  '行政审批局', '信访局', '地方金融监督管理局', '国有资产监督管理委员会', '体育局', '人民防空办公室',
  '机关事务管理局', '粮食和物资储备局', '乡村振兴局', '数据资源局', '投资促进局', '档案馆', '地方志编纂中心',
  '总工会', '共青团委员会', '妇女联合会', '科学技术协会', '残疾人联合会', '红十字会', '文学艺术界联合会',
  '工商业联合会', '社会科学界联合会', '归国华侨联合会', '人民检察院', '中级人民法院', '纪律检查委员会',
  '组织部', '宣传部', '统战部', '政法委员会', '机构编制委员会办公室', '党校', '融媒体中心', '公共资源交易中心',
  '住房公积金管理中心', '疾病预防控制中心', '气象局', '消防救援支队', '供销合作社联合社', '职业技术学院',
  '第一中学', '人民医院',
];

const CLASS_INDEX = new Map(SUMMARY_CLASSES.map(([code], i) => [code, i]));

const SUMMARY_LABELS: Record<string, [summary: string, fiscal: string]> = {
  'income.general': ['一、一般公共预算拨款收入', '一、一般公共预算拨款'],
  'income.current_total': ['本年收入合计', '本年收入合计'],
  'expense.current_total': ['本年支出合计', '本年支出合计'],
  'income.carryover': ['上年结转结余', '年初财政拨款结转和结余'],
  'income.carryover.general': ['一、一般公共预算拨款', '一、一般公共预算拨款'],
  'income.grand_total': ['收入总计', '收入总计'],
  'expense.grand_total': ['支出总计', '支出总计'],
};

const THREE_PUBLIC_LABELS: Record<string, string> = {
  total: '合计', subtotal: '“三公”经费小计', overseas: '一、因公出国（境）费', overseas_academic: '其中：教学科研人员因公出国（境）费',
  overseas_other: '其他因公出国（境）费', vehicle: '二、公务用车购置及运维费', vehicle_purchase: '其中：公务用车购置费',
  vehicle_operation: '公务用车运行维护费', reception: '三、公务接待费',
};

const FACT_LABELS: Record<string, string> = {
  income_total: '收入总计', expense_total: '支出总计', basic: '基本支出', personnel: '人员经费', public: '公用经费',
  project: '项目支出', change_vs_prior: '比上年增减', basic_change: '基本支出比上年增减', project_change: '项目支出比上年增减',
  operating_cost: '机关运行经费', three_public_total: '“三公”经费', three_public_overseas: '因公出国（境）费',
  three_public_vehicle: '公务用车购置及运行维护费', three_public_vehicle_purchase: '公务用车购置费',
  three_public_vehicle_operation: '公务用车运行维护费', three_public_reception: '公务接待费',
};

/**
 * The label a synthetic table prints on a row (what the importer reads as row_name), given the
 * names of the document's coded rows. Mirrors tables.ts and narrative.ts; a unit test reads
 * rendered documents with the real importer and checks every label against this.
 */
export function rowLabel(table: string, rowCode: string, coded: ReadonlyMap<string, string>): string {
  if (rowCode === 'total' && table !== 'three_public') return '合计';
  if (table === 'facts') return FACT_LABELS[rowCode] ?? rowCode;
  if (table === 'three_public') return THREE_PUBLIC_LABELS[rowCode] ?? rowCode;
  if (table === 'summary' || table === 'fiscal_summary') {
    const m = /^expense\.(\d{3})$/.exec(rowCode);
    if (m) return `${CHINESE_ORDINALS[CLASS_INDEX.get(m[1])!]}、${SUMMARY_CLASSES[CLASS_INDEX.get(m[1])!][1]}`;
    const pair = SUMMARY_LABELS[rowCode];
    return pair ? pair[table === 'summary' ? 0 : 1] : rowCode;
  }
  return coded.get(rowCode) ?? rowCode;
}
