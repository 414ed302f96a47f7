import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText } from './variants';

/**
 * A 决算's phase words (预算数, 决算数) printed as merged cells over groups of columns, as the national
 * 决算 template prints them and a web page or spreadsheet saved as PDF lays them out. Each table twice:
 * as a spreadsheet's text puts a merged cell's word (over its first column) and as the page reader
 * rebuilds a PDF printed by Chromium from an HTML table with colspan and rowspan (the word centred over
 * its columns, a two-row head on the lower row, narrow heads wrapped: 「小」 / 「计」).
 *
 * Before: the 一般公共预算财政拨款支出决算表's 决算数 over 基本支出 (the middle of 小计 | 基本 | 项目) left
 * 小计 under 年初预算数: the 决算's total was read as its budget and the budget reported not imported;
 * the 三公 table's phases over 合计 … 公务接待费 named only the column they stood over, every other
 * amount reported 「上方没有「预算数」或「决算数」」.
 */
const page = (title: string, rows: readonly string[]) => [`${title}`, '部门：某某县财政局', '单位：万元', ...rows, ''].join('\n');
const figures = (d: StoredDocument, table: string) => Object.fromEntries(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
const unread = (d: StoredDocument) => d.warnings.map((w) => w.message).filter((m) => /未导入|没有可对应|无法/.test(m));

const GENERAL_TITLE = '2023年度一般公共预算财政拨款支出决算表';
const GENERAL_ROWS = ['\t合计\t90.00\t100.00\t60.00\t40.00\t111.11%', '201\t一般公共服务支出\t90.00\t100.00\t60.00\t40.00\t111.11%', '2010101\t行政运行\t90.00\t100.00\t60.00\t40.00\t111.11%'];
const GENERAL_HEADS = {
  spreadsheet: ['科目编码\t科目名称\t年初预算数\t决算数\t\t\t决算数为年初预算数的%', '\t\t\t小计\t基本支出\t项目支出\t'],
  pdf: ['\t\t\t\t决算数\t\t', '科目编码\t科目名称\t年初预算数\t\t\t\t决算数为年初预算数的%', '\t\t\t小计\t基本支出\t项目支出\t'],
};

describe('决算数 over 小计 | 基本支出 | 项目支出, beside 年初预算数 two rows high', () => {
  for (const [layout, heads] of Object.entries(GENERAL_HEADS)) {
    it(`${layout}: the 决算 is the figure, 年初预算数 its budget, the ratio left`, async () => {
      const doc = await readText(page(GENERAL_TITLE, [...heads, ...GENERAL_ROWS]));
      const got = figures(doc, 'general_expense');
      for (const row of ['total', '201', '2010101']) {
        expect([got[`${row}/initial_budget`], got[`${row}/total`], got[`${row}/basic`], got[`${row}/project`]]).toEqual(['90.00', '100.00', '60.00', '40.00']);
      }
      expect(unread(doc)).toEqual([`「${GENERAL_TITLE}」「决算数为年初预算数的%」一列是百分比或比率，未导入`]);
      expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error')).toEqual([]);
    });
  }

  it('two years side by side, each centred over its 合计 | 基本 | 项目, stay apart', async () => {
    const heads = ['\t\t\t2023年预算数\t\t\t2024年预算数\t', '科目编码\t科目名称\t合计\t基本支出\t项目支出\t合计\t基本支出\t项目支出'];
    const rows = ['\t合计\t90.00\t50.00\t40.00\t100.00\t60.00\t40.00', '201\t一般公共服务支出\t90.00\t50.00\t40.00\t100.00\t60.00\t40.00'];
    const doc = await readText(page('2024年部门预算一般公共预算财政拨款支出表', [...heads, ...rows]));
    const got = figures(doc, 'general_expense');
    expect([got['total/prior_year'], got['total/total'], got['total/basic'], got['total/project']]).toEqual(['90.00', '100.00', '60.00', '40.00']);
  });
});

const THREE_TITLE = '2023年度财政拨款“三公”经费支出决算表';
const THREE_ROWS = ['10.00\t2.00\t6.00\t1.00\t5.00\t2.00\t8.00\t1.00\t5.00\t1.00\t4.00\t2.00'];
const THREE_HEADS = {
  spreadsheet: [
    '预算数\t\t\t\t\t\t决算数',
    '合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费',
    '\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t',
  ],
  pdf: [
    '\t\t\t预算数\t\t\t\t\t\t决算数\t\t',
    '\t\t\t公务用车购置及运行费\t\t\t\t\t\t公务用车购置及运行费\t\t',
    '合计\t因公出国（境）费\t小\t公务用车购置\t公务用车运行\t公务接待费\t合计\t因公出国（境）费\t小\t公务用车购置\t公务用车运行\t公务接待费',
    '\t\t计\t费\t费\t\t\t\t计\t费\t费\t',
  ],
};

describe('预算数 | 决算数 each over the six columns of the 三公 items', () => {
  for (const [layout, heads] of Object.entries(THREE_HEADS)) {
    it(`${layout}: every item read under its phase`, async () => {
      const doc = await readText(page(THREE_TITLE, [...heads, ...THREE_ROWS]));
      const got = figures(doc, 'three_public');
      const items = ['total', 'overseas', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'];
      expect(items.map((k) => got[`${k}/initial_budget`])).toEqual(['10.00', '2.00', '6.00', '1.00', '5.00', '2.00']);
      expect(items.map((k) => got[`${k}/total`])).toEqual(['8.00', '1.00', '5.00', '1.00', '4.00', '2.00']);
      expect(unread(doc)).toEqual([]);
    });
  }
});

/**
 * The national 收入决算表 printed on A5 (Chromium, the same HTML): its heads wrap in the narrow columns
 * (「财政拨」 / 「款收入」, 「事业收」 / 「入」, 「其他收」 / 「入」), and the page reader's rows carry the
 * halves. A half that came twice on a row (「入」, 「收入」) was taken for a second panel's heads (a 基本
 * 支出决算表's 科目编码 | 科目名称 | 决算数 printed twice): every row was cut in three, the sources
 * 「无法识别科目编码」 and lost. A panel now repeats two heads at least, in the same places.
 */
describe('a 收入决算表 whose heads wrap in narrow columns', () => {
  const TITLE = '2023年度收入决算表';
  const rows = (heads: readonly string[]) => page(TITLE, [...heads,
    '\t合计\t100.00\t60.00\t10.00\t10.00\t5.00\t5.00\t10.00', '201\t一般公共服务支出\t100.00\t60.00\t10.00\t10.00\t5.00\t5.00\t10.00']);
  const HEADS = {
    'one wrapped half repeated': ['项目\t\t\t\t\t\t\t\t', '\t\t本年收入\t财政拨\t上级补\t事业收\t经营\t附属单位\t其他收', '功能分类科目编码\t科目名称\t合计\t款收入\t助收入\t入\t收入\t上缴收入\t入'],
    'a two-character half three times': ['项目\t\t\t\t\t\t\t\t', '\t\t本年收入\t财政拨款\t上级补\t事业收\t经营\t附属单位\t其他', '功能分类科目编码\t科目名称\t合计\t收入\t助收入\t入\t收入\t上缴收入\t收入'],
  };
  for (const [layout, heads] of Object.entries(HEADS)) {
    it(`${layout}: every source read under its head`, async () => {
      const doc = await readText(rows(heads));
      const got = figures(doc, 'income');
      expect(['total', 'fiscal', 'superior', 'business', 'operating', 'subordinate', 'other'].map((c) => got[`total/${c}`])).toEqual(['100.00', '60.00', '10.00', '10.00', '5.00', '5.00', '10.00']);
      expect(unread(doc)).toEqual([]);
    });
  }
});
