import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/lib/ingest/lines';
import { readFacts, readNarrative } from '../../../src/lib/ingest/narrative';
import { formatWan } from '../../../src/lib/model/amount';
import { nextSubject, SUBJECT } from '../../../src/lib/ingest/narrative/totals';
import { codeOf, nextTagged, TAGGED } from '../../../src/lib/ingest/narrative/items';

function facts(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readFacts(toRows(text))) out[f.rowCode] = formatWan(f.amount);
  return out;
}
const statements = (text: string) => readNarrative(toRows(text)).narrative.statements;

// Real sentences of the Jiangsu and Shanghai training documents (issue 12, item 6).
describe('narrative figures by the sentence’s grammar', () => {
  it('a number after 增加 is a change, not the figure it names: 「基本支出增加人员经费 1408.29 万元」', () => {
    const text = '主要原因是基本支出增加人员经费 1408.29 万元、项目经费支出安排增加江苏法院云平台租赁费 400 万元。\n（一）人员经费 13594.82 万元。主要包括：基本工资。';
    expect(facts(text)).toMatchObject({ personnel: '13594.82' });
    expect(facts('增加基本支出 844.15 万元。')).not.toHaveProperty('basic');
  });

  it('another fund’s total is not the income total: 「财政专户管理资金收入预算总计 0 万元」', () => {
    const text = '（一）收入预算总计 24458.43 万元。包括：\n2 ．财政专户管理资金收入预算总计 0 万元。与上年相比减少 147.20 万元，减少 100% 。';
    expect(facts(text)).toMatchObject({ income_total: '24458.43' });
    expect(facts('2 ．财政专户管理资金收入预算总计 0 万元。')).not.toHaveProperty('income_total');
  });

  it('a 类’s subtotal is not the expense total, and 「收、支预算总计各增加」 is the total’s change', () => {
    const text = '江苏省高级人民法院 2017 年度收入、支出预算总计 28849.38\n万元，与上年相比收、支预算总计各增加 1808.29 万元，增长 6.69 % 。\n1 ．公共安全（类）支出 23513.11 万元，主要用于人员支出、日常公用支出。与上年相比增加 4 10.44 万元，增长 1.78 % 。';
    expect(facts(text)).toMatchObject({ income_total: '28849.38', expense_total: '28849.38', change_vs_prior: '1808.29' });
    expect(facts('1 ．公共安全（类）支出 23513.11 万元。')).not.toHaveProperty('expense_total');
    // 「收、支总预算各增加」: the same change, worded as other counties word it.
    expect(facts('2024年收入总预算1,234.56万元，支出总预算1,234.56万元。与2023年相比，收、支总预算各增加123.45万元，增长11.1%，主要原因是人员增加。')).toMatchObject({ change_vs_prior: '123.45' });
  });

  // 检察院 2018: the 款's total ends its sentence; the change and rate after 「其中：1．」 are the 项's.
  // The total took them, and its rate was checked against the wrong amount (an error that was ours).
  it('a total does not take the change of an item listed after it (「其中：1．行政运行（项）…增长 36.58%」)', () => {
    const text = '检察（款）: 2018 年预算支出合计 16,444.36 万元。其\n中：\n1．行政运行（项）支出 10,883.36 万元，与上年相\n比增加 2,915.22 万元，增长 36.58 %。主要原因是员额制改革。';
    const total = statements(text).find((s) => s.level === 'total')!;
    expect(total.amount?.fen).toBe(16_444_360_000);
    expect(total.change).toBeNull();
    expect(total.percent).toBeNull();
    const item = statements(text).find((s) => s.level === 'item')!;
    expect([item.amount?.fen, item.change?.fen, item.percent?.value]).toEqual([10_883_360_000, 2_915_220_000, '36.58']);
  });

  // 西安 统计 2026: the list numbered 「1.」 (ASCII) and 「（1）」, each item with its code in brackets.
  // The total took the first item's change, and its rate was judged an error of 6,210.93.
  it('nor after 「其中：1.行政运行（2010501）」 or 「其中：（1）工资福利支出（301）」', () => {
    const head = '本部门当年一般公共预算支出6,210.93万元，其中：';
    for (const item of ['1.行政运行（2010501）2,542.46万元', '（1）工资福利支出（301）2,542.46万元', '行政运行（2010501）2,542.46万元']) {
      const all = statements(`${head}${item}，较上年增加116.55万元，增长4.80%，增长的主要原因是人员增加。`);
      const total = all.find((s) => s.level === 'total')!;
      expect([total.amount?.fen, total.change, total.percent], item).toEqual([6_210_930_000, null, null]);
    }
    // A total with its own change keeps it: a decimal amount is no list number.
    const own = statements('本部门当年一般公共预算支出6,210.93万元，较上年增加2,171.76万元，增长53.77%。').find((s) => s.level === 'total')!;
    expect([own.change?.fen, own.percent?.value]).toEqual([2_171_760_000, '53.77']);
  });

  // 长沙 公安 2025: the change after the list is the whole income's; the list's last part (事业收入
  // 0.00) took it, and its rate was judged an error. A part's sentence is the part's last.
  it('a part listed after 「其中」 does not take the next sentence’s change', () => {
    const text = '2025年本单位收入预算68632.12万元，其中，一般公共预算拨款68632.12万元，其他收入0.00万元，事业收入0.00万元。收入较去年减少1316.82万元，下降1.88%。';
    const part = statements(text).find((s) => s.subject === '事业收入')!;
    expect([part.amount?.fen, part.change, part.percent]).toEqual([0, null, null]);
    // Its sentence as quoted ends with it.
    expect(part.sentence.endsWith('事业收入0.00万元。')).toBe(true);
    // A total alone in its sentence still takes the next one's change (Shanghai: 「…总计0.3万元。与2023年度相比，…持平。」).
    const alone = statements('四、财政拨款收入支出决算总体情况说明本年支出合计2940.05万元，其中：基本支出2336.91万元，项目支出603.14万元；四、财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。').find((s) => s.amount?.fen === 300_000)!;
    expect(alone.direction).toBe('持平');
  });

  it('a page number printed into a sentence is not part of it (「单位 / 19 / 预留机动经费增加 1753.34 万元」)', () => {
    const text = '此外，基本支出预算数为 21968 万元。与上年相比增加 3397.18 万元、单位\n\n19\n\n预留机动经费增加 1753.34 万元。';
    const [p] = readNarrative(toRows(text)).narrative.paragraphs;
    expect(p.text).toContain('单位预留机动经费增加1753.34万元');
    // 人大 2019: the foot 「─ 13 ─」 (box-drawing lines) cut the third share of the 三公 from its rate.
    const shares = readNarrative(toRows('因公出国（境）费支出199.25万元，占“三公”经费的25.96%；公务用车购置及运行费支出183.6万\n元，占“三公”经费的23.92%；公务接待费支出384.75万元，占\n\n─ 13 ─\n“三公”经费的50.12%。')).narrative.shares;
    expect(shares.map((sh) => sh.percent.value)).toEqual(['25.96', '23.92', '50.12']);
  });
});

describe('statements per 功能分类 item', () => {
  it('Jiangsu: 款 and 项 under a 类 heading, change, direction, percentage with its precision, reason', () => {
    const text = '（三）住房保障支出（类）\n2 ．住房改革支出（款）提租补贴（项）支出 1959.99 万元，与\n上年相比增加 865.57 万元，增长 79.05 % 。主要原因是调整了住房补\n贴、新职工逐月购房补贴标准增加的支出。';
    const [st] = statements(text).filter((s) => s.level === 'item');
    expect(st).toMatchObject({ key: '2210202', path: ['住房保障支出', '住房改革支出', '提租补贴'], direction: '增加', baseLabel: '上年' });
    expect(st.amount).toMatchObject({ text: '1959.99', decimals: 2 });
    expect(formatWan(st.change!.fen)).toBe('865.57');
    expect(st.percent).toEqual({ value: '79.05', decimals: 2 });
    expect(st.reason).toContain('调整了住房补贴');
  });

  it('an item\u2019s sentence ends where it does, without the number of the item after it', () => {
    const text = '（一）一般公共服务（类）\n1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出 6106.99 万元，与上年相比增加 101.48 万元，增长 1.66%。主要原因是政策性调资。2．\n党委办公厅（室）及相关机构事务（款）一般行政管理事务（项）支出 10738.18 万元，与上年相比增加 1101.96 万元，增长 11.44%。主要原因是增加大院管理费。（二）社会保障和就业支出（类）';
    const items = statements(text).filter((s) => s.level === 'item');
    expect(items.map((s) => s.key)).toEqual(['2013101', '2013102']);
    expect(items[0].sentence).toMatch(/主要原因是政策性调资。$/);
    expect(items[1].sentence).toMatch(/主要原因是增加大院管理费。$/);
  });

  it('Shanghai: a quoted 类（类）款（款）项（项） and the 「-」 form, amounts as printed', () => {
    const a = statements('7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万\n元，主要用于缴纳职业年金支出。');
    expect(a.find((s) => s.level === 'item')).toMatchObject({ key: '2080506', amount: { text: '887.36', decimals: 2 } });
    const b = statements('2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元，主要用于为行政单位未单独设置项级科目的其他项目支出。');
    expect(b.find((s) => s.level === 'item')).toMatchObject({ key: '2010302', amount: { text: '4,614', decimals: 0 } });
  });

  it('tags that print the code (「（204类）…（06款）…（01项）」): the code is the item, the base is the year\'s 预算执行数 stated before', () => {
    const text = '1、公共安全支出（204类）司法（06款）行政运行（01项）1200.50万元。主要用于：行政单位的基本支出。2024年当年预算执行数为\n1100.00万元，2025年预算安排1200.50万元，比2024年预算执行数增加9.14%。主要原因是：人员增加。';
    const st = statements(text).find((s) => s.level === 'item')!;
    expect(st).toMatchObject({ key: '2040601', codes: ['204', '06', '01'], path: ['公共安全支出', '司法', '行政运行'], baseLabel: '预算执行数', baseYear: 2024, direction: '增加' });
    expect([formatWan(st.amount!.fen), formatWan(st.base!.fen), formatWan(st.arranged!.fen)]).toEqual(['1200.50', '1100.00', '1200.50']);
    expect(st.percent).toEqual({ value: '9.14', decimals: 2 });
    // The printed code wins over names, which need not be the classification's.
    const own = statements('3、某项支出（229类）其他（99款）其他支出（99项）5.00万元。').find((s) => s.level === 'item');
    expect(own?.key).toBe('2299999');
    // A 款 under a coded 类 heading takes the heading's code.
    const under = statements('（一）公共安全支出（204类）\n1.司法（06款）普法宣传（05项）100.00万元，主要用于法制宣传。').find((s) => s.level === 'item');
    expect(under?.key).toBe('2040605');
  });

  it('codeOf: the printed codes make a code only when every level\'s is of its length', () => {
    expect(codeOf(['204', '06', '01'], '')).toBe('2040601');
    expect(codeOf(['', '06', '01'], '204')).toBe('2040601');
    expect(codeOf(['', '', '2040601'], '')).toBe('2040601');
    expect(codeOf(['', '20406', '01'], '')).toBe('2040601');
    expect(codeOf(['204', '', ''], '')).toBe('204');
    expect(codeOf(['204', '6', '01'], '')).toBe('');
    expect(codeOf(['', '06', '01'], '')).toBe('');
    expect(codeOf(['104', '06', '01'], '')).toBe('');
  });

  it('last year\'s figure as a label and a colon: 「…”43.83万元，上年:25.77万元，…增加」', () => {
    const st = statements('2.“一般公共服务支出（类）财政事务（款）行政运行（项）”43.83万元，上年:25.77万元，主要原因是人员增加。').find((s) => s.level === 'item')!;
    expect(st).toMatchObject({ key: '2010601', baseLabel: '上年' });
    expect(formatWan(st.base!.fen)).toBe('25.77');
  });

  it('a 类 quoted by its name alone: 「1.“一般公共服务支出”科目12,789万元」', () => {
    const st = statements('1.“一般公共服务支出”科目12,789万元，主要用于人员经费和公用经费。').find((s) => s.level === 'class');
    expect(st).toMatchObject({ key: '201', amount: { text: '12,789', decimals: 0 } });
    expect(statements('1.“会议培训支出”科目12,789万元，主要用于会议。').filter((s) => s.level === 'class')).toEqual([]);
  });

  it('决算: the item’s 支出决算 with its 年初预算 as base', () => {
    const text = '其中：1 、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为 1511.89 万元。';
    const st = statements(text).find((s) => s.level === 'item')!;
    expect(st).toMatchObject({ key: '2010601', baseLabel: '年初预算' });
    expect(formatWan(st.amount!.fen)).toBe('1511.89');
    expect(formatWan(st.base!.fen)).toBe('1560.05');
  });

  it('决算 items in other provinces\' words: 为 left out, 全年 or 调整 budgets, last year\'s 决算 as the base', () => {
    const item = (body: string) => {
      const st = statements(`1.一般公共服务（类）财政事务（款）行政运行（项）${body}`).find((s) => s.level === 'item');
      return st && { amount: st.amount && formatWan(st.amount.fen), base: st.base && formatWan(st.base.fen), baseLabel: st.baseLabel };
    };
    // Were no statement at all: the figure needed 「为」.
    expect(item('。年初预算1560.05万元，支出决算1511.89万元，完成年初预算的96.9%。')).toEqual({ amount: '1511.89', base: '1560.05', baseLabel: '年初预算' });
    expect(item('：全年预算数1560.05万元，决算数1511.89万元。')).toEqual({ amount: '1511.89', base: '1560.05', baseLabel: '全年预算' });
    expect(item('。预算数为1560.05万元，决算数为1511.89万元。')).toEqual({ amount: '1511.89', base: '1560.05', baseLabel: '预算' });
    expect(item('。支出决算1511.89万元，调整后预算1580.00万元。')).toEqual({ amount: '1511.89', base: '1580.00', baseLabel: '调整预算' });
    // Last year's 决算 is the base, never the item's figure.
    expect(item('。上年决算数为1400.00万元，支出决算为1511.89万元。')).toMatchObject({ amount: '1511.89' });
    expect(item('支出决算1511.89万元，比上年决算1400.00万元增加111.89万元。')).toEqual({ amount: '1511.89', base: '1400.00', baseLabel: '上年决算' });
  });

  it('a 预算\'s item 「预算数为 X 万元」 is its figure; in a 决算 that wording stays the base', () => {
    const text = '1.一般公共服务（类）财政事务（款）行政运行（项）预算数为1560.05万元，比上年预算数1500.00万元增加60.05万元。';
    const item = (stage: 'budget' | 'final') => readNarrative(toRows(text), [], stage).narrative.statements.find((s) => s.level === 'item');
    const budget = item('budget')!;
    expect([formatWan(budget.amount!.fen), formatWan(budget.base!.fen), budget.baseLabel, formatWan(budget.change!.fen)]).toEqual(['1560.05', '1500.00', '上年预算数', '60.05']);
    expect(item('final')).toBeUndefined();
  });

  it('an item named by its 项 alone takes the code the document\'s own tables give it, when they give one', () => {
    const text = '1.行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。';
    const key = (coded: { code: string; name: string }[]) => readNarrative(toRows(text), coded, 'final').narrative.statements.find((s) => s.level === 'item')?.key;
    // 行政运行 stands under every 款 of the classification: no code before.
    expect(key([{ code: '2010601', name: '行政运行' }, { code: '20106', name: '财政事务' }])).toBe('2010601');
    expect(key([{ code: '2010601', name: '行政运行' }, { code: '2013101', name: '行政运行' }])).toBe('');
    expect(key([])).toBe('');
  });

  it('the stated item amounts become facts rows keyed by code', () => {
    const { facts: rows } = readNarrative(toRows('11.“住房保障支出（类）住房改革支出（款）购房补贴（项）”268.77万元，主要用于购房补贴支出。'));
    expect(rows.find((f) => f.rowCode === '2210203')).toMatchObject({ table: 'facts', column: 'amount', amount: 268_770_000 });
  });

  it('shares keep their list and whole: 「本年支出预算合计 X 万元，其中：基本支出 … 占 59.35 %」', () => {
    const text = '江苏省高级人民法院本年支出预算合计 28849.38 万元，其中：\n基本支出 17123.19 万元，占 59.35 % ；\n项目支出 11 5 43.27 万元，占 40.01 % ；\n单位预留机动经费 182.92 万元，占 0.64 % ；';
    const shares = readNarrative(toRows(text)).narrative.shares;
    expect(shares.map((s) => [s.key, s.percent.value, s.whole?.text, s.group])).toEqual([
      ['basic', '59.35', '28849.38', 1], ['project', '40.01', '28849.38', 1], ['reserve', '0.64', '28849.38', 1],
    ]);
  });
});

/** Every match `next` finds from the start, as [index, text], and what the pattern's own matchAll finds. */
const stepped = (next: (text: string, from: number) => RegExpExecArray | null, text: string) => {
  const out: [number, string][] = [];
  for (let m = next(text, 0); m; m = next(text, m.index + m[0].length)) out.push([m.index, m[0]]);
  return out;
};
const byExec = (re: RegExp, text: string) => [...text.matchAll(re)].map((m): [number, string] => [m.index, m[0]]);

/** `count` sentences of 30 pieces each, drawn by a fixed linear congruential generator from `seed`. */
function sentences(pieces: readonly string[], seed: number, count: number): string[] {
  let x = seed;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let i = 0; i < 30; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      text += pieces[(x >>> 16) % pieces.length];
    }
    out.push(text);
  }
  return out;
}

describe('nextSubject: SUBJECT found without trying every offset (issue 17)', () => {
  const pieces = ['收入', '支出', '收、支', '收支', '财政拨款', '一般公共预算', '合计', '为', '是', '共计', '123.45', '-8', '1,234', '万元', '元', '，', '。', '|', '：', '比上年', '增加', '预算', '年'];

  it.each([
    '2026年收入预算37,151.47万元，比2025年预算执行数增加24,558.18万元。',
    '财政拨款收入支出总计0.3万元。一般公共预算收支共计12万元；',
    '收、支总预算为5元|收支|8万元，支出12345678901234567890123456789012345678901234567890万元',
    '',
  ])('「%s」', (text) => {
    expect(stepped(nextSubject, text)).toEqual(byExec(SUBJECT, text));
  });

  it('finds what SUBJECT.exec finds on random sentences of its words', () => {
    let found = 0;
    for (const text of sentences(pieces, 7, 1500)) {
      expect(stepped(nextSubject, text), text).toEqual(byExec(SUBJECT, text));
      found += byExec(SUBJECT, text).length;
    }
    // The sentences must hold matches for the comparison to mean anything.
    expect(found).toBeGreaterThan(100);
  });
});

describe('nextTagged: TAGGED found from its tags (issue 17)', () => {
  const pieces = ['公共安全', '（类）', '(款)', '（项）', '（204类）', '（06款）', '(1项)', '法院', '行政运行', '支出', '：', '1,623.18', '万元', '元', '“', '”', '、', '（一）', '(', '）', '，', '。', '|', '12', '一般公共服务支出'];

  it.each([
    '（一）公共安全（类）法院（款）行政运行（项）支出11786.92万元，比上年增加3万元。',
    '“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元',
    '（类）（款）',
    '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二（项）',
    '',
  ])('「%s」', (text) => {
    expect(stepped(nextTagged, text)).toEqual(byExec(TAGGED, text));
  });

  it('finds what TAGGED.exec finds on random sentences of its words', () => {
    let found = 0;
    for (const text of sentences(pieces, 11, 1500)) {
      expect(stepped(nextTagged, text), text).toEqual(byExec(TAGGED, text));
      found += byExec(TAGGED, text).length;
    }
    expect(found).toBeGreaterThan(1000);
  });
});
