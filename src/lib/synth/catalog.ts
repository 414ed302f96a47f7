/**
 * Classification codes and names for synthetic documents, taken from the Hebei seeds
 * (../shared/seeds): 功能分类 类/款/项 and 经济分类 类/款, with the seeds' 「部门」-for-「单位」 typos
 * put right. `basic` marks the 项 that carry 基本支出 (行政运行, pensions, medical, housing fund).
 */

export interface FunctionItem {
  code: string;
  name: string;
  basic: boolean;
}

export const FUNCTION_NAMES: Record<string, string> = {
  '201': '一般公共服务支出', '20103': '政府办公厅（室）及相关机构事务', '20132': '组织事务', '20140': '信访事务',
  '204': '公共安全支出', '20406': '司法',
  '208': '社会保障和就业支出', '20801': '人力资源和社会保障管理事务', '20805': '行政事业单位养老支出',
  '20807': '就业补助', '20808': '抚恤', '20826': '财政对基本养老保险基金的补助',
  '210': '卫生健康支出', '21004': '公共卫生', '21011': '行政事业单位医疗', '21013': '医疗救助',
  '213': '农林水支出', '21301': '农业农村', '21307': '农村综合改革',
  '221': '住房保障支出', '22102': '住房改革支出',
  '224': '灾害防治及应急管理支出', '22401': '应急管理事务',
  // 政府性基金 items (FUND_ITEMS).
  '212': '城乡社区支出', '21208': '国有土地使用权出让收入安排的支出',
  '229': '其他支出', '22960': '彩票公益金安排的支出',
};

/** 项 paid from 政府性基金 (project spending only), for the twelve-table layouts' 政府性基金 tables. */
export const FUND_ITEMS: readonly FunctionItem[] = [
  { code: '2120801', name: '征地和拆迁补偿支出', basic: false },
  { code: '2296002', name: '用于社会福利的彩票公益金支出', basic: false },
];

/** 项 (7 digits). The first of each group of 行政运行 is the unit's own office; one is chosen per unit. */
export const FUNCTION_ITEMS: readonly FunctionItem[] = [
  { code: '2010301', name: '行政运行', basic: true },
  { code: '2010302', name: '一般行政管理事务', basic: false },
  { code: '2010308', name: '信访事务', basic: false },
  { code: '2013201', name: '行政运行', basic: true },
  { code: '2013202', name: '一般行政管理事务', basic: false },
  { code: '2013299', name: '其他组织事务支出', basic: false },
  { code: '2014001', name: '行政运行', basic: true },
  { code: '2014004', name: '信访业务', basic: false },
  { code: '2014099', name: '其他信访事务支出', basic: false },
  { code: '2040610', name: '社区矫正', basic: false },
  { code: '2080104', name: '综合业务管理', basic: false },
  { code: '2080105', name: '劳动保障监察', basic: false },
  { code: '2080107', name: '社会保险业务管理事务', basic: false },
  { code: '2080501', name: '行政单位离退休', basic: true },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: true },
  { code: '2080506', name: '机关事业单位职业年金缴费支出', basic: true },
  { code: '2080701', name: '就业创业服务补贴', basic: false },
  { code: '2080702', name: '职业培训补贴', basic: false },
  { code: '2080705', name: '公益性岗位补贴', basic: false },
  { code: '2080801', name: '死亡抚恤', basic: false },
  { code: '2082602', name: '财政对基本养老保险基金的补助', basic: false },
  { code: '2100410', name: '突发公共卫生事件应急处理', basic: false },
  { code: '2101101', name: '行政单位医疗', basic: true },
  { code: '2101103', name: '公务员医疗补助', basic: true },
  { code: '2101301', name: '城乡医疗救助', basic: false },
  { code: '2130152', name: '对高校毕业生到基层任职补助', basic: false },
  { code: '2130705', name: '对村民委员会和村党支部的补助', basic: false },
  { code: '2210201', name: '住房公积金', basic: true },
  { code: '2240106', name: '安全监管', basic: false },
];

/** The 行政运行 items: every unit has exactly one. */
export const OFFICE_ITEMS = ['2010301', '2013201', '2014001'];
/** Items every unit carries besides its office (pension, medical, housing fund). */
export const COMMON_BASIC_ITEMS = ['2080505', '2101101', '2210201'];

export interface EconomicItem {
  code: string;
  name: string;
  kind: 'personnel' | 'public';
}

export const ECONOMIC_NAMES: Record<string, string> = {
  '301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助',
};

/** 经济分类 款 (5 digits): 301 and 303 are 人员经费, 302 公用经费. */
export const ECONOMIC_ITEMS: readonly EconomicItem[] = [
  { code: '30101', name: '基本工资', kind: 'personnel' },
  { code: '30102', name: '津贴补贴', kind: 'personnel' },
  { code: '30103', name: '奖金', kind: 'personnel' },
  { code: '30107', name: '绩效工资', kind: 'personnel' },
  { code: '30108', name: '机关事业单位基本养老保险缴费', kind: 'personnel' },
  { code: '30109', name: '职业年金缴费', kind: 'personnel' },
  { code: '30110', name: '职工基本医疗保险缴费', kind: 'personnel' },
  { code: '30112', name: '其他社会保障缴费', kind: 'personnel' },
  { code: '30113', name: '住房公积金', kind: 'personnel' },
  { code: '30199', name: '其他工资福利支出', kind: 'personnel' },
  { code: '30201', name: '办公费', kind: 'public' },
  { code: '30202', name: '印刷费', kind: 'public' },
  { code: '30207', name: '邮电费', kind: 'public' },
  { code: '30211', name: '差旅费', kind: 'public' },
  { code: '30213', name: '维修(护)费', kind: 'public' },
  { code: '30215', name: '会议费', kind: 'public' },
  { code: '30216', name: '培训费', kind: 'public' },
  { code: '30217', name: '公务接待费', kind: 'public' },
  { code: '30228', name: '工会经费', kind: 'public' },
  { code: '30229', name: '福利费', kind: 'public' },
  { code: '30231', name: '公务用车运行维护费', kind: 'public' },
  { code: '30239', name: '其他交通费用', kind: 'public' },
  { code: '30299', name: '其他商品和服务支出', kind: 'public' },
  { code: '30302', name: '退休费', kind: 'personnel' },
  { code: '30305', name: '生活补助', kind: 'personnel' },
  { code: '30309', name: '奖励金', kind: 'personnel' },
];

/** The 收支总表's 支出 rows, in print order: the 类 FORMAT.md lists (row key expense.<code>). */
export const SUMMARY_CLASSES: readonly [string, string][] = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'],
  ['205', '教育支出'], ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'], ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'],
  ['213', '农林水支出'], ['214', '交通运输支出'], ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'],
  ['217', '金融支出'], ['219', '援助其他地区支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'], ['224', '灾害防治及应急管理支出'], ['227', '预备费'],
  ['229', '其他支出'], ['230', '转移性支出'], ['231', '债务还本支出'], ['232', '债务付息支出'],
  ['233', '债务发行费用支出'], ['234', '抗疫特别国债安排的支出'],
];

export const CHINESE_ORDINALS = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七',
  '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十',
];
