import { describe, expect, it } from 'vitest';
import { settleGuessedUnits } from '../../../../src/lib/ingest/tables/unitGuess';
import type { MappedTable } from '../../../../src/lib/ingest/tables/prepare';
import type { Figure, ImportWarning } from '../../../../src/lib/model/document';
import { FEN_PER_WAN, FEN_PER_YUAN } from '../../../../src/lib/model/amount';

const fig = (table: Figure['table'], rowCode: string, amount: number): Figure => ({ table, rowCode, rowName: '', column: 'total', amount, source: { line: 1 } });
/** A 收入总表 that printed no unit, read in 万元 (the default). */
const table = { table: 'income', where: '「收入总表」', line: 3, title: { title: '收入总表' }, fenPerUnit: FEN_PER_WAN, unitStated: undefined, unitUnread: undefined } as unknown as MappedTable;
/** 「1,234.56」 read in 万元, and in 元. */
const wan = (printed: number) => Math.round(printed * FEN_PER_WAN);
const yuan = (printed: number) => Math.round(printed * FEN_PER_YUAN);

function settle(others: Figure[], printed: number[]): { figures: Figure[]; warnings: ImportWarning[] } {
  const figures = [...others, ...printed.map((p, i) => fig('income', String(201 + i), wan(p)))];
  const warnings: ImportWarning[] = [];
  settleGuessedUnits(figures, [{ t: table, from: others.length, to: figures.length }], warnings);
  return { figures: figures.slice(others.length), warnings };
}

describe('a guessed money unit settled by the document’s own amounts', () => {
  it('takes the unit in which two of the table’s amounts or more are other tables’ amounts', () => {
    const { figures, warnings } = settle([fig('expense', 'total', yuan(31214205.8)), fig('expense', '201', yuan(22186440.8))], [31214205.8, 22186440.8, 5.5]);
    expect(figures.map((f) => f.amount)).toEqual([yuan(31214205.8), yuan(22186440.8), yuan(5.5)]);
    expect(warnings.map((w) => w.message)).toEqual(['「收入总表」没有印金额单位，其中 2 个金额与本文件其他表的金额在「元」下相同，按「元」读取，请与原件核对']);
    expect(warnings[0]).toMatchObject({ table: 'income', source: { line: 3 } });
  });

  it('keeps the guess on one agreeing amount, or where the guessed unit agrees as often', () => {
    const one = settle([fig('expense', 'total', yuan(31214205.8))], [31214205.8, 22186440.8]);
    expect(one.figures.map((f) => f.amount)).toEqual([wan(31214205.8), wan(22186440.8)]);
    expect(one.warnings).toEqual([]);
    const tie = settle([fig('expense', 'total', yuan(100)), fig('expense', '201', yuan(200)), fig('summary', 'a', wan(100)), fig('summary', 'b', wan(200))], [100, 200]);
    expect(tie.figures.map((f) => f.amount)).toEqual([wan(100), wan(200)]);
  });

  it('counts no zero (it is every unit’s), and rescales exactly', () => {
    const zeros = settle([fig('expense', 'a', 0), fig('expense', 'b', 0)], [0, 0]);
    expect(zeros.warnings).toEqual([]);
    expect(zeros.figures.map((f) => f.amount)).toEqual([0, 0]);
    // 0.01 read in 万元 is 10,000 fen: in 元, one fen.
    const { figures } = settle([fig('expense', 'a', yuan(50)), fig('expense', 'b', yuan(70))], [50, 70, 0.01]);
    expect(figures.map((f) => f.amount)).toEqual([yuan(50), yuan(70), 1]);
    // 1.2345 read in 万元 is 1,234,500 fen: in 元 a fraction of a fen, so the table is no table in 元.
    const fraction = settle([fig('expense', 'a', yuan(50)), fig('expense', 'b', yuan(70))], [50, 70, 1.2345]);
    expect(fraction.figures.map((f) => f.amount)).toEqual([wan(50), wan(70), 1234500]);
    expect(fraction.warnings).toEqual([]);
  });
});
