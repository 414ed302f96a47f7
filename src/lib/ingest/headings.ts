import { compact } from './normalize';
import { singleText, WHOLE_TARGETS } from './titles';

/**
 * Lines that head a part of a disclosure's text other than a table: a project's 绩效目标表 (its
 * title names the project) and the 情况说明's sections, which end a list of projects. Table titles
 * are titles.ts's.
 */

/**
 * 「3、2023 年天网设备维护费绩效目标表」 → the project part of the title, or null. The national
 * per-project form's titles (「财政项目支出绩效目标填报表」「项目支出绩效目标申报表」, its year in
 * brackets after it or on the line below) give 「财政项目支出」「项目支出」: the form names its project
 * in its 项目名称 cell (performance.ts).
 */
export function projectTitle(cells: readonly string[]): string | null {
  const text = singleText(cells);
  // …绩效目标表 contains 表 whatever its spacing.
  if (!text || text.length > 200 || !text.includes('表')) return null;
  // A year in brackets after it, or a note (「（含转移支付项目）」, 广州).
  const t = text.trim().replace(/\s*[（(]\s*\d{4}\s*年度?\s*[)）]$/, '').replace(/\s*[（(][^（）()]{1,12}[)）]$/, '');
  if (!/绩效目标(?:填报|申报)?表$/.test(compact(t)) || WHOLE_TARGETS.test(compact(t))) return null;
  // 「详见单位的项目绩效目标表」 points elsewhere; it is a sentence, not a title.
  if (/^(?:详见|参见|见)/.test(t)) return null;
  if (/[。；]/.test(t)) return null;
  return t
    // 「3、」「（2）」 off; a year (「2024年办公楼维修…」) stays, as in 「3、2023 年天网…」.
    .replace(/^[（(]?\d{1,4}(?![\d年])[)）]?[、.．]?\s*/, '')
    .replace(/\s*绩效目标(?:填报|申报)?表$/, '')
    .trim();
}

/**
 * The topics a 情况说明 heads its sections with; a bare heading (isBareHeading) must name one, so
 * that a short line inside a 绩效目标表 ending in 情况 is not taken for one.
 */
const NARRATIVE_TOPIC = /政府采购|国有资产|资产占用|机关运行|三公|绩效|收支|收入|支出|财政拨款|名词解释|重要事项|预算|决算/;

/**
 * 「政府采购预算情况」 with no number before it, as some templates print the 情况说明's headings: a
 * short line of one cell, without punctuation, ending in 情况 or 说明 and naming one of the
 * narrative's topics, with running text under it (`next`: a sentence, or an amount in 万元). A
 * 绩效目标表's rows have several cells; a goal wrapped onto a line of its own has punctuation, or no
 * sentence under it.
 */
export function isBareHeading(cells: readonly string[], next: readonly string[] | undefined): boolean {
  const text = singleText(cells);
  if (!text || text.length > 30) return false;
  const t = compact(text);
  if (!/(?:情况|说明|名词解释)$/.test(t) || /[，。；,;：:、]/.test(t) || !NARRATIVE_TOPIC.test(t)) return false;
  const after = next && singleText(next);
  return !!after && /[。；]|万元/.test(after);
}

/** A narrative heading that ends a project list: 「六、政府采购预算情况」, 「第二部分 …」. */
export function isSectionHeading(cells: readonly string[]): boolean {
  const text = singleText(cells);
  if (!text || text.length > 60) return false;
  const t = compact(text);
  // Not a point of a project's goals (「一、保证应用系统的高效、可靠运行，为…」, 广州): a sentence.
  if (/^[一二三四五六七八九十]+、/.test(t)) return !/[，。；,;]/.test(t);
  if (/^第[一二三四五六七八九十\d]+部分/.test(t)) return true;
  // 「（六）政府采购预算情况」: the 情况说明's sections numbered in brackets, as some templates do;
  // only one that names a 情况 or 说明, so that a bracketed point inside a 绩效目标表 goes on.
  return /^[（(][一二三四五六七八九十]{1,3}[)）][^，。；,;]{2,30}(?:情况|说明)$/.test(t);
}
