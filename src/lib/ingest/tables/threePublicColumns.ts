import { parseAmountCell } from '../amounts';
import { compact } from '../normalize';
import { threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * The 三公 table printed across instead of down, as Shanghai does: one header row names the items
 * (合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 机关运行经费)
 * and one row below holds their amounts, in column `total`. A 决算 table splits each item into
 * 预算数 | 决算数; only 决算数 is imported (FORMAT.md: 决算 figures are the actuals), and an item's name
 * printed over either of its two columns names both.
 * Returns false when the table is not printed this way.
 */
export function readThreePublicAcross(t: MappedTable, sink: FigureSink): boolean {
  const labelled = t.body.findIndex((r) => new Set(r.cells.map(threePublicLabel).filter(Boolean)).size >= 2);
  if (labelled < 0) return false;
  const dataAt = t.body.findIndex((r, i) => i > labelled && isAmountRow(r.cells, t.fenPerUnit));
  if (dataAt < 0) return true;
  const header = t.body.slice(0, dataAt);
  const width = Math.max(...t.body.map((r) => r.cells.length));
  const phase = (i: number) => header.map((r) => compact(r.cells[i] ?? '')).find((c) => /^(?:预算数|决算数)$/.test(c)) ?? null;
  const paired = Array.from({ length: width }, (_, i) => phase(i)).some((p) => p !== null);
  const keys = Array.from({ length: width }, (_, i) => columnKey(header, i));
  if (paired) {
    // 预算数 | 决算数 pairs share the item name printed over one of them.
    for (let i = 0; i < width; i++) {
      if (phase(i) === '预算数' && phase(i + 1) === '决算数') keys[i] = keys[i + 1] = keys[i] ?? keys[i + 1];
    }
  }
  const final = t.title.stage === 'final';
  for (const row of t.body.slice(dataAt)) {
    if (!isAmountRow(row.cells, t.fenPerUnit)) continue;
    row.cells.forEach((c, i) => {
      if (c === '') return;
      if (paired && phase(i) !== (final ? '决算数' : '预算数')) return;
      const key = keys[i];
      if (!key) {
        sink.warn(`${t.where}第 ${i + 1} 列的数「${c}」没有可对应的项目`, row.lines[i]);
        return;
      }
      sink.addCell('three_public', key, NAMES[key] ?? key, 'total', c, row.lines[i], t.fenPerUnit, t.where);
    });
  }
  return true;
}

const NAMES: Record<string, string> = {
  total: '合计', overseas: '因公出国（境）费', reception: '公务接待费', vehicle: '公务用车购置及运行费',
  vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行费', operating_cost: '机关运行经费',
};

/** The item a column holds: its lowest header word that names one. Under 公务用车, 小计/购置费/运行费 are its parts. */
function columnKey(header: MappedTable['body'], i: number): string | null {
  for (let r = header.length - 1; r >= 0; r--) {
    const c = compact(header[r].cells[i] ?? '');
    if (!c) continue;
    if (/^小计$/.test(c)) return 'vehicle';
    if (/^购置费$/.test(c)) return 'vehicle_purchase';
    if (/^运[行维]*护?费$/.test(c)) return 'vehicle_operation';
    if (/^(?:预算数|决算数)$/.test(c)) continue;
    const k = threePublicLabel(c.replace(/预算数$|决算数$/, ''));
    if (k) return k === 'subtotal' ? null : k;
  }
  return null;
}

function isAmountRow(cells: readonly string[], fenPerUnit: number): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => parseAmountCell(c, fenPerUnit).kind === 'value');
}
