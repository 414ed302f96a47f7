import type { Layout, SynthDocument } from './model';
import { renderDocument, type RenderedDocument } from './render';
import { documentTables } from './tables';

/**
 * A synthetic document in a layout nobody uses (issue 18): the nine tables as printed, each under a
 * title the importer knows no kind for, so that they are kept unmapped for a person to teach. The
 * figures are what the tables print, to check a mapping against. Two documents of one layout share
 * their titles and headers: a profile taught on one applies to the other.
 */
export const UNKNOWN_TITLES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'].map((n) => `部门经费${n}类明细表`);

export function renderUnknownLayout(doc: SynthDocument, layout: Layout = doc.layout): RenderedDocument & { titles: string[] } {
  const rendered = renderDocument(doc, layout);
  const { specs } = documentTables(doc);
  let text = rendered.text;
  specs.forEach((s, i) => {
    text = text.split(s.title).join(UNKNOWN_TITLES[i]);
  });
  return { ...rendered, text, figures: rendered.figures.filter((f) => f.table !== 'facts'), titles: UNKNOWN_TITLES.slice(0, specs.length) };
}
