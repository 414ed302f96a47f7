import type { DocumentMeta } from '../../model/document';
import { unitDocument, unitProfile, type SynthDocument } from '../model';
import type { LayoutFigure, MoneyUnit } from '../money';
import { toYuanPrecision } from '../precision';
import { jiangsuDocument } from './jiangsu';
import { nationalBlocks } from './national';
import { pageHtml, type Block, type Paper } from './sheet';
import { shanghaiBlocks } from './shanghai';
import type { TitleStyle } from './titles';

/**
 * The layout-robustness variants (issue 12): one synthetic document each, printed as PDF in a layout
 * real disclosures use, with every figure it prints. test/unit/ingest/pdf/layouts.test.ts reads each
 * back through the importer; `npm run synth:pdfs` writes them out. README.md lists them.
 */

export type Template = 'national' | 'shanghai' | 'jiangsu';

/**
 * How pages are turned after printing (scripts/print-pdf.ts does it with qpdf):
 * - `rotated`: every page's content is drawn a quarter turn round in a portrait page and /Rotate 90
 *   turns it upright again (Jiangsu's A3 exports);
 * - `mixed`: pages cycle through upright, that (/Rotate 90) and the other way (/Rotate 270);
 * - `sideways`: every other page only gets /Rotate 90: a reader sees its text running down the page.
 */
export type Rotation = 'none' | 'rotated' | 'mixed' | 'sideways';

export interface LayoutVariant {
  id: string;
  /** What the variant exercises, in a line. */
  about: string;
  template: Template;
  unit: MoneyUnit;
  titles: TitleStyle;
  /** The tables' paper (a narrative printed apart is A4 portrait). */
  paper: Paper;
  rotation: Rotation;
  /** The narrative and the tables in two PDFs, one document. */
  split?: boolean;
  /** National template only: header rows cell by cell, no merged cells (the seeds' PDFs). */
  flatHeaders?: boolean;
  /** Which synthetic unit (合成测试第NNNN号单位) and year. */
  unitIndex: number;
  year: number;
}

export interface PdfFilePlan {
  name: string;
  /** Printed one by one and joined in order (a PDF may mix paper sizes). */
  parts: { html: string; paper: Paper }[];
  rotation: Rotation;
}

export interface RenderedVariant {
  variant: LayoutVariant;
  /** The one document the files make. */
  meta: DocumentMeta;
  files: PdfFilePlan[];
  figures: LayoutFigure[];
}

/** The seed of every variant's document: issue 12. */
export const VARIANT_SEED = 12;
const FIRST_YEAR = 2017;
const YEARS = [2017, 2018, 2019, 2020, 2021];

export function variantDocument(v: LayoutVariant): SynthDocument {
  const profile = unitProfile(VARIANT_SEED, v.unitIndex, YEARS, 'tab');
  // Units that print a 三公 table and skip no year: every variant prints the whole template.
  const doc = unitDocument(VARIANT_SEED, { ...profile, hasThreePublic: true, missingYear: null, renamedFrom: null }, v.year, FIRST_YEAR);
  return v.unit === 'yuan' ? toYuanPrecision(doc) : doc;
}

export function renderVariant(v: LayoutVariant): RenderedVariant {
  const doc = variantDocument(v);
  const base = `synth-${v.id}`;
  const meta = (unitCode: string): DocumentMeta => ({ unitCode, unitName: doc.unitName, scope: 'department', stage: 'budget', year: doc.year });
  if (v.template === 'national') {
    const { blocks, figures } = nationalBlocks(doc, { unit: v.unit, titles: v.titles, nowrap: v.paper !== 'a4-portrait', flatHeaders: v.flatHeaders });
    return { variant: v, meta: meta(doc.unitCode), figures, files: [{ name: `${base}.pdf`, parts: [{ html: pageHtml(blocks, v.paper), paper: v.paper }], rotation: v.rotation }] };
  }
  if (v.template === 'shanghai') {
    const { blocks, figures } = shanghaiBlocks(doc, { unit: v.unit, titles: v.titles });
    return { variant: v, meta: meta(''), figures, files: [{ name: `${base}.pdf`, parts: [{ html: pageHtml(blocks, v.paper), paper: v.paper }], rotation: v.rotation }] };
  }
  const j = jiangsuDocument(doc, { unit: v.unit, titles: v.titles, a3: v.paper.startsWith('a3') });
  const part = (blocks: Block[], paper: Paper) => ({ html: pageHtml(blocks, paper), paper });
  let files: PdfFilePlan[];
  if (v.split) {
    files = [
      { name: `${base}-text.pdf`, parts: [part([...j.intro, ...j.story], 'a4-portrait')], rotation: 'none' },
      { name: `${base}-tables.pdf`, parts: [part([...j.tablesCover, ...j.tables], v.paper)], rotation: v.rotation },
    ];
  } else if (v.paper === 'a4-portrait') {
    files = [{ name: `${base}.pdf`, parts: [part([...j.intro, ...j.tables, ...j.story], v.paper)], rotation: v.rotation }];
  } else {
    // One PDF of two paper sizes: the narrative on A4 portrait around the tables on their own paper.
    files = [{ name: `${base}.pdf`, parts: [part(j.intro, 'a4-portrait'), part(j.tables, v.paper), part(j.story, 'a4-portrait')], rotation: v.rotation }];
  }
  return { variant: v, meta: meta(''), figures: j.figures, files };
}
