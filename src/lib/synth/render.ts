import type { Layout, SynthDocument } from './model';
import { narrative, performanceTable } from './narrative';
import { documentTables, type ExpectedFigure, type TableSpec } from './tables';

/** Rows a page holds before the tab layout repeats the unit lines and the header (seed 000 does at ~17). */
const PAGE_ROWS = 18;

/** A rendered document: its text and every figure the importer should read from it. */
export interface RenderedDocument {
  fileName: string;
  text: string;
  figures: ExpectedFigure[];
  /** 绩效目标表 project names, in print order. */
  projects: string[];
}

function rowLines(cells: readonly string[], layout: Layout): string[] {
  // Tab layout: one line per row. Cells layout: one line per cell, each behind a tab, and a blank
  // line after the row (seed 001, text copied out of a Word table).
  return layout === 'tab' ? [cells.join('\t')] : [...cells.map((c) => `\t${c}`), ''];
}

function furniture(doc: SynthDocument, layout: Layout): string[] {
  const lines = [`${doc.unitCode} ${doc.unitName}`, `预算年度：${doc.year}`, '单位：万元'];
  return layout === 'tab' ? lines.flatMap((l) => ['', l]).concat('') : lines.map((l) => `\t${l}`).concat('');
}

function tableLines(doc: SynthDocument, spec: TableSpec, layout: Layout): string[] {
  const out = [spec.title];
  const pages: string[][][] = [];
  if (layout === 'tab') for (let at = 0; at < spec.rows.length || at === 0; at += PAGE_ROWS) pages.push(spec.rows.slice(at, at + PAGE_ROWS));
  else pages.push(spec.rows);
  pages.forEach((rows, i) => {
    if (i > 0) out.push('');
    out.push(...furniture(doc, layout));
    for (const h of spec.header) out.push(...rowLines(h, layout));
    for (const r of rows) out.push(...rowLines(r, layout));
  });
  if (spec.emptyNote) out.push('', spec.emptyNote);
  out.push('');
  return out;
}

/** The disclosure text of a synthetic document, in its layout, with the figures it prints. */
export function renderDocument(doc: SynthDocument, layout: Layout = doc.layout): RenderedDocument {
  const { specs, figures } = documentTables(doc);
  const story = narrative(doc);
  const lines: string[] = [`${doc.year} 年部门预算信息公开目录`, '', '部门预算公开表', ''];
  specs.forEach((s, i) => lines.push(`${s.title}.....\t${2 * i + 3}`));
  lines.push('');
  for (const s of specs) lines.push(...tableLines(doc, s, layout));
  lines.push(story.title, '');
  for (const p of story.paragraphs) lines.push(p, ...(layout === 'tab' ? [''] : []));
  doc.projects.forEach((name, i) => {
    const t = performanceTable(name, i);
    lines.push(t.title, '');
    for (const r of t.rows) lines.push(...rowLines(r, layout));
    lines.push('');
  });
  lines.push('八、名词解释', '', '1、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。', '',
    '2、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。', '');
  const tag = layout === 'tab' ? 't' : 'c';
  return {
    fileName: `synthetic_${doc.unitCode}_${doc.year}_${tag}.txt`,
    text: lines.join('\n'),
    figures: [...figures, ...story.figures],
    projects: doc.projects.map((n, i) => performanceTable(n, i).title),
  };
}
