import type { SynthDocument } from '../model';
import { FigurePrinter, MONEY_LABEL, type LayoutFigure, type LayoutTableKey, type MoneyUnit } from '../money';
import type { JiangsuExtras, JiangsuTotals } from '../jiangsuModel';
import type { Cell, SheetTable } from './sheet';
import { printTitle, type TitleStyle } from './titles';

/** What every Jiangsu table is built from. */
export interface JiangsuContext {
  doc: SynthDocument;
  x: JiangsuExtras;
  jt: JiangsuTotals;
  unit: MoneyUnit;
  titles: TitleStyle;
  /** A3 pages: the unit's name sits in a narrow cell and wraps (「部门：合成测试第0012号单 / 位」). */
  narrowMeta: boolean;
  /** Tables follow each other on a page (Jiangsu's A4 documents) instead of one per page. */
  flow: boolean;
}

export type JiangsuPart = { table: SheetTable; figures: LayoutFigure[] };

/** 公开01表 … 公开12表, in print order; `suffix` is printed only in the suffixed title style. */
export const JIANGSU_TITLES: readonly [string, string][] = [
  ['收支预算总表', ''], ['收入预算总表', ''], ['支出预算总表', ''], ['财政拨款收支预算总表', ''],
  ['财政拨款支出预算表', '（功能科目）'], ['财政拨款基本支出预算表', '（经济科目）'],
  ['一般公共预算支出预算表', '（功能科目）'], ['一般公共预算基本支出预算表', '（经济科目）'],
  ['一般公共预算“三公”经费、会议费、培训费支出预算表', ''], ['政府性基金预算财政拨款支出预算表', ''],
  ['一般公共预算机关运行经费支出预算表', ''], ['政府采购支出预算表', ''],
];

/** Title, 公开NN表 prefix and furniture of the `index`-th table. */
export function frame(c: JiangsuContext, index: number): Pick<SheetTable, 'prefix' | 'title' | 'meta' | 'metaWidth' | 'newPage'> {
  const [base, suffix] = JIANGSU_TITLES[index];
  const t = printTitle(base + (c.titles.suffixed ? suffix : ''), index, c.titles, c.doc);
  return {
    prefix: t.prefix,
    title: t.lines,
    meta: [`${c.narrowMeta ? '部门：' : '部门名称：'}${c.doc.unitName}`, `单位：${MONEY_LABEL[c.unit]}`],
    ...(c.narrowMeta ? { metaWidth: '11em' } : {}),
    // The first table follows the 「第二部分」 heading; the others start a page unless tables flow.
    newPage: index > 0 && !c.flow,
  };
}

export const printer = (c: JiangsuContext, table: LayoutTableKey) => new FigurePrinter(table, { unit: c.unit });
export const num = (text: string): Cell => ({ text, num: true });
export const lbl = (text: string, span?: { colspan?: number; rowspan?: number }): Cell => ({ text, label: true, ...span });
