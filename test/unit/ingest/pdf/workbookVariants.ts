import type { WorkbookOptions } from '../../../../src/lib/synth/layout/workbook';

/**
 * The layout variants kept as a spreadsheet prints their tables (scripts/libreoffice-workbook-pdfs.ts
 * writes them; the test reads them): the national nine tables in the accounting format (zeros as
 * dashes), Shanghai's A3 in 万元, and Shanghai's 元 with long names wrapped in narrow columns.
 * Between them: 栏次 numbers and heads at the left of their cells over amounts at the right, dashes
 * under heads a column's amounts never reach, a group's head over its columns two lines up
 * (「一般公共预算基本支出」 over 合计 | 人员经费), and in the 元 table heads at the left of cells
 * twice as wide as their amounts, under a group's head set at the left of its merged cell (「收入预算」
 * over 合计 … 其他收入) with a wrapped head beside it (「功能分类科目编」 / 「码」). And two printed at
 * full size on A4, every wide table in bands of columns on pages of their own (pdf/cutPages.ts):
 * a band of amounts, a 收支总表's other side, a band of heads alone, a title merged across the bands.
 */
export const WORKBOOK_VARIANTS: readonly { id: string; file: string; options: WorkbookOptions }[] = [
  { id: 'national-flat-headers', file: 'synth-national-flat-headers-accounting.pdf', options: { zeros: 'dash' } },
  { id: 'shanghai-wan-a3-wrapped-titles', file: 'synth-shanghai-wan-a3-wrapped-titles.pdf', options: { zeros: 'blank' } },
  { id: 'shanghai-yuan-a4-landscape', file: 'synth-shanghai-yuan-a4-landscape-wrapped.pdf', options: { zeros: 'blank', labels: 'wrap' } },
  { id: 'national-numbered-titles', file: 'synth-national-numbered-titles-cut.pdf', options: { zeros: 'blank', paper: 'cut' } },
  { id: 'jiangsu-numbered-titles', file: 'synth-jiangsu-numbered-titles-cut.pdf', options: { zeros: 'blank', paper: 'cut' } },
];
