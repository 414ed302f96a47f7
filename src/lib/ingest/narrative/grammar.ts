import { FUNCTION_CLASSES } from '../../model/keys';

/**
 * What a stated number is in its sentence, decided by the words before it:
 *  - change: a verb of change stands before it in its clause (「增加基本支出 844.15」「各增加 1808.29」);
 *  - item: its subject is a 类/款/项 or a part (「公共安全（类）支出 23513.11」「公务接待费…比上年减少 1」);
 *  - fund: its subject names a fund other than the whole (「财政专户管理资金收入预算总计0万元」);
 *  - prior: it is last year's (「上年基本支出决算为 900 万元」), not this document's;
 *  - total: none of these.
 */
export type Role = 'change' | 'item' | 'fund' | 'prior' | 'total';

/** 上年 naming the year of the figure: not in a comparison (「比上年」), nor 上年结转 or 上年末 (this year's). */
const PRIOR = /(?:^|[^比较与])(?:上年|上一年)度?(?!结转|末|[年底])/;

const CHANGE_VERB = /增加|减少|增长|下降|降低|调增|调减|压减|缩减|上升/;
const FUND = /财政专户|政府性基金|国有资本|其他资金|事业收入|经营收入|上年结转|结转结余|财政拨款|一般公共预算|基金预算|其他收入/;
const CLASS_NAMES = Object.values(FUNCTION_CLASSES).map((n) => n.replace(/支出$/, '')).filter((n) => n.length >= 2 && n !== '其他');
/**
 * A 类's name, unless it is part of a unit's name: 「教育局」「卫生健康委员会」「交通运输综合行政执法大队」
 * are who states the total, not an item of it. Printed with 支出 or （类）, it is the 类 whatever follows.
 */
const CLASS_NAME = `(?:${CLASS_NAMES.join('|')})(?:(?=支出|[（(]类)|(?![^，,。；;、：:|\\d]{0,10}?(?:局|委员会|办公室|中心|大学|学院|学校|医院|研究院|研究所|协会|大队|支队|管理处|事务所)))`;
const ITEM = new RegExp(`[（(][类款项][)）]|${CLASS_NAME}`);
/**
 * A change whose subject is a part of the budget, not its total. A 类 counts only as printed with
 * 支出 (「一般公共服务支出 1237.14 万元，比上年增加 10 万元」): a unit's own name (「教育局」) is no subject.
 */
const PART = new RegExp(`三公|机关运行|会议费|培训费|因公出国|公务|采购|基本支出|项目支出|人员经费|公用经费|预留机动|[（(][类款项][)）]|财政专户|政府性基金|国有资本|其他资金|(?:${CLASS_NAMES.join('|')})支出`);

const FUND_SUBJECT = /财政拨款|一般公共预算/;

const CLAUSE_END = /[，,。；;：:|]/;
const SENTENCE_END = /[。！？!?|]/;

/** The clause before `at`: back to the previous comma, semicolon, colon or sentence end. */
export function clauseBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(text[i - 1]) && at - i < 120) i--;
  return text.slice(i, at);
}

export function sentenceBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !SENTENCE_END.test(text[i - 1]) && at - i < 300) i--;
  return text.slice(i, at);
}

export function roleOf(text: string, at: number): Role {
  const clause = clauseBefore(text, at);
  if (CHANGE_VERB.test(clause)) {
    // 「…比上年预算减少 1 万元」 in a sentence about 公务接待费 is that part's change.
    const sentence = sentenceBefore(text, at);
    const own = clause.replace(CHANGE_VERB, '');
    if (PART.test(sentence.slice(0, sentence.length - clause.length)) || PART.test(own)) return 'item';
    // A sentence whose subject is the 财政拨款 (「本单位财政拨款收入总计1100.50万元，与上年相比减少40.10
    // 万元」) states that fund's change, not the document's; named only inside (「收入预算3,121.42万元，
    // 其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元」), the total's still.
    if (FUND_SUBJECT.test(own) || FUND_SUBJECT.test(headOf(sentence))) return 'item';
    // 「…公务接待费 1.99 万元。与 2023 年相比增加 0.18 万元」: a sentence with no subject of its own
    // speaks of the one before it.
    return subjectless(sentence) && PART.test(headOf(previousSentence(text, at - sentence.length))) ? 'item' : 'change';
  }
  if (ITEM.test(clause)) return 'item';
  if (FUND.test(clause)) return 'fund';
  if (PRIOR.test(clause)) return 'prior';
  // 「财政拨款收入总计 1150 万元，支出总计 1150 万元」: a clause with no subject of its own has the one
  // of the clause before it.
  if (ELLIPTIC.test(clause.replace(/\s+/g, ''))) {
    const sentence = sentenceBefore(text, at);
    const before = sentence.slice(0, sentence.length - clause.length).split(CLAUSE_SPLIT).filter((c) => c.trim()).pop() ?? '';
    if (FUND.test(before)) return 'fund';
  }
  return 'total';
}

/** A comparison's words, a year, a verb of change and fillers: what a sentence without a subject holds. */
const NO_SUBJECT = /(?:与|比|较|同)(?:上年|上一年|去年|\d{4}年)?度?(?:同期)?(?:年初)?(?:预算|决算|执行)?数?(?:相比|比较)?|增加|减少|增长|下降|降低|上升|总体|整体|共计|合计|[，,、：:\s]/g;

function subjectless(sentence: string): boolean {
  return sentence.replace(NO_SUBJECT, '') === '';
}

/** The sentence that ends just before `end` (its 。 excluded). */
function previousSentence(text: string, end: number): string {
  let i = end;
  while (i > 0 && SENTENCE_END.test(text[i - 1])) i--;
  return sentenceBefore(text, i);
}

/** What a sentence says before its first amount: its subject. */
function headOf(sentence: string): string {
  const m = /\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|千元|元)/.exec(sentence);
  return m ? sentence.slice(0, m.index) : sentence;
}

const ELLIPTIC = /^(?:收入|支出)(?:预算|决算)?(?:总计|合计|总额)(?:均为|各为|为|是|共计)?$/;
const CLAUSE_SPLIT = /[，,；;：:]/;
