/**
 * The reason a narrative gives for a figure: 「…增加 X 万元，主要原因是…。」, 「决算数小于预算数的主要原因：…。」.
 * One rule for the importer (ingest/narrative/items.ts, per 类/款/项 statement) and for the views that
 * look for a reason in a paragraph (compare/execution.ts, compare/ranking.ts): the clause after
 * 「主要原因」 (with 是 / 为 and a colon or comma), up to the end of its sentence.
 */
export const REASON = /主要原因(?:是|为)?[：:，,]?([^。]*)。?/;

/** The first reason stated in a text, without its trailing punctuation; '' when none. */
export function reasonIn(text: string): string {
  const m = REASON.exec(text);
  if (!m) return '';
  // 「主要原因是：主要原因本单位无此项支出」 (a seed): the words said twice are said once.
  const inner = m[1].startsWith('主要原因') ? reasonIn(m[1]) : m[1];
  return inner.replace(/[；;，,\s]+$/, '');
}

/**
 * The reason stated about a subject in a paragraph: the first sentence that names the subject (or
 * follows one that does, within the same paragraph) and gives a reason. 「“三公”经费…决算数小于预算数的
 * 主要原因：当年度无…」 → 「当年度无…」. With `context`, only a sentence that (or whose predecessor)
 * matches it counts: the reason for a 决算 falling short of its budget, not for last year's change.
 */
export function reasonAbout(paragraph: string, subject: RegExp, context?: RegExp): string {
  const sentences = paragraph.split(/(?<=。)/);
  let named = false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (subject.test(s)) named = true;
    if (!named) continue;
    // A reason about something else (the change against last year, when execution is asked) is not taken.
    if (context && !context.test(s) && !context.test(sentences[i - 1] ?? '')) continue;
    const r = reasonIn(s);
    if (r) return r;
  }
  return '';
}
