import { describe, expect, it } from 'vitest';
import { cellFen, parseAmountCell } from '../../../src/lib/ingest/amounts';
import { FEN_PER_WAN, FEN_PER_YUAN, parseDecimal } from '../../../src/lib/model/amount';

/** The fast path for plain amounts must give exactly what parseDecimal gives (amounts.ts). */
describe('parseAmountCell on plain decimals', () => {
  const texts = ['0', '00', '7', '12.', '0.5', '1234.56', '1234.567891', '1.2300000', '1.2345678', '999999999.999999',
    '1000000000.5', '12345678901234', '007.10', '3.1', '3.14', '3.141', '0.000001', '0.0000001', '25.00', '1.', '.5'];
  for (const unit of [FEN_PER_WAN, FEN_PER_YUAN]) {
    it(`matches parseDecimal (${unit} fen per printed unit)`, () => {
      for (const t of texts) {
        const fen = parseDecimal(t, unit);
        const cell = parseAmountCell(t, unit);
        expect(cell, t).toEqual(fen === null ? { kind: 'bad', text: t } : { kind: 'value', fen });
      }
    });
  }
  it('a random sample of plain decimals matches parseDecimal', () => {
    let x = 12345;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    for (let i = 0; i < 5000; i++) {
      const whole = String(rnd(10 ** (1 + rnd(9))));
      const t = rnd(4) === 0 ? whole : `${whole}.${String(rnd(10 ** 8)).padStart(rnd(9), '0').slice(0, rnd(9))}`;
      for (const unit of [FEN_PER_WAN, FEN_PER_YUAN]) {
        const fen = parseDecimal(t, unit);
        expect(parseAmountCell(t, unit), t).toEqual(fen === null ? { kind: 'bad', text: t } : { kind: 'value', fen });
      }
    }
  });
});

/** cellFen is parseAmountCell without an object per cell (FigureSink.addCell, issue #17). */
describe('cellFen says what parseAmountCell says', () => {
  const pieces = ['', '0', '1', '12', '345', '.', '．', ',', '，', '-', '－', '—', '(', ')', '（', '）', ' ', '\u3000', '无', '空', '/', '万', 'x', '1234.56', '0.000001'];
  let seed = 77;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  it('on 10,000 random cells, in 万元 and in 元', () => {
    for (let i = 0; i < 10000; i++) {
      const text = Array.from({ length: rnd(5) }, () => pieces[rnd(pieces.length)]).join('');
      for (const unit of [FEN_PER_WAN, FEN_PER_YUAN]) {
        const cell = parseAmountCell(text, unit);
        expect(cellFen(text, unit), text).toBe(cell.kind === 'value' ? cell.fen : cell.kind);
        // A value holds a digit: tables/paired.ts asks the parser only about cells that do.
        if (cell.kind === 'value') expect(text, text).toMatch(/\d/);
      }
    }
  });
});

/**
 * A cell that names its unit (a county's Word table: 「1550.13万元」) was 「无法读取」. It is read in the
 * unit it names, whatever the table's unit line says; a word that only ends in 元 is no amount.
 */
describe('a cell with its unit', () => {
  it.each([
    ['1550.13万元', FEN_PER_WAN, 1_550_130_000], ['1550.13万元', FEN_PER_YUAN, 1_550_130_000], ['52800元', FEN_PER_WAN, 5_280_000],
    ['0.16亿元', FEN_PER_WAN, 1_600_000_000], ['12.5千元', FEN_PER_WAN, 1_250_000], ['1,550.13 万元', FEN_PER_WAN, 1_550_130_000],
    ['（12.00万元）', FEN_PER_WAN, -12_000_000],
  ])('「%s」 in a table of %i fen per unit', (text, unit, fen) => {
    expect(parseAmountCell(text, unit)).toEqual({ kind: 'value', fen });
    expect(cellFen(text, unit)).toBe(fen);
  });

  it.each(['万元', '元', '单位：万元', '约5万元左右', '5万'])('「%s」 is none', (text) => {
    expect(parseAmountCell(text, FEN_PER_WAN).kind).not.toBe('value');
  });
});

/** 「△」 marks a decrease in Chinese finance tables: a sign, only in front of the digits. */
describe('the decrease mark △', () => {
  it('reads 「△12.00」 as −12.00, in 万元 and in 元, with separators', () => {
    expect(parseAmountCell('△12.00')).toEqual({ kind: 'value', fen: -12 * FEN_PER_WAN });
    expect(parseAmountCell('△ 1,234.5', FEN_PER_YUAN)).toEqual({ kind: 'value', fen: -123450 });
    expect(cellFen('△0.01', FEN_PER_WAN)).toBe(-10000);
  });
  it('is no sign elsewhere, nor twice', () => {
    for (const t of ['12△', '△', '△-12', '(△12)', '1△2']) expect(parseAmountCell(t).kind, t).toBe('bad');
  });
});
