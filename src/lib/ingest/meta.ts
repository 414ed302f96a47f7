import { MONEY_UNITS, type MoneyUnit } from '../model/amount';
import { unitOfMeasure } from './amounts';
import { rememberingReader } from './memo';
import { compact, isSpaceCode } from './normalize';

/**
 * The lines printed between a table's title and its header: the unit (「202 开发区群众工作局」),
 * the year (「预算年度：2023」, sometimes split as 「预算年度：」 / 「2023」), the money unit, and on
 * the assets table a cut-off date. Every page of a long table repeats them.
 */

export interface UnitLine {
  code: string;
  name: string;
}

/** 「203保定白沟新城党群工作部」「543001-沧州市信访局本级」: the code, a separator maybe, the name. */
const UNIT_LINE = /^(\d{3,12})\s*(?:[-－—_]\s*)?([^\d\s:：,，.．、\-－—_].*)$/;
/** 「[543]沧州市信访局」「【543001】…」: the code in brackets, as finance systems print it. */
const BRACKETED_UNIT = /^[[【［]\s*(\d{3,12})\s*[\]】］]\s*(?:[-－—_]\s*)?([^\d\s:：,，.．、].*)$/;

/** Shanghai's 「编制部门：上海市普陀区财政局」 (no code); not the money unit 「单位：元」. */
// 「部门（单位）：」 (烟台) as well.
const LABELLED_UNIT = /^(?:编制|填报|预算)?(?:部\s*门|单\s*位)(?:[（(]单\s*位[)）])?(?:名\s*称)?\s*[:：]\s*(\S.*)$/;

const UNIT_LINE_STARTS = '编填预部单[【［';

/** 「部门：」「单位名称：」「编制部门：」 alone: the label of a unit line whose name was printed apart. */
export function isUnitLabel(cell: string): boolean {
  return /^(?:编制|填报|预算)?(?:部\s*门|单\s*位)(?:[（(]单\s*位[)）])?(?:名\s*称)?\s*[:：]$/.test(cell.trim());
}

/** 「203保定白沟新城党群工作部」 → { code: '203', name: '保定白沟新城党群工作部' }. */
export function unitLine(cell: string): UnitLine | null {
  // Both forms start with a digit or with 编/填/预/部/单: most cells are ruled out before the memo.
  const c0 = cell.charCodeAt(0);
  const digitOrSpace = (c0 >= 48 && c0 <= 57) || isSpaceCode(c0);
  if (!digitOrSpace && !UNIT_LINE_STARTS.includes(cell.charAt(0) || 'x')) return null;
  // Every amount starts with a digit too: a unit's name holds a Chinese character (unitOf), an amount none.
  if (digitOrSpace && !hasHan(cell)) return null;
  return rememberedUnitLine(cell);
}

// Every page of a table repeats its unit line, and segmenting, preparing and the document's meta each
// ask about it: it is read once.
const rememberedUnitLine = rememberingReader(readUnitLine);

function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

/** unitLine without memory (what unitLine remembers). */
export function readUnitLine(cell: string): UnitLine | null {
  const trimmed = cell.trim();
  // Every form starts with a digit, a bracket or 编/填/预/部/单: most cells (labels, amounts) are
  // ruled out here, before any regular expression runs.
  const first = trimmed.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && !UNIT_LINE_STARTS.includes(trimmed.charAt(0) || 'x')) return null;
  const labelled = LABELLED_UNIT.exec(trimmed);
  if (labelled) {
    const name = withoutMoneyUnit(labelled[1]);
    if (/^(?:万?元|千元)/.test(name) || !/[\u4e00-\u9fff]{2}/.test(name) || name.length > 60) return null;
    // 「单位名称：455沧州…」「单位名称：[455]沧州…」: the code printed before the name, as on an
    // unlabelled unit line.
    const coded = codeThenName(name) ? UNIT_LINE.exec(name) : BRACKETED_UNIT.exec(name);
    return coded ? { code: coded[1], name: coded[2].trim() } : { code: '', name };
  }
  if (first === 0x5b || first === 0x3010 || first === 0xff3b) return unitOf(BRACKETED_UNIT.exec(trimmed));
  if (first >= 48 && first <= 57 && !codeThenName(trimmed)) return null;
  return unitOf(UNIT_LINE.exec(trimmed));
}

/** A code and name matched on an unlabelled line, unless the name is not one. */
function unitOf(m: RegExpExecArray | null): UnitLine | null {
  if (!m) return null;
  const name = withoutMoneyUnit(m[2]);
  // 「2023 年部门预算…」 and 「1、…」 start with digits too; a unit name starts with neither, nor with
  // punctuation (「2018〕123号）、《」: a document number's tail in a 绩效目标表's cell).
  if (/^[年月日万元人个次%台套名户条天]/.test(name) || !/^[\u4e00-\u9fff]/.test(name)) return null;
  if (/预算|决算|单位：|合计|^项目/.test(name) || name.length > 60) return null;
  // 「100家次，年度指标值：≥100家次；」: an indicator's value wrapped onto a line of its own (广州); no
  // body's name holds a sentence's stops or a comparison.
  if (/[，。；;：:≥≤%]/.test(name)) return null;
  // 「30213 维修(护)费」: a 经济分类 row in one cell (西安), whose name ends as no body's does.
  if (/(?:费|支出|收入|补助|补贴|资金|工资|保险|公积金)$/.test(name)) return null;
  return { code: m[1], name };
}

/**
 * A unit's name, its spaces as one, none between a character and a digit. A unit line printed with the year and the money unit beside it,
 * a space apart (a page printed by LibreOffice, a Word file), is read as one cell: 「100000 某某单位
 * 预算年度：2019 单位：万元」. The name stops before them (the money unit: amounts.ts unitOfMeasure).
 */
function withoutMoneyUnit(name: string): string {
  let out = name.replace(/\s+/g, ' ');
  for (let k = 0; k < 2; k++) out = out.replace(/\s*(?:金额|计量)?单位[:：]\s*[万千亿]?元$/, '').replace(/\s*(?:预算|决算)?年度[:：]\s*\d{4}\s*年?$/, '');
  return withoutDigitGaps(out).trim();
}

/**
 * 「第 0012 号」: a producer that sets digits in a font of their own leaves a gap the text layer reads as
 * a space. A name keys its unit where no code is printed: one name, however it was set.
 */
export function withoutDigitGaps(name: string): string {
  return name.replace(/([\u4e00-\u9fff])\s+(?=\d)|(\d)\s+(?=[\u4e00-\u9fff])/g, '$1$2');
}

/**
 * What UNIT_LINE asks of a cell that starts with a digit, without the regular expression: 3 to 12
 * digits, maybe whitespace, then a character that is no digit, whitespace or 「:：,，.．、」. Amounts
 * and codes (「894.53」「2010101」), most of a table's digit-led cells, fail here.
 */
function codeThenName(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i < 3 || i > 12) return false;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i < s.length && !NOT_NAME_START.includes(s.charAt(i));
}

const NOT_NAME_START = ':：,，.．、';

/** 「预算年度：2023」 → 2023; 「预算年度：」 → 'label' (the year follows on the next line). */
export function yearCell(cell: string): number | 'label' | null {
  // Every match holds 年度; most cells hold no 年 at all.
  if (!cell.includes('年')) return null;
  const c = compact(cell);
  // 「预算年度：2023」, 「年度：」 (its year on the next line), or the year alone: 「2023年度」.
  const m = /^(?:(?:预算|决算)?年度[:：](\d{4})?(?:年)?|((?:19|20)\d{2})年度)$/.exec(c);
  if (!m) return null;
  return m[1] || m[2] ? Number(m[1] || m[2]) : 'label';
}

export function isCutoffCell(cell: string): boolean {
  if (!cell.includes('截')) return false;
  return /^截[止至](?:时间|日期)?[:：]/.test(compact(cell));
}

/**
 * A page's number printed alone (「8」「- 8 -」「— 8 —」「─ 8 ─」「第 8 页」「第8页，共20页」「— 1 6 —」): page
 * furniture, wherever a page's text was cut into lines (a PDF's foot or head; a PDF converted to text).
 * The dashes are any a word processor sets: hyphen, en and em dash, fullwidth hyphen, box-drawing line.
 */
export function isPageNumber(cell: string): boolean {
  return PAGE_NUMBER.test(cell.trim());
}

// The digits may stand a space apart (「— 1 6 —」): a producer that sets every glyph on its own.
const PAGE_NUMBER = /^(?:[-–—－─]?\s*\d(?: ?\d){0,3}\s*[-–—－─]?|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)$/;

export function isNoteCell(cell: string): boolean {
  return /^(?:注|备注|说明)[:：]/.test(compact(cell));
}

/** The note that says the table is published empty on purpose (「空表列示」「此表为空表」). */
export function isEmptyNote(cell: string): boolean {
  // 「本部门2026年没有使用政府性基金预算拨款安排的支出」 (Fujian): the table's funds are none, said in words.
  return /空表|没有使用[^，。]{0,20}(?:预算拨款|资金)安排的支出/.test(cell);
}

/**
 * The rest of a unit name that wrapped onto the next line (「院」 under 「部门名称：江苏省高级人民法」),
 * with nothing else on that line but other page furniture (「单位：万元」).
 */
export function isUnitRest(cells: readonly string[]): boolean {
  // The rest starts the line, where the name started (a header word in its column is no rest: a
  // header's first head run into the next, 「序号收入」, as a converter's narrow grid writes it); the
  // cells after it, if any, are page furniture. The first cell is tested before any other is looked at.
  const first = cells[0];
  if (!first || first.length > 4 || !/^[\u4e00-\u9fff（）()]{1,4}$/.test(first) || /^(?:合计|总计|项目|科目|金额|序号|栏次|收入|支出)/.test(first)) return false;
  for (let i = 1; i < cells.length; i++) if (cells[i] && unitOfMeasure(cells[i]) === null && yearCell(cells[i]) === null) return false;
  return true;
}

/**
 * 「单位：」 with its unit not read (an OCR'd scan loses a small 「元」 after a colon), or the unit apart
 * in the next cell (「单位：」 | 「元」): furniture all the same. The table takes the unit of the
 * document's tables that state one (tables/prepare.ts).
 */
export function isUnitLabelAlone(cell: string): boolean {
  return cell.includes('单位') && /^(?:金额)?单位[:：]$/.test(cell.replace(/\s+/g, ''));
}

/** A money unit alone in its cell (「元」「万元」), as a unit printed apart from its 「单位：」. */
export function moneyUnitAlone(cell: string): number | null {
  const unit = cell.trim();
  return unit in MONEY_UNITS ? MONEY_UNITS[unit as MoneyUnit] : null;
}
