import { CHINESE_ORDINALS } from '../catalog';
import { jiangsuExtras, jiangsuTotals } from '../jiangsuModel';
import type { SynthDocument } from '../model';
import type { LayoutFigure, MoneyUnit } from '../money';
import { withoutCarryover } from '../precision';
import { codedTables } from './jiangsuCoded';
import { JIANGSU_TITLES, type JiangsuContext } from './jiangsuFrame';
import { jiangsuStory } from './jiangsuNarrative';
import { expenseTable, fiscalSummaryTable, incomeTable, summaryTable } from './jiangsuTables';
import type { Block } from './sheet';
import type { TitleStyle } from './titles';

export interface JiangsuOptions {
  unit: MoneyUnit;
  titles: TitleStyle;
  /** A3 tables: one per page, the unit's name wrapping in a narrow cell (as Jiangsu's A3 exports). */
  a3: boolean;
}

export interface JiangsuDocument {
  /** Cover and 第一部分 部门概况. */
  intro: Block[];
  /** 第二部分: the twelve tables (公开01表–公开12表). */
  tables: Block[];
  /** The cover and 目录 a tables-only PDF starts with. */
  tablesCover: Block[];
  /** 第三部分 情况说明. */
  story: Block[];
  figures: LayoutFigure[];
}

/**
 * A Jiangsu-template twelve-table 部门预算 (FORMAT.md, last section): the 12 tables, the narrative,
 * and every figure they print. Nothing is paid from 上年结转 (its rows print blank).
 */
export function jiangsuDocument(source: SynthDocument, o: JiangsuOptions): JiangsuDocument {
  const doc = withoutCarryover(source);
  const x = jiangsuExtras(doc);
  const c: JiangsuContext = { doc, x, jt: jiangsuTotals(doc, x), unit: o.unit, titles: o.titles, narrowMeta: o.a3, flow: !o.a3 };
  const parts = [summaryTable(c), incomeTable(c), expenseTable(c), fiscalSummaryTable(c), ...codedTables(c)];
  const story = jiangsuStory(c);
  const y = doc.year;
  return {
    intro: [
      { kind: 'cover', lines: [doc.unitName, `${y} 年度部门预算公开`] },
      { kind: 'heading', text: '第一部分 部门概况' },
      { kind: 'heading', text: '一、主要职能' },
      { kind: 'para', text: '本文件由 Budget Lens 的合成数据生成器产生，仅用于测试：单位名称、编码和数字均为虚构，不代表任何真实单位。' },
      { kind: 'heading', text: '二、部门机构设置及预算单位构成情况' },
      { kind: 'para', text: `从预算单位构成看，纳入本部门${y}年度部门汇总预算编制范围的预算单位共 1 家，即${doc.unitName}本级。` },
    ],
    tables: [{ kind: 'pageBreak' }, { kind: 'heading', text: `第二部分 ${y} 年度部门预算表` }, ...parts.map((p) => ({ kind: 'table' as const, table: p.table }))],
    tablesCover: [
      { kind: 'cover', lines: [`${y}年度`, '省级部门预算公开报表', `部 门：${doc.unitName}`] },
      { kind: 'heading', text: '目 录' },
      ...JIANGSU_TITLES.map(([title], i) => ({ kind: 'para' as const, text: `${CHINESE_ORDINALS[i]}、${title}` })),
    ],
    story: [{ kind: 'pageBreak' }, ...story.blocks],
    figures: [...parts.flatMap((p) => p.figures), ...story.figures],
  };
}
