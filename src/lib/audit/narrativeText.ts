import { SCOPE_NAMES } from '../model/keys';
import type { NarrativeParagraph } from '../model/narrative';
import { printedAt, type CheckContext, type Where } from './context';
import { narrativeStatements } from './narrativeStatements';
import { directionOf, reasonDirection } from './narrativeWords';

/**
 * Check 13 (issue 13, item 5): what a reviewer flags in the text itself. All warnings: none of them is
 * a contradiction between figures (those are errors of the other checks).
 */
export function checkNarrativeText(ctx: CheckContext): void {
  const paragraphs = ctx.view.doc.narrative?.paragraphs ?? [];
  if (!paragraphs.length) {
    ctx.notRun.push('没有读到情况说明的正文');
    return;
  }
  templateWords(ctx, paragraphs);
  punctuation(ctx, paragraphs);
  printedTwice(ctx, paragraphs);
  scopeWords(ctx, paragraphs);
  years(ctx, paragraphs);
  reasons(ctx);
}

function docWhere(p: NarrativeParagraph, quote = p.text): Where {
  return { table: 'document', rowCode: '', ...printedAt(p.source), quote: quote.replace(/\|/g, ' ') };
}

/** The sentence of a paragraph around a match, for the quote. */
function around(text: string, at: number): string {
  const from = Math.max(0, text.lastIndexOf('。', at - 1) + 1);
  const end = text.indexOf('。', at);
  return text.slice(from, end < 0 ? Math.min(text.length, at + 60) : end + 1);
}

/** 「支出 万元」: 万元 with no figure before it (not 「单位：万元」「（万元）」「百万元」, nor 「万元以上」). */
const BLANK_AMOUNT = { exec(text: string): RegExpExecArray | null {
  for (let at = text.indexOf('万元'); at >= 0; at = text.indexOf('万元', at + 2)) {
    if (at > 0 && /[\d.,，：:（(位百千亿]/.test(text[at - 1])) continue;
    if (at === 0 || /[）)以]/.test(text[at + 2] ?? '')) continue;
    const m = ['万元'] as unknown as RegExpExecArray;
    m.index = at;
    return m;
  }
  return null;
} } as RegExp;

/** Any of the template patterns could be there (a quick test before the four). */
const TEMPLATE_HINT = /主要原因|[增减][（(]|[（(]增|万元|[Xx×＊*]{2}/;

const TEMPLATE: [RegExp, string][] = [
  [/主要原因(?:是|为)?[：:]?[。；;]/, '「主要原因是」后面没有写原因'],
  [/增加[（(]减少[)）]|增[（(]减[)）]|减少[（(]增加[)）]|[（(]增加\/减少[)）]/, '留有模板用语「增加（减少）」，没有写明是增加还是减少'],
  [BLANK_AMOUNT, '金额空白（「…万元」前没有数字）'],
  [/[Xx×＊*]{2,}|XX|××/, '留有模板占位符（XX）'],
];

function templateWords(ctx: CheckContext, paragraphs: readonly NarrativeParagraph[]): void {
  for (const p of paragraphs) {
    if (p.text.includes('|')) continue; // a table row inside the narrative, not running text
    ctx.comparisons++;
    if (!TEMPLATE_HINT.test(p.text)) continue;
    for (const [re, what] of TEMPLATE) {
      const m = re.exec(p.text);
      if (m) ctx.report('warning', docWhere(p, around(p.text, m.index)), `情况说明${what}：「${around(p.text, m.index)}」。`, '', m[0]);
    }
  }
}

const DOUBLED = /。。|，，|；；|：：|、、/;

function punctuation(ctx: CheckContext, paragraphs: readonly NarrativeParagraph[]): void {
  paragraphs.forEach((p, i) => {
    if (p.text.includes('|')) return;
    ctx.comparisons++;
    const doubled = DOUBLED.exec(p.text);
    if (doubled) {
      const quote = p.text.slice(Math.max(0, p.text.lastIndexOf('。', doubled.index - 1) + 1), doubled.index + 2);
      ctx.report('warning', docWhere(p, quote), `情况说明标点重复「${doubled[0]}」：「${quote}」。`, doubled[0][0], doubled[0]);
    }
    if (!p.text.includes('“') && !p.text.includes('”')) return;
    const open = (p.text.match(/“/g) ?? []).length;
    const close = (p.text.match(/”/g) ?? []).length;
    const next = paragraphs[i + 1]?.text ?? '';
    const prev = paragraphs[i - 1]?.text ?? '';
    // A quote closed at the start of the next paragraph is a wrapped line, not a missing mark.
    const wrapped = (open === close + 1 && /^[^“]{0,40}”/.test(next)) || (close === open + 1 && /^[^”]{0,40}”/.test(p.text) && /“[^”]*$/.test(prev));
    if (open !== close && !wrapped) {
      ctx.report('warning', docWhere(p), `情况说明引号不成对（“ ${open} 个，” ${close} 个）：「${p.text.slice(0, 80)}${p.text.length > 80 ? '…' : ''}」。`, '成对引号', `“${open} ”${close}`);
    }
  });
}

/**
 * Paragraphs printed again right after themselves (items 7–11, then 7–11 again). The same paragraph
 * in two sections (「人员经费 …」 under 财政拨款 and under 一般公共预算) is the template, not a repeat.
 */
function printedTwice(ctx: CheckContext, paragraphs: readonly NarrativeParagraph[]): void {
  const texts = paragraphs.map((p) => p.text);
  ctx.comparisons++;
  // Only where some paragraph is printed more than once is a repeated run looked for.
  const seen = new Set<string>();
  if (!texts.some((t) => t.length >= 8 && (seen.has(t) || !seen.add(t)))) return;
  for (let i = 0; i < texts.length; i++) {
    for (let k = 1; i + 2 * k <= texts.length && k <= 30; k++) {
      let same = true;
      // In one file: a narrative PDF joined to its tables may repeat a note of theirs, and the lines
      // the message cites count in one file.
      for (let j = 0; j < k && same; j++) {
        same = texts[i + j] === texts[i + k + j] && texts[i + j].length >= 8 && paragraphs[i + j].source.file === paragraphs[i + k + j].source.file;
      }
      if (!same) continue;
      const run = paragraphs.slice(i + k, i + 2 * k);
      ctx.report('warning', docWhere(run[0], run.map((p) => p.text).join('')),
        `情况说明有 ${k} 段重复印了两次（第 ${paragraphs[i].source.line} 行起的内容在第 ${run[0].source.line} 行起再次出现）：「${run[0].text.slice(0, 60)}…」。`, '', `${k} 段`);
      i += 2 * k - 1;
      break;
    }
  }
}

/**
 * A 单位 document that calls itself 部门 in its headings, or the reverse; also in the template's
 * sentence on assets (「2026年部门预算安排购置车辆 0 辆」), which each document words with its own kind.
 */
function scopeWords(ctx: CheckContext, paragraphs: readonly NarrativeParagraph[]): void {
  const scope = ctx.view.doc.meta.scope;
  const other = scope === 'unit' ? '部门' : '单位';
  const re = new RegExp(`\\d{4}年度?${other}(?:预算|决算)(?:编制说明|情况说明)|${other}(?:预算|决算)(?:编制说明|情况说明)|${other}预算安排购置`);
  ctx.comparisons++;
  for (const p of paragraphs) {
    if (!p.text.includes(other)) continue;
    const m = re.exec(p.text);
    if (!m) continue;
    ctx.report('warning', docWhere(p, around(p.text, m.index)), `这是${SCOPE_NAMES[scope]}${ctx.view.doc.meta.stage === 'final' ? '决算' : '预算'}文档，说明却写「${m[0]}」。`, SCOPE_NAMES[scope], other);
    return;
  }
}

/** 「比2026年预算」 in the 2026 document: the base must be an earlier year. */
function years(ctx: CheckContext, paragraphs: readonly NarrativeParagraph[]): void {
  const year = ctx.view.doc.meta.year;
  if (!year) return;
  ctx.comparisons++;
  for (const p of paragraphs) {
    if (!/[比较与]\d{4}年/.test(p.text)) continue;
    // One finding per sentence, however many of its clauses compare (「比2026年…；与2026年…持平」).
    const bySentence = new Map<string, { at: number; years: number[] }>();
    for (const m of p.text.matchAll(/(?:比|较|与)(\d{4})年/g)) {
      const y = Number(m[1]);
      if (y < year) continue;
      const sentence = around(p.text, m.index!);
      const seen = bySentence.get(sentence);
      if (seen) seen.years.push(y);
      else bySentence.set(sentence, { at: m.index!, years: [y] });
    }
    for (const [sentence, { years: ys }] of bySentence) {
      const count = ys.length > 1 ? `（此句 ${ys.length} 处）` : '';
      ctx.report('warning', docWhere(p, sentence), `这是 ${year} 年的文档，说明却与 ${ys[0]} 年相比${count}：「${sentence}」。比较的应是以前年度。`, `${year - 1}年`, `${ys[0]}年`);
    }
  }
}

/** A reason that says the opposite of the direction it explains; a fund of 0 said to have grown. */
function reasons(ctx: CheckContext): void {
  for (const st of narrativeStatements(ctx.view)) {
    const dir = directionOf(st.direction);
    const where: Where = { table: 'document', rowCode: '', ...printedAt(st.source), quote: st.sentence };
    if (st.amount && st.amount.fen === 0 && dir === 1) {
      ctx.comparisons++;
      ctx.report('warning', where, `说明中「${st.subject}」为 0 万元，却说比上年「${st.direction}」：「${st.sentence.slice(0, 80)}」。`, '', st.direction);
    }
    if (!st.reason || dir === null || dir === 0) continue;
    ctx.comparisons++;
    const r = reasonDirection(st.reason);
    if (r !== null && r !== 0 && r !== dir) {
      ctx.report('warning', where, `说明中「${st.subject}」${st.direction}，但所述主要原因讲的是相反方向：「${st.reason}」。`, st.direction, st.reason.slice(0, 30));
    }
  }
}
