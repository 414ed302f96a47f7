import type { StoredDocument } from '../model/document';
import { TABLE_KEYS, type TableKey } from '../model/keys';
import { LIMITS, MAX_SAFE_FEN } from './limits';

/**
 * The data carried by a share link: just the figures a view needs, in a compact, versioned JSON.
 * Everything read back is validated field by field; a link is data from a stranger.
 */
export interface SharePayloadV1 {
  v: 1;
  docs: {
    id: string;
    code: string;
    name: string;
    scope: 'department' | 'unit';
    stage: 'budget' | 'final';
    year: number;
    /** [table, row_code, row_name, column, amount in fen] */
    f: [string, string, string, string, number][];
  }[];
}

export function toPayload(docs: readonly StoredDocument[]): SharePayloadV1 {
  return {
    v: 1,
    docs: docs.map((d) => ({
      id: d.docId, code: d.meta.unitCode, name: d.meta.unitName, scope: d.meta.scope, stage: d.meta.stage, year: d.meta.year,
      f: d.figures.map((f) => [f.table, f.rowCode, f.rowName, f.column, f.amount]),
    })),
  };
}

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Checks a decoded payload; returns the documents or the first problem found, in Chinese. */
export function fromPayload(value: unknown): { ok: true; docs: StoredDocument[] } | { ok: false; error: string } {
  const bad = (why: string) => ({ ok: false as const, error: `分享链接中的数据无效：${why}` });
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1) return bad('版本不对或不是数据对象');
  const rawDocs = (value as { docs?: unknown }).docs;
  if (!Array.isArray(rawDocs) || rawDocs.length === 0) return bad('没有文档');
  if (rawDocs.length > LIMITS.docs) return bad(`文档过多（${rawDocs.length}）`);
  const docs: StoredDocument[] = [];
  let figureCount = 0;
  for (const d of rawDocs as Record<string, unknown>[]) {
    if (typeof d !== 'object' || d === null) return bad('文档不是对象');
    if (!isStr(d.id, 64) || !/^[0-9a-z-]+$/i.test(d.id)) return bad('文档编号格式不对');
    if (!isStr(d.code, LIMITS.text) || !isStr(d.name, LIMITS.text)) return bad('单位代码或名称不对');
    if (d.scope !== 'department' && d.scope !== 'unit') return bad('scope 不对');
    if (d.stage !== 'budget' && d.stage !== 'final') return bad('stage 不对');
    if (!Number.isInteger(d.year) || (d.year as number) < 1990 || (d.year as number) > 2100) return bad('年度不对');
    if (!Array.isArray(d.f)) return bad('缺少数字');
    figureCount += d.f.length;
    if (figureCount > LIMITS.figures) return bad('数字过多');
    const figures: StoredDocument['figures'] = [];
    for (const f of d.f as unknown[]) {
      if (!Array.isArray(f) || f.length !== 5) return bad('数字格式不对');
      const [table, row, rowName, column, amount] = f as unknown[];
      if (!isStr(table, 32) || !(TABLE_KEYS as readonly string[]).includes(table)) return bad(`未知的表「${String(table).slice(0, 20)}」`);
      if (!isStr(row, 64) || !isStr(rowName, LIMITS.text) || !isStr(column, 64)) return bad('行或列格式不对');
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || Math.abs(amount) > MAX_SAFE_FEN) return bad('金额超出范围');
      figures.push({ table: table as TableKey, rowCode: row, rowName, column, amount, source: { line: 0 } });
    }
    docs.push({
      docId: d.id, fileName: '分享链接', figures, tables: [], projects: [], warnings: [],
      meta: { unitCode: d.code, unitName: d.name.replace(/\s+/g, ' '), scope: d.scope, stage: d.stage, year: d.year as number },
    });
  }
  return { ok: true, docs };
}
