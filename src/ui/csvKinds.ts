/**
 * The two kinds of CSV, named the same way wherever they are offered: a table for people (opens in
 * Excel, Chinese headers, BOM) and the interchange format for programs (FORMAT.md, reads back in).
 */
export type CsvKind = 'excel' | 'format';

export const CSV_KINDS: Record<CsvKind, { label: string; hint: string; file: string }> = {
  excel: {
    label: 'Excel 表格（CSV）',
    hint: '中文表头与名称，Excel 直接打开不乱码；每行一个数字，金额为万元精确值',
    file: '表格',
  },
  format: {
    label: '交换格式 CSV（供程序读取）',
    hint: '本程序的统一长表格式（每行一个数字，英文键），可再次导入本程序或交给其他程序处理',
    file: '交换格式',
  },
};
