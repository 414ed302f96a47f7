import type { Fen } from '../../model/amount';
import { fiscalRows, fundRows } from '../jiangsuModel';
import type { LayoutTableKey } from '../money';
import { economicRows, functionRows, totals } from '../totals';
import { frame, lbl, num, printer, type JiangsuContext, type JiangsuPart } from './jiangsuFrame';
import type { Cell } from './sheet';

type Line = { code: string; name: string; amount: Fen };

/**
 * A coded table of one amount column (column `total`): 合计 first, then 类/款/项 (or 经济分类 类/款)
 * with the code in one piece. An empty table prints its 合计 as 0, as Jiangsu does.
 */
function codedTable(c: JiangsuContext, table: LayoutTableKey, index: number, kind: 'function' | 'economic', amountLabel: string, lines: Line[]): JiangsuPart {
  const p = printer(c, table);
  const total = lines.filter((l) => l.code.length === 3).reduce((s, l) => s + l.amount, 0);
  const body: Cell[][] = [
    [{ text: '' }, lbl('合计'), num(lines.length ? p.cell(total, 'total', 'total', '合计') : p.zero(0, 'total', 'total', '合计'))],
    ...lines.map((l) => [{ text: l.code }, lbl(l.name), num(p.cell(l.amount, l.code, 'total', l.name))]),
  ];
  const header: Cell[][] = [[{ text: kind === 'function' ? '功能科目编码' : '科目编码' }, { text: kind === 'function' ? '功能科目名称' : '科目名称' }, { text: amountLabel }]];
  return { table: { ...frame(c, index), header, body, widths: ['14%', null, '22%'] }, figures: p.figures };
}

const byFunction = (rows: ReturnType<typeof functionRows>): Line[] => rows.map((r) => ({ code: r.code, name: r.name, amount: r.basic + r.project }));

/** 公开05–12表. */
export function codedTables(c: JiangsuContext): JiangsuPart[] {
  const economic: Line[] = economicRows(c.doc).map((r) => ({ code: r.code, name: r.name, amount: r.personnel + r.public }));
  const operating: Line[] = economicRows(c.doc).filter((r) => r.code.startsWith('302')).map((r) => ({ code: r.code, name: r.name, amount: r.public }));
  return [
    codedTable(c, 'fiscal_expense', 4, 'function', '金额', byFunction(fiscalRows(c.doc, c.x))),
    codedTable(c, 'fiscal_basic_expense', 5, 'economic', '基本支出', economic),
    codedTable(c, 'general_expense', 6, 'function', '金额', byFunction(functionRows(c.doc))),
    codedTable(c, 'basic_expense', 7, 'economic', '基本支出', economic),
    threePublicTable(c),
    codedTable(c, 'fund_expense', 9, 'function', '金额', byFunction(fundRows(c.doc, c.x))),
    codedTable(c, 'operating_cost', 10, 'economic', '机关运行经费支出', operating),
    procurementTable(c),
  ];
}

/**
 * 公开09表: one row under a three-level header. Its 合计 includes 会议费 and 培训费; the “三公”经费
 * 小计 is both `total` and `subtotal` (FORMAT.md: `total` means the 三公 alone in every region).
 */
function threePublicTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'three_public');
  const tp = c.doc.threePublic;
  const t = totals(c.doc);
  const sub = p.cell(t.threePublic, 'subtotal', 'total', '“三公”经费小计');
  p.also(t.threePublic, 'total', 'total', '“三公”经费小计');
  const row: Cell[] = [
    num(p.cell(t.threePublic + c.x.meeting + c.x.training, 'total_with_meeting_training', 'total', '合计')), num(sub),
    num(p.cell(tp.overseas, 'overseas', 'total', '因公出国（境）费')), num(p.cell(t.vehicle, 'vehicle', 'total', '公务用车购置及运行维护费')),
    num(p.cell(tp.vehiclePurchase, 'vehicle_purchase', 'total', '公务用车购置费')), num(p.cell(tp.vehicleOperation, 'vehicle_operation', 'total', '公务用车运行维护费')),
    num(p.cell(tp.reception, 'reception', 'total', '公务接待费')), num(p.cell(c.x.meeting, 'meeting', 'total', '会议费')), num(p.cell(c.x.training, 'training', 'total', '培训费')),
  ];
  const header: Cell[][] = [
    [{ text: '合计', rowspan: 3 }, { text: '“三公”经费', colspan: 6 }, { text: '会议费', rowspan: 3 }, { text: '培训费', rowspan: 3 }],
    [{ text: '小计', rowspan: 2 }, { text: '因公出国（境）费', rowspan: 2 }, { text: '公务用车购置及运行维护费', colspan: 3 }, { text: '公务接待费', rowspan: 2 }],
    [{ text: '小计' }, { text: '公务用车购置费' }, { text: '公务用车运行维护费' }],
  ];
  return { table: { ...frame(c, 8), header, body: [row] }, figures: p.figures };
}

/** 公开12表 政府采购支出预算表: 合计 and the three categories (货物 A, 工程 B, 服务 C). */
function procurementTable(c: JiangsuContext): JiangsuPart {
  const p = printer(c, 'procurement');
  const pr = c.x.procurement;
  const lines: [string, string, string, Fen][] = [
    ['合计', '', 'total', pr.goods + pr.works + pr.services], ['一、货物', 'A', 'goods', pr.goods], ['二、工程', 'B', 'works', pr.works], ['三、服务', 'C', 'services', pr.services],
  ];
  const body = lines.map(([name, code, key, v]) => [lbl(name), { text: code }, num(p.cell(v, key, 'total', name))]);
  return { table: { ...frame(c, 11), header: [[{ text: '采购品目大类' }, { text: '品目编码' }, { text: '总计' }]], body }, figures: p.figures };
}
