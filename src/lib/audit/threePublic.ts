import type { Fen } from '../model/amount';
import { lineOf, type CheckContext, type Term, type Where } from './context';
import type { DocView } from './docView';
import { OVERSEAS_PARTS, RECEPTION_PARTS, THREE_PUBLIC_PARTS, THREE_PUBLIC_ROWS as N, VEHICLE_PARTS } from '../model/tables/threePublic';
import { factPrecision } from './narrativeStatements';

/** A part's name inside its sum: 「其中：」 and the 公务用车 its whole already says are dropped. */
const short = (row: keyof typeof N) => N[row].replace(/^其中：/, '').replace(/^公务用车(?=.+费$)/, '');
const VEHICLE_RULE = `${N.vehicle} = ${VEHICLE_PARTS.map(short).join(' + ')}`;
const THREE_RULE = `“三公”经费 = ${THREE_PUBLIC_PARTS.map((p) => N[p]).join(' + ')}`;

const TP = 'three_public' as const;

/** The 三公 table prints 合计 (and 财政拨款 kinds); a table with only kind columns is read in 一般公共预算. */
function column(view: DocView): string {
  return view.columns(TP).has('total') ? 'total' : 'general';
}

function at(view: DocView, row: string): Where {
  const f = view.figure(TP, row, column(view));
  return { table: TP, rowCode: row, rowName: f?.rowName, column: column(view), ...lineOf(f, view.tableSeen(TP)) };
}

/**
 * The 三公 amount the table prints: 小计 where printed, else 合计 (Hebei's 合计 is the 三公 total; a
 * Shanghai table adds a separate 机关运行经费 row, which is not part of it).
 */
export function threePublicTotal(view: DocView): { fen: Fen; row: string } | null {
  if (view.state(TP) === 'empty') return { fen: 0, row: 'total' };
  const col = column(view);
  for (const row of ['subtotal', 'total']) {
    const v = view.amount(TP, row, col);
    if (v !== null) return { fen: v, row };
  }
  return null;
}

function table(ctx: CheckContext): void {
  const { view } = ctx;
  const col = column(view);
  const v = (row: string) => view.amount(TP, row, col);
  const total = v('total');
  const subtotal = v('subtotal');
  if (total !== null && subtotal !== null && v('operating_cost') === null) {
    ctx.same(at(view, 'total'), '合计', total, '“三公”经费小计', subtotal);
  }
  // Jiangsu's table adds 会议费 and 培训费 outside the 三公: its 合计 is total_with_meeting_training.
  const withMT = v('total_with_meeting_training');
  if (withMT !== null && (total ?? subtotal) !== null) {
    ctx.sum(at(view, 'total_with_meeting_training'), '合计（含会议费、培训费）', withMT,
      [{ label: '“三公”经费小计', fen: total ?? subtotal }, { label: '会议费', fen: v('meeting') }, { label: '培训费', fen: v('training') }], '合计 = “三公”经费小计 + 会议费 + 培训费');
  }
  const overseas = v('overseas');
  const parts = OVERSEAS_PARTS.map((r) => ({ label: short(r), fen: v(r) }));
  if (overseas !== null && parts.some((p) => p.fen !== null)) ctx.sum(at(view, 'overseas'), N.overseas, overseas, parts, `${N.overseas} = 其中各项之和`);
  const reception = v('reception');
  const receptionParts = RECEPTION_PARTS.map((r) => ({ label: short(r), fen: v(r) }));
  if (reception !== null && receptionParts.some((p) => p.fen !== null)) ctx.sum(at(view, 'reception'), N.reception, reception, receptionParts, `${N.reception} = 国内 + 国（境）外`);
  const [purchase, operation] = VEHICLE_PARTS.map(v);
  let vehicle = v('vehicle');
  if (vehicle !== null && (purchase !== null || operation !== null)) {
    ctx.sum(at(view, 'vehicle'), N.vehicle, vehicle, VEHICLE_PARTS.map((r, i) => ({ label: short(r), fen: [purchase, operation][i] })), VEHICLE_RULE);
  }
  if (vehicle === null && (purchase !== null || operation !== null)) vehicle = (purchase ?? 0) + (operation ?? 0);
  const tp = threePublicTotal(view);
  if (!tp) return;
  const terms: Term[] = THREE_PUBLIC_PARTS.map((p) => ({ label: N[p], fen: p === 'vehicle' ? vehicle : v(p) }));
  if (terms.every((t) => t.fen === null) && tp.fen === 0) return;
  ctx.sum(at(view, tp.row), '“三公”经费', tp.fen, terms, THREE_RULE);
}

function fact(view: DocView, key: string): { fen: Fen; where: Where } | null {
  const f = view.figure('facts', key, 'amount');
  return f ? { fen: f.amount, where: { table: 'facts', rowCode: key, rowName: f.rowName, column: 'amount', ...lineOf(f) } } : null;
}

/** The narrative's 三公 total against the parts it states, and against the table. */
function narrative(ctx: CheckContext): void {
  const { view } = ctx;
  const total = fact(view, 'three_public_total');
  if (!total) return;
  const s = (k: string) => fact(view, `three_public_${k}`)?.fen ?? null;
  const [purchase, operation] = VEHICLE_PARTS.map(s);
  let vehicle = s('vehicle');
  const vw = fact(view, 'three_public_vehicle');
  if (vw && vehicle !== null && purchase !== null && operation !== null) {
    ctx.sum(vw.where, `说明中的${N.vehicle}`, vehicle, VEHICLE_PARTS.map((r, i) => ({ label: short(r), fen: [purchase, operation][i] })), VEHICLE_RULE);
  }
  if (vehicle === null && (purchase !== null || operation !== null)) vehicle = (purchase ?? 0) + (operation ?? 0);
  // Only when the narrative states every part: a narrative that names the total alone states no parts.
  const stated = THREE_PUBLIC_PARTS.map((p) => ({ label: N[p], fen: p === 'vehicle' ? vehicle : s(p) }));
  if (stated.every((t) => t.fen !== null)) {
    ctx.sum(total.where, '说明中的“三公”经费', total.fen, stated, `说明中的“三公”经费 = 其所列${THREE_PUBLIC_PARTS.map((p) => N[p]).join(' + ')}`);
  }
  if (!ctx.need([TP], '说明中的“三公”经费与三公表')) return;
  const tp = threePublicTotal(view);
  if (tp) ctx.same(total.where, '说明中的“三公”经费', total.fen, '“三公”经费表', tp.fen, factPrecision(view, 'three_public_total', total.fen));
}

/** Check 7: 三公 小计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护; the narrative against both. */
export function checkThreePublic(ctx: CheckContext): void {
  const state = ctx.view.state(TP);
  if (state === 'present') table(ctx);
  else if (state === 'empty') ctx.comparisons++;
  narrative(ctx);
  if (!ctx.comparisons && !ctx.notRun.length) ctx.need([TP], '“三公”经费表');
}
