import { compact } from '../normalize';
import { threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { isAmountRow } from './threePublicColumns';
import { THREE_PUBLIC_NAMES } from './threePublicItems';

/**
 * A 决算 三公 table printed across splits each item into 预算数 | 决算数; only 决算数 is imported
 * (FORMAT.md: 决算 figures are the actuals), and an item's name printed over either of its two
 * columns names both. Returns false when the header has no such pairs.
 */
export function readThreePublicPhases(t: MappedTable, sink: FigureSink, dataAt: number): boolean {
  const header = t.body.slice(0, dataAt);
  const width = Math.max(...t.body.map((r) => r.cells.length));
  const phase = (i: number) => header.map((r) => compact(r.cells[i] ?? '')).find((c) => /^(?:预算数|决算数)$/.test(c)) ?? null;
  const phases = Array.from({ length: width }, (_, i) => phase(i));
  if (!phases.some((p) => p !== null)) return false;
  const keys = Array.from({ length: width }, (_, i) => columnKey(header, i));
  // 预算数 | 决算数 pairs share the item name printed over one of them.
  for (let i = 0; i < width; i++) {
    if (phases[i] === '预算数' && phases[i + 1] === '决算数') keys[i] = keys[i + 1] = keys[i] ?? keys[i + 1];
  }
  const wanted = t.title.stage === 'final' ? '决算数' : '预算数';
  for (const row of t.body.slice(dataAt)) {
    if (!isAmountRow(row.cells, t.fenPerUnit)) continue;
    row.cells.forEach((c, i) => {
      if (c === '' || phases[i] !== wanted) return;
      const key = keys[i];
      if (!key) {
        sink.warn(`${t.where}第 ${i + 1} 列的数「${c}」没有可对应的项目`, row.lines[i], { kind: 'unread_cell' });
        return;
      }
      sink.addCell('three_public', key, THREE_PUBLIC_NAMES[key] ?? key, 'total', c, row.lines[i], t.fenPerUnit, t.where);
    });
  }
  return true;
}

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
