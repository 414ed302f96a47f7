import { FEN_PER_WAN, MONEY_UNITS } from '../model/amount';
import type { Figure, ImportWarning, RawTable, TableSeen } from '../model/document';
import { compact } from '../ingest/normalize';
import { labelText } from '../ingest/tables/labels';
import { FigureSink } from '../ingest/tables/sink';
import { isLabelKind } from './kinds';
import { SPECIAL_ROLES, type LayoutProfile } from './types';

/** What a figure read through a profile says of its source. */
export function profileSource(name: string): string {
  return `按版式配置 ${name} 读取`;
}

export interface Applied {
  figures: Figure[];
  table: TableSeen;
  warnings: ImportWarning[];
}

/**
 * The figures of a raw table read through a profile. Coded tables: the row key is the code's digits
 * (split 类/款/项 columns joined), 合计/总计 without a code is `total`. Label tables: each amount
 * column reads the label in the nearest name column to its left (a 收支总表 prints income and
 * expense side by side), and the label's row key comes from the profile. Rows that repeat the
 * header (a new page) or carry 栏次 are skipped. Every figure's source names the profile.
 */
export function applyProfile(raw: RawTable, profile: LayoutProfile): Applied {
  const warnings: ImportWarning[] = [];
  const sink = new FigureSink(warnings);
  const kind = profile.kind;
  const where = `「${raw.title}」（${profileSource(profile.name)}）`;
  sink.reading(kind, raw.title);
  const fenPerUnit = MONEY_UNITS[raw.unit ?? '万元'] ?? FEN_PER_WAN;
  const line = raw.source.line;
  const roles = profile.columns;
  const amountCols = roles.map((r, i) => (isAmountRole(r) ? i : -1)).filter((i) => i >= 0);
  const headers = new Set(raw.header.map(rowText));
  const labels = new Map(profile.rows.map((r) => [`${r.column}|${r.label}|${r.occurrence ?? 0}`, r.row]));
  const seen = new Map<string, number>();
  const unknownLabels = new Set<string>();

  for (const cells of raw.body) {
    if (headers.has(rowText(cells)) || /^栏次$/.test(compact(cells.find((c) => c.trim()) ?? ''))) continue;
    if (isLabelKind(kind)) {
      // Which time each label of this row is printed in its column (counted whether or not it has amounts).
      const occurrence = new Map<number, number>();
      roles.forEach((r, i) => {
        const label = r === 'name' ? labelText(cells[i] ?? '') : '';
        if (!label) return;
        const n = seen.get(`${i}|${label}`) ?? 0;
        seen.set(`${i}|${label}`, n + 1);
        occurrence.set(i, n);
      });
      for (const col of amountCols) {
        const labelCol = nameColumnBefore(roles, col);
        const printed = labelCol < 0 ? '' : (cells[labelCol] ?? '').trim();
        const label = labelText(printed);
        const cell = cells[col] ?? '';
        if (!label || !cell.trim()) continue;
        const row = labels.get(`${labelCol}|${label}|${occurrence.get(labelCol) ?? 0}`);
        if (!row) {
          if (!unknownLabels.has(label)) sink.warn(`${where}的行「${printed}」在版式配置中没有对应的行，未导入`, line, { kind: 'unread_row' });
          unknownLabels.add(label);
          continue;
        }
        sink.addCell(kind, row, printed, roles[col], cell, line, fenPerUnit, where);
      }
      continue;
    }
    const row = codedRow(cells, roles);
    if (!row) {
      if (amountCols.some((c) => (cells[c] ?? '').trim())) {
        sink.warn(`${where}中有一行没有科目编码（「${cells.filter((c) => c.trim()).join(' ').slice(0, 40)}」），未导入`, line, { kind: 'unread_row' });
      }
      continue;
    }
    for (const col of amountCols) sink.addCell(kind, row.code, row.name, roles[col], cells[col] ?? '', line, fenPerUnit, where);
  }
  const figures = sink.figures.map((f) => ({ ...f, source: { ...raw.source, profile: profile.name } }));
  const table: TableSeen = { table: kind, status: figures.length ? 'present' : 'empty', title: raw.title, source: { ...raw.source } };
  return { figures, table, warnings };
}

export function isAmountRole(role: string): boolean {
  return !(SPECIAL_ROLES as readonly string[]).includes(role);
}

function rowText(cells: readonly string[]): string {
  return cells.map(compact).join('|').replace(/\|+$/, '');
}

function nameColumnBefore(roles: readonly string[], col: number): number {
  for (let i = col - 1; i >= 0; i--) if (roles[i] === 'name') return i;
  return -1;
}

/** A coded row's key and name: the code columns' digits joined, or `total` for a 合计 row. */
function codedRow(cells: readonly string[], roles: readonly string[]): { code: string; name: string } | null {
  let code = '';
  let name = '';
  roles.forEach((r, i) => {
    const c = (cells[i] ?? '').trim();
    if (r === 'code') code += c.replace(/\s+/g, '');
    else if (r === 'name') name = name ? `${name}${c}` : c;
  });
  // A code printed in the name's cell (「2010301 行政运行」).
  const joined = /^(\d{3,7})\s*(.*)$/.exec(name);
  if (!code && joined) {
    code = joined[1];
    name = joined[2];
  }
  if (/^\d{3,7}$/.test(code)) return { code, name };
  if (!code && /^(?:合计|总计)$/.test(labelText(name))) return { code: 'total', name };
  return null;
}
