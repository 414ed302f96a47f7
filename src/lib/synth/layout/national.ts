import { parseDecimal } from '../../model/amount';
import { FACT_NAMES } from '../../model/keys';
import type { SynthDocument } from '../model';
import { formatMoney, MONEY_LABEL, type LayoutFigure, type MoneyUnit } from '../money';
import { narrative } from '../narrative';
import { documentTables, type TableSpec } from '../tables';
import { spanHeader, type Block, type Cell, type SheetTable } from './sheet';
import { printTitle, type TitleStyle } from './titles';

/**
 * The national nine-table 部门预算 (the Hebei seeds' template) as printable blocks: the same tables
 * and narrative as the text renderer (tables.ts, narrative.ts), with merged header cells, amounts in
 * 万元 or 元, and titles in any TitleStyle. The 绩效目标表 are left out: they print no figure, and the
 * seeds' PDF test already reads them after a narrative.
 */
export interface NationalOptions {
  unit: MoneyUnit;
  titles: TitleStyle;
  /** Cells never wrap (landscape pages, like the seeds' PDFs); otherwise long labels and headers wrap in their cells. */
  nowrap: boolean;
  /** Header rows printed cell by cell, merged cells left blank (the seeds' PDFs), instead of rowspan/colspan. */
  flatHeaders?: boolean;
}

const AMOUNT = /^-?\d+\.\d+$/;

/** Row names for the figures of the narrative and the labelled rows (the CSV a developer reads). */
function rowNameOf(spec: TableSpec, rowCode: string): string {
  if (rowCode === 'total') return '合计';
  for (const r of spec.rows) {
    const i = r.indexOf(rowCode);
    if (i >= 0 && r[i + 1]) return r[i + 1];
  }
  return rowCode;
}

function sheet(doc: SynthDocument, spec: TableSpec, index: number, o: NationalOptions): SheetTable {
  const title = printTitle(spec.title, index, o.titles, doc);
  const body: Cell[][] = spec.rows.map((r) =>
    r.map((c, i) => {
      if (!AMOUNT.test(c)) return { text: c, label: i > 0 && /\D/.test(c) };
      // The spec prints 万元 exactly (formatWan); parse it back to fen and print in the layout's unit.
      return { text: formatMoney(parseDecimal(c)!, o.unit, false), num: true };
    }),
  );
  return {
    prefix: title.prefix,
    title: title.lines,
    meta: [`${doc.unitCode} ${doc.unitName}`, `预算年度：${doc.year}`, `单位：${MONEY_LABEL[o.unit]}`],
    // Flat: as the seeds were printed, 栏次 numbers right-aligned like the amounts under them.
    header: o.flatHeaders ? spec.header.map((r) => r.map((text) => ({ text, num: /^\d+$/.test(text) }))) : spanHeader(spec.header),
    body,
    note: spec.emptyNote,
    nowrap: o.nowrap,
    headerLeft: o.flatHeaders,
  };
}

export function nationalBlocks(doc: SynthDocument, o: NationalOptions): { blocks: Block[]; figures: LayoutFigure[] } {
  const { specs, figures } = documentTables(doc);
  const byTable = new Map(specs.map((s) => [s.table, s]));
  const story = narrative(doc);
  const blocks: Block[] = [{ kind: 'cover', lines: [doc.unitName, `${doc.year} 年部门预算信息公开`] }];
  specs.forEach((s, i) => blocks.push({ kind: 'table', table: sheet(doc, s, i, o) }));
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', text: story.title });
  for (const p of story.paragraphs) blocks.push(/^[一二三四五六七八九十]+、/.test(p) ? { kind: 'heading', text: p } : { kind: 'para', text: p });
  const named: LayoutFigure[] = figures.map((f) => ({ ...f, rowName: rowNameOf(byTable.get(f.table)!, f.rowCode) }));
  const facts: LayoutFigure[] = story.figures.map((f) => ({ ...f, rowName: FACT_NAMES[f.rowCode] ?? f.rowCode }));
  return { blocks, figures: [...named, ...facts] };
}
