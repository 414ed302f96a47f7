import { describe, expect, it } from 'vitest';
import { columnKeys, columnSpecs, headerKey, readHeaderWords } from '../../../../src/lib/ingest/tables/columns';
import type { Row } from '../../../../src/lib/ingest/lines';
import type { TableKey } from '../../../../src/lib/model/keys';

const row = (cells: string[]): Row => ({ cells, lines: cells.map(() => 1), line: 1 });
const TABLES: TableKey[] = ['income', 'expense', 'general_expense', 'basic_expense', 'fiscal_basic_expense', 'operating_cost'];

describe('readHeaderWords: the header read once for keys, count and places', () => {
  it('no spec names an empty or all-digit cell (they are skipped unread)', () => {
    for (const table of TABLES) for (const stage of ['budget', 'final'] as const) {
      for (const spec of columnSpecs(table, stage)) for (const c of ['', '1', '12', '2080501']) expect(spec.header.test(c), `${spec.key} 「${c}」`).toBe(false);
    }
  });

  it('keys named anywhere, and each word over its column', () => {
    const header = [row(['序号', '功能分类科目', '', '合计', '基本支出', '项目支出']), row(['栏次', '1', '2', '3', '4', '5'])];
    const words = readHeaderWords('general_expense', header);
    expect([...words.found].sort()).toEqual(['basic', 'project', 'total']);
    expect([...words.placed]).toEqual([[3, 'total'], [4, 'basic'], [5, 'project']]);
    expect(columnKeys('general_expense', header, 3)).toEqual(['total', 'basic', 'project']);
  });

  it('a word printed over two columns places none (its words are not in place)', () => {
    const words = readHeaderWords('general_expense', [row(['合计', '基本支出']), row(['', '合计'])]);
    expect(words.placed.size).toBe(0);
    expect([...words.found].sort()).toEqual(['basic', 'total']);
  });

  it('a 决算 reads its budget words; a 预算 does not', () => {
    const words = readHeaderWords('expense', [row(['预算数', '合计'])], 'final');
    expect([...words.placed]).toEqual([[0, 'initial_budget'], [1, 'total']]);
    expect([...readHeaderWords('expense', [row(['预算数', '合计'])], 'budget').placed]).toEqual([[1, 'total']]);
  });

  it('names the keys each spec names, cell by cell, for every table and stage (one test rules cells out first)', () => {
    const words = ['合计', '总计', '本年支出合计', '决算数', '基本支出', '项目支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出', '预留机动经费', '结转下年资金',
      '小计', '财政拨款收入', '财政专户管理资金收入', '单位资金', '事业收入', '经营收入', '上级补助收入', '附属部门上缴收入', '其他收入', '上年结转结余',
      '人员经费合计', '日常公用经费', '年初预算数', '预算数', '全年预算数', '调整后预算', '序号', '科目编码', '科目名称', '功能分类科目', '金额', '支出'];
    for (const table of TABLES) for (const stage of ['budget', 'final'] as const) {
      const specs = columnSpecs(table, stage);
      for (const w of words) {
        const expected = specs.filter((s) => s.header.test(w)).map((s) => s.key);
        expect([...readHeaderWords(table, [row([w])], stage).found], `${table} ${stage} 「${w}」`).toEqual(expected);
      }
    }
  });
});

/** 收入总表 column words in older and 事业单位 wordings, each once unknown and its column left. */
describe('income column words in other wordings', () => {
  it.each([
    ['财政拨款（补助）', 'fiscal'], ['纳入专户管理的非税收入', 'special_account'], ['纳入财政专户管理的非税收入', 'special_account'],
    ['上年财政拨款结转', 'carryover'], ['年初结转和结余', 'carryover'], ['上年结转', 'carryover'], ['事业收入', 'business'],
  ] as const)('「%s」', (word, key) => {
    expect(headerKey('income', word)).toBe(key);
  });
});

/** Expense column words with 支出 spelled out (人员经费支出, 公用经费支出) and a 合计 named 支出合计. */
describe('expense column words in other wordings', () => {
  it.each([
    ['general_expense', '人员经费支出', 'personnel'], ['general_expense', '公用经费支出', 'public'], ['general_expense', '支出合计', 'total'],
    ['basic_expense', '人员经费支出', 'personnel'], ['basic_expense', '公用经费支出', 'public'], ['basic_expense', '支出合计', 'total'],
    ['expense', '本年支出合计', 'total'], ['general_expense', '项目支出', 'project'],
  ] as const)('%s 「%s」', (table, word, key) => {
    expect(headerKey(table, word)).toBe(key);
  });
});
