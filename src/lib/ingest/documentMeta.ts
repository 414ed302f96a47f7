import type { DocumentMeta, ImportWarning } from '../model/document';
import { STANDARD_TABLES, type Scope, type Stage } from '../model/keys';
import type { Row } from './lines';
import { stripEnumeration } from './normalize';
import { unitLine, withoutDigitGaps, type UnitLine } from './meta';
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
  const unit: UnitLine | null = whole(
    standard.find((t) => t.unit)?.unit ?? others.find((t) => t.unit)?.unit ?? (titled ? { code: '', name: titled } : null) ??
    projectUnit(sections) ?? labelledUnit(narrative) ?? narrativeUnit(narrative), prepared);
  if (!unit) warnings.push({ message: '未找到单位编码和名称' });

  const first = standard[0];
  const scope: Scope = first?.title.scope ?? firstOf(text, /单位(?:预算|决算)/, /部门(?:预算|决算)/, 'unit', 'department');
  const stage: Stage = first?.title.stage ?? firstOf(text, /\d{4}\s*年度?\s*(?:部门|单位)?决算/, /\d{4}\s*年度?\s*(?:部门|单位)?预算/, 'final', 'budget');

  let year = standard.find((t) => t.year)?.year ?? others.find((t) => t.year)?.year ?? null;
  year ??= narrativeYear(text);
  // A document of 绩效目标表 alone (广州's list of projects): its titles' year.
  year ??= projectYear(sections);
  if (year === null) {
    warnings.push({ message: '未找到预算年度' });
    year = 0;
  }
  return { unitCode: unit?.code ?? '', unitName: unit?.name ?? '', scope, stage, year };
}

/**
 * The unit's name as another table prints it whole, where the one chosen was cut where it wrapped
 * (「部门名称：江苏省人大」 over 「单位：万元」 and 「常委会办公厅」 on the 收支总表; 「部门：江苏省人大常委会
 * 办公厅」 on every other table). Only a longer name that starts with the chosen one, has its code and
 * goes on in words alone: 「…党群工作部截止时间：2022-12-31」 is the name with the next cell run into it.
 */
function whole(unit: UnitLine | null, tables: readonly PreparedTable[]): UnitLine | null {
  if (!unit) return unit;
  let best = unit;
  for (const t of tables) {
    const u = t.unit;
    if (!u || u.code !== unit.code || u.name.length <= best.name.length || !u.name.startsWith(unit.name)) continue;
    if (/^[\u4e00-\u9fff（）()]+$/.test(u.name.slice(unit.name.length))) best = u;
  }
  return best;
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

function projectYear(sections: readonly DocSection[]): number | null {
  for (const s of sections) {
    const m = s.kind === 'project' ? /((?:19|20)\d{2})\s*年/.exec(s.name) : null;
    if (m) return Number(m[1]);
  }
  return null;
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
      // 「部门名称：广州市生态环境局 | 单位：万元」 over a list of projects: the labelled cell of the two.
      const labelled = cells.length > 1 ? cells.find((c) => UNIT_LABEL.test(c.trim())) : undefined;
      const u = labelled ? unitLine(labelled) : null;
      if (u) return u;
    }
  }
  return null;
}

/** 「部门名称：西安市安全生产监督管理局」 on a cover, on a line of its own. */
function labelledUnit(rows: readonly Row[]): UnitLine | null {
  for (const r of rows) {
    const cells = r.cells.filter(Boolean);
    if (cells.length !== 1 || !UNIT_LABEL.test(cells[0].trim())) continue;
    const u = unitLine(cells[0]);
    if (u) return u;
  }
  return null;
}

const UNIT_LABEL = /^(?:编制|填报|预算)?(?:部\s*门|单\s*位)(?:名\s*称)\s*[:：]/;

/**
 * 「开发区群众工作局本级 2023 年部门预算信息公开情况说明」 → the unit's name, no code. The first
 * heading of a year and a stage names the unit: the name before the year on its line, continued by the
 * name's lines above it when a cover breaks the name over lines (「某市某区规划和自然」「资源局」
 * 「2024 年度部门决算」), or those lines alone above a heading that holds none. The heading itself may
 * be broken after its year (「某某工作部 2024 年度」「部门决算」).
 *
 * Which of the lines above belong to the name: the longest run of them, ending at the heading, whose
 * name the rest of the text also prints (a table of contents, 「第一部分 …概况」) wins; with no such
 * evidence, all of them when the heading has no name of its own, else none (a heading that names a
 * unit is a whole title, and the line above it in a table of contents is a heading of its own).
 */
function narrativeUnit(rows: readonly Row[]): UnitLine | null {
  let parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells.filter(Boolean);
    if (cells.length !== 1) {
      parts = [];
      continue;
    }
    const line = withoutDigitGaps(headingText(cells[0]));
    const cover = YEAR_ALONE.test(line) ? nameUnderYear(rows, i + 1) : null;
    if (cover) return { code: '', name: cover };
    // 「2026年烟台市审计局部门预算」: a cover line with the year before the name.
    const yearFirst = YEAR_FIRST.exec(line);
    if (yearFirst && namePart(yearFirst[1], true)) return { code: '', name: yearFirst[1] };
    let heading = HEADING.exec(line);
    let end = i;
    const next = rows[i + 1]?.cells.filter(Boolean);
    if (!heading && /\d{4}\s*(?:年度?)?$/.test(line) && next?.length === 1) {
      heading = HEADING.exec(`${line}${next[0].trim()}`);
      end = i + 1;
    }
    if (heading) {
      // 「五、2022年部门预算收支说明」: a numbered heading of the text (a contents page's), no cover.
      const own = heading[1].trim();
      if (own && stripEnumeration(own) !== own) {
        parts = [];
        continue;
      }
      // A sentence naming the year's budget (「…下属单位，其中：列入2026年部门预算…」, 「纳入烟台市审计局
      // 2026年部门预算编制范围的二级预算单位包括：」) is no heading.
      if (own && (!/[\u4e00-\u9fff]/.test(own) || /[，。：；,;:]/.test(own) || /[，。：；,;:]/.test(line.slice(heading[0].length)))) {
        parts = [];
        continue;
      }
      if (own || parts.length) return { code: '', name: withoutScopeWord(coverName(parts, own, rows, i - parts.length, end)) };
      continue;
    }
    // 「附件2」 above a cover's name is a label, not the name's first line.
    if (line && namePart(line, !parts.length)) parts.push(line);
    else parts = [];
  }
  return null;
}

/** A year and a stage, and what comes before them on the line (the name, or nothing). */
// 「西安市气象局 2022 年部门综合预算」: Shaanxi's budget of all a department's funds.
const HEADING = /^(.{0,40}?)\s*\d{4}\s*年度?\s*(?:部门|单位)(?:综合)?(?:预算|决算)/;
const YEAR_ALONE = /^\d{4}\s*年度?$/;

/**
 * 「北京市统计局部门 2026 年度部门预算」: Beijing names the whole department so, 「部门」 after the body's
 * name; the unit is the body. Only after a word that ends a body's name.
 */
function withoutScopeWord(name: string): string {
  return /(?:局|委员会|委|厅|办公室|院|中心|馆|站|所|队|会|署|处|部)部门$/.test(name) ? name.slice(0, -2) : name;
}
const YEAR_FIRST = /^\d{4}\s*年度?\s*([\u4e00-\u9fff（）()]{3,40}?)\s*(?:部门|单位)(?:综合)?(?:预算|决算)$/;

/**
 * A cover that sets the year above the name and the stage below it: 「2026 年度」 「泉州市人民政府办公室」
 * 「部门预算」, the name broken over lines where it is long (「福州市公安局治安管理」 「支队」).
 */
function nameUnderYear(rows: readonly Row[], from: number): string | null {
  const parts: string[] = [];
  for (let k = from; k < rows.length && k < from + 4; k++) {
    const cells = rows[k].cells.filter(Boolean);
    if (cells.length !== 1) return null;
    const text = cells[0].trim();
    if (STAGE_ALONE.test(text)) return parts.length ? parts.join('') : null;
    if (!namePart(text, !parts.length)) return null;
    parts.push(text);
  }
  return null;
}
const STAGE_ALONE = /^\s*(?:部门|单位)\s*(?:综合)?(?:预算|决算)\s*$/;

/**
 * 「第二部分 上海市普陀区财政局2024年度部门决算表」: the part number is not the name.
 * 「附件：江苏省政协办公厅2019年度部门预算」: the attachment label is not the name either.
 */
function headingText(cell: string): string {
  return cell.replace(/^第[一二三四五六七八九十\d]+部分\s*/, '').replace(/^附件\s*[\d一二三四五六七八九十]*\s*[：:]?\s*/, '').trim();
}

/**
 * A line that may be a line of a unit's name on a cover: Chinese with no punctuation, spaces or date
 * (「2024年8月」「二零二四年八月」 above the name is the cover's date, not its first line). The name's
 * first line is at least three characters; a later one may be the name's last character.
 */
function namePart(s: string, first: boolean): boolean {
  if (!/^[\u4e00-\u9fff（）()\d]{1,40}$/.test(s) || !/[\u4e00-\u9fff]/.test(s)) return false;
  if (/(?:\d{4}|[〇零一二三四五六七八九]{4})年|年[\d〇一二三四五六七八九十]{1,3}月/.test(s)) return false;
  return !first || (s.length >= 3 && /[\u4e00-\u9fff]{2}/.test(s));
}

/**
 * The name of a heading (its own part and the name lines above it, rows from..to): see narrativeUnit.
 * A name is at most 40 characters, as a name on one line is; the lines above that would make it
 * longer are left out.
 */
function coverName(parts: readonly string[], own: string, rows: readonly Row[], from: number, to: number): string {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const names: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const name = parts.slice(k).join('') + own;
    if (squeeze(name).length <= 40) names.push(name);
  }
  if (!names.length) return own;
  // The rest of the text, a line a line: the heading's lines themselves do not count as evidence.
  const rest = rows.map((r, i) => (i >= from && i <= to ? '' : squeeze(r.cells.join('')))).join('\n');
  return names.find((n) => rest.includes(squeeze(n))) ?? (own || names[0]);
}
