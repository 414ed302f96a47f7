import type { DocumentMeta, ImportWarning } from '../model/document';
import { STANDARD_TABLES, type Scope, type Stage } from '../model/keys';
import type { Row } from './lines';
import { unitLine, type UnitLine } from './meta';
import type { DocSection, PreparedTable } from './tables/prepare';

/**
 * A document's unit, scope, stage and year. Tables say it best (their unit line and 预算年度), so
 * they are asked first; a file without tables (seed 002) falls back to its procurement/assets tables,
 * its 绩效目标表 and its narrative title.
 */
export function readMeta(sections: readonly DocSection[], prepared: PreparedTable[], narrative: Row[], warnings: ImportWarning[]): DocumentMeta {
  const standard = prepared.filter((t) => t.table && STANDARD_TABLES.includes(t.table));
  const others = prepared.filter((t) => !t.table || !STANDARD_TABLES.includes(t.table));
  const text = narrative.map((r) => r.cells.join(' ')).join('\n');

  // The first table's unit line names the document; later tables of a unit's document sometimes
  // copy the department's line by mistake (seed 004), so they are only a fallback.
  // A title that names the unit (「2018年度江苏省高级人民法院收支预算总表」) comes next.
  const titled = standard.find((t) => t.title.unit)?.title.unit ?? others.find((t) => t.title.unit)?.title.unit;
  const unit: UnitLine | null =
    standard.find((t) => t.unit)?.unit ?? others.find((t) => t.unit)?.unit ?? (titled ? { code: '', name: titled } : null) ??
    projectUnit(sections) ?? narrativeUnit(narrative);
  if (!unit) warnings.push({ message: '未找到单位编码和名称' });

  const first = standard[0];
  const scope: Scope = first?.title.scope ?? firstOf(text, /单位(?:预算|决算)/, /部门(?:预算|决算)/, 'unit', 'department');
  const stage: Stage = first?.title.stage ?? firstOf(text, /\d{4}\s*年度?\s*(?:部门|单位)?决算/, /\d{4}\s*年度?\s*(?:部门|单位)?预算/, 'final', 'budget');

  let year = standard.find((t) => t.year)?.year ?? others.find((t) => t.year)?.year ?? null;
  year ??= narrativeYear(text);
  if (year === null) {
    warnings.push({ message: '未找到预算年度' });
    year = 0;
  }
  return { unitCode: unit?.code ?? '', unitName: unit?.name ?? '', scope, stage, year };
}

/**
 * A table whose title names no stage (「财政拨款“三公”经费、行政参公单位机关运行经费情况表」,
 * 「一般公共预算财政拨款“三公”经费情况表」) is of the document's: read as a 预算's, a 决算's 决算数
 * column was left as 「不是本年度预算的数」 and its 预算数 taken for the figure. The document's stage is
 * the one its first title naming one names, else its narrative's.
 */
export function settleStages(sections: readonly DocSection[]): void {
  const tables = sections.flatMap((s) => (s.kind === 'table' ? [s.table] : []));
  if (tables.every((t) => t.title.stageNamed)) return;
  const named = tables.find((t) => t.title.stageNamed)?.title.stage;
  const text = named ? '' : sections.flatMap((s) => (s.kind === 'text' ? s.rows.map((r) => r.cells.join(' ')) : [])).join('\n');
  const stage: Stage = named ?? firstOf(text, /\d{4}\s*年度?\s*(?:部门|单位)?决算/, /\d{4}\s*年度?\s*(?:部门|单位)?预算/, 'final', 'budget');
  for (const t of tables) if (!t.title.stageNamed && t.title.stage !== stage) t.title = { ...t.title, stage };
}

/** `a` if pattern `ra` occurs before `rb` in the text, else `b`. */
function firstOf<T>(text: string, ra: RegExp, rb: RegExp, a: T, b: T): T {
  const ia = text.search(ra);
  const ib = text.search(rb);
  return ia >= 0 && (ib < 0 || ia < ib) ? a : b;
}

function narrativeYear(text: string): number | null {
  const titled = /(\d{4})\s*年度?\s*(?:部门|单位)?(?:预算|决算)/.exec(text);
  if (titled) return Number(titled[1]);
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(20\d{2})\s*年/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best ? Number(best) : null;
}

function projectUnit(sections: readonly DocSection[]): UnitLine | null {
  for (const s of sections) {
    if (s.kind !== 'project') continue;
    for (const r of s.rows) {
      const cells = r.cells.filter(Boolean);
      if (cells.length === 1) {
        const u = unitLine(cells[0]);
        if (u) return u;
      }
    }
  }
  return null;
}

/** 「开发区群众工作局本级 2023 年部门预算信息公开情况说明」 → the unit's name, no code. */
function narrativeUnit(rows: readonly Row[]): UnitLine | null {
  let above: string | null = null;
  for (const r of rows) {
    const cells = r.cells.filter(Boolean);
    if (cells.length !== 1) {
      above = null;
      continue;
    }
    // 「第二部分 上海市普陀区财政局2024年度部门决算表」: the part number is not the name.
    // 「附件：江苏省政协办公厅2019年度部门预算」: the attachment label is not the name either.
    const heading = cells[0].replace(/^第[一二三四五六七八九十\d]+部分\s*/, '').replace(/^附件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*/, '');
    const m = /^(\S.{1,40}?)\s*\d{4}\s*年度?\s*(?:部门|单位)(?:预算|决算)/.exec(heading);
    if (m && /[\u4e00-\u9fff]/.test(m[1])) return { code: '', name: m[1].trim() };
    // The name on a line of its own above 「2017 年度部门预算公开」 (a cover).
    if (above && /^\d{4}\s*年度?\s*(?:部门|单位)(?:预算|决算)/.test(heading)) return { code: '', name: above };
    above = /^[\u4e00-\u9fff（）()\d]{3,40}$/.test(heading) && /[\u4e00-\u9fff]{2}/.test(heading) ? heading : null;
  }
  return null;
}
