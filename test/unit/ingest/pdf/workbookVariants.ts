/**
 * The layout variants kept as a spreadsheet prints their tables (scripts/libreoffice-workbook-pdfs.ts
 * writes them; the test reads them): the national nine tables with merged heads and Shanghai's A3 in
 * 万元. Between them: 栏次 numbers and heads at the left of their cells over amounts at the right,
 * and a group's head over its columns two lines up (「一般公共预算基本支出」 over 合计 | 人员经费).
 */
export const WORKBOOK_VARIANTS = ['national-merged-headers', 'shanghai-wan-a3-wrapped-titles'] as const;
