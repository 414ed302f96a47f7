import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  contentPath, documentsPath, figuresPath, metricsPath, peersPath, yoyPath,
  type ArchiveCity, type ArchiveFile, type ArchiveProvince, type RowRange,
} from '../../src/lib/archive/format';
import { comparedRows, isComparedFigure, metricAmounts, METRIC_KEYS, PEER_CODE_LENGTH, YOY_CODE_LENGTH, type FigureRowOut } from '../../src/lib/archive/rows';
import { unitKeyOf } from '../../src/lib/model/unitKey';
import type { StoredDocument } from '../../src/lib/model/document';
import { ParquetFile, type ColumnSpec, type ColumnValues } from './parquet';
import type { Spill } from './spill';

/** What the province pass keeps of a document once its full figures are written: its view rows and metrics. */
interface DocSummary {
  docId: string;
  unitKey: string;
  code: string;
  name: string;
  scope: string;
  stage: string;
  year: number;
  city: string;
  fileName: string;
  figures: number;
  partRow: number;
  figRow: number;
  yoy: FigureRowOut[];
  metrics: (number | null)[];
}

export interface UnitOut {
  unit_key: string; unit_code: string; unit_name: string; province: string; city: string; years: string;
  documents: number; doc_row: number; yoy_row: number; yoy_rows: number;
}

const text = (name: string): ColumnSpec => ({ name, kind: 'text' });
const int = (name: string, optional = false): ColumnSpec => ({ name, kind: 'int', optional });
const FIGURE_SPECS: ColumnSpec[] = [text('doc_id'), int('seq'), text('table_key'), text('row_code'), text('row_name'), text('column_key'), { name: 'amount', kind: 'fen' }, int('line', true)];
const DOCUMENT_SPECS: ColumnSpec[] = [text('doc_id'), text('unit_key'), text('unit_code'), text('unit_name'), text('scope'), text('stage'), int('year'),
  text('province'), text('city'), text('file_name'), int('figures'), int('part_row'), int('fig_row')];
const METRIC_SPECS: ColumnSpec[] = [text('doc_id'), text('unit_key'), text('unit_code'), text('unit_name'), text('city'), text('scope'), text('stage'), int('year'),
  ...METRIC_KEYS.map((k): ColumnSpec => ({ name: k, kind: 'fen', optional: true })), int('prior_year', true),
  ...METRIC_KEYS.map((k): ColumnSpec => ({ name: `prior_${k}`, kind: 'fen', optional: true }))];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FIGURE_GROUP_DOCS = 16;
const YOY_GROUP_ROWS = 6000;

function columns(specs: readonly ColumnSpec[]): ColumnValues {
  return Object.fromEntries(specs.map((s) => [s.name, []]));
}

function pushFigures(cols: ColumnValues, docId: string, rows: readonly FigureRowOut[]): void {
  for (const r of rows) {
    cols.doc_id.push(docId); cols.seq.push(r.seq); cols.table_key.push(r.table); cols.row_code.push(r.rowCode);
    cols.row_name.push(r.rowName); cols.column_key.push(r.column); cols.amount.push(r.amount); cols.line.push(r.line);
  }
}

/**
 * Writes one province: its figures and content per year (read back from the spill one year at a
 * time), then its documents, 同比, 横比 and metrics files from what was kept. Returns its catalog
 * entry, its files and its units (for units.parquet).
 */
export function writeProvince(root: string, key: string, name: string, spill: Spill, years: readonly number[], codeByName: ReadonlyMap<string, string>):
  { province: ArchiveProvince; files: ArchiveFile[]; units: UnitOut[]; figures: number } {
  for (const dir of ['documents', 'yoy', 'peers', 'metrics', `figures/province=${key}`, `content/province=${key}`]) mkdirSync(path.join(root, dir), { recursive: true });
  const files: ArchiveFile[] = [];
  const kept: DocSummary[] = [];
  let figureCount = 0;
  for (const year of years) {
    const docs = spill.read(name, year).map(({ doc, city }) => ({ doc, city, unitKey: unitKeyOf(doc.meta.unitCode || codeByName.get(doc.meta.unitName) || '', doc.meta.unitName) }));
    docs.sort((a, b) => cmp(a.city, b.city) || cmp(a.unitKey, b.unitKey) || cmp(a.doc.docId, b.doc.docId));
    const figs = new ParquetFile(root, figuresPath(key, year), [...FIGURE_SPECS, int('page', true), { name: 'box', kind: 'json', optional: true }, { name: 'file', kind: 'text', optional: true }]);
    const content = new ParquetFile(root, contentPath(key, year), [text('doc_id'), { name: 'tables', kind: 'json' }, { name: 'projects', kind: 'json' },
      { name: 'warnings', kind: 'json' }, { name: 'narrative', kind: 'json', optional: true }, { name: 'raw_tables', kind: 'json', optional: true }]);
    let figRow = 0;
    for (let at = 0; at < docs.length; at += FIGURE_GROUP_DOCS) {
      const cols = columns([...FIGURE_SPECS, int('page'), text('box'), text('file')]);
      const cont = columns([text('doc_id'), text('tables'), text('projects'), text('warnings'), text('narrative'), text('raw_tables')]);
      docs.slice(at, at + FIGURE_GROUP_DOCS).forEach(({ doc, city, unitKey }, i) => {
        addFullFigures(cols, doc);
        cont.doc_id.push(doc.docId); cont.tables.push(JSON.stringify(doc.tables)); cont.projects.push(JSON.stringify(doc.projects));
        cont.warnings.push(JSON.stringify(doc.warnings)); cont.narrative.push(doc.narrative ? JSON.stringify(doc.narrative) : null);
        cont.raw_tables.push(doc.rawTables?.length ? JSON.stringify(doc.rawTables) : null);
        const yoy = comparedRows(doc, YOY_CODE_LENGTH);
        kept.push({
          docId: doc.docId, unitKey, code: doc.meta.unitCode, name: doc.meta.unitName, scope: doc.meta.scope, stage: doc.meta.stage,
          year, city, fileName: doc.fileName, figures: doc.figures.length, partRow: at + i, figRow, yoy, metrics: metricAmounts(doc.docId, yoy),
        });
        figRow += doc.figures.length;
      });
      figs.group(cols);
      content.group(cont);
    }
    figureCount += figRow;
    files.push(figs.finish(), content.finish());
  }

  // documents: (city, unit, year); units and cities read their row ranges from it.
  kept.sort((a, b) => cmp(a.city, b.city) || cmp(a.unitKey, b.unitKey) || a.year - b.year || cmp(a.docId, b.docId));
  const docsFile = new ParquetFile(root, documentsPath(key), DOCUMENT_SPECS);
  const yoyFile = new ParquetFile(root, yoyPath(key), FIGURE_SPECS);
  const cities: ArchiveCity[] = [];
  const units: UnitOut[] = [];
  let yoyCols = columns(FIGURE_SPECS);
  let yoyRow = 0;
  for (let i = 0; i < kept.length;) {
    const city = kept[i].city;
    let j = i;
    while (j < kept.length && kept[j].city === city) j++;
    const cols = columns(DOCUMENT_SPECS);
    let unitCount = 0;
    for (let u = i; u < j;) {
      let v = u;
      while (v < j && kept[v].unitKey === kept[u].unitKey) v++;
      const mine = kept.slice(u, v);
      const rows = mine.reduce((n, d) => n + d.yoy.length, 0);
      units.push({ unit_key: kept[u].unitKey, unit_code: kept[u].code || mine.find((d) => d.code)?.code || '', unit_name: mine[mine.length - 1].name,
        province: name, city, years: [...new Set(mine.map((d) => d.year))].join(','), documents: mine.length, doc_row: u, yoy_row: yoyRow, yoy_rows: rows });
      for (const d of mine) pushFigures(yoyCols, d.docId, d.yoy);
      yoyRow += rows;
      if (yoyCols.doc_id.length >= YOY_GROUP_ROWS) {
        yoyFile.group(yoyCols);
        yoyCols = columns(FIGURE_SPECS);
      }
      unitCount++;
      u = v;
    }
    for (const d of kept.slice(i, j)) {
      const row: Record<string, unknown> = { doc_id: d.docId, unit_key: d.unitKey, unit_code: d.code, unit_name: d.name, scope: d.scope, stage: d.stage,
        year: d.year, province: name, city, file_name: d.fileName, figures: d.figures, part_row: d.partRow, fig_row: d.figRow };
      for (const s of DOCUMENT_SPECS) cols[s.name].push(row[s.name]);
    }
    docsFile.group(cols);
    cities.push({ name: city, units: unitCount, documents: j - i, docRows: [i, j - i], peers: {} });
    i = j;
  }
  yoyFile.group(yoyCols);
  files.push(docsFile.finish(), yoyFile.finish());

  files.push(writePeers(root, key, kept, cities));
  const metrics = writeMetrics(root, key, kept);
  files.push(metrics.file);
  return {
    province: { key, name, cities, units: units.length, documents: kept.length, years: [...years], metrics: metrics.ranges },
    files, units, figures: figureCount,
  };
}

function addFullFigures(cols: ColumnValues, doc: StoredDocument): void {
  doc.figures.forEach((f, seq) => {
    cols.doc_id.push(doc.docId); cols.seq.push(seq); cols.table_key.push(f.table); cols.row_code.push(f.rowCode); cols.row_name.push(f.rowName);
    cols.column_key.push(f.column); cols.amount.push(f.amount); cols.line.push(f.source.line ?? null);
    cols.page.push(f.source.page ?? null); cols.box.push(f.source.box ? JSON.stringify(f.source.box) : null);
    cols.file.push(f.source.file ?? null);
  });
}

/** 横比 rows: (city, year, unit), one row group per city and year, its range in the catalog. */
function writePeers(root: string, key: string, kept: readonly DocSummary[], cities: ArchiveCity[]): ArchiveFile {
  const order = [...kept].sort((a, b) => cmp(a.city, b.city) || a.year - b.year || cmp(a.unitKey, b.unitKey) || cmp(a.docId, b.docId));
  const file = new ParquetFile(root, peersPath(key), FIGURE_SPECS);
  const byCity = new Map(cities.map((c) => [c.name, c]));
  let row = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j].city === order[i].city && order[j].year === order[i].year) j++;
    const cols = columns(FIGURE_SPECS);
    for (const d of order.slice(i, j)) pushFigures(cols, d.docId, d.yoy.filter((r) => isComparedFigure(r.table, r.rowCode, r.column, PEER_CODE_LENGTH)));
    const n = cols.doc_id.length;
    byCity.get(order[i].city)!.peers[String(order[i].year)] = [row, n] satisfies RowRange;
    file.group(cols);
    row += n;
    i = j;
  }
  return file.finish();
}

/**
 * Per document its metrics and those of the unit's document of the year before (same city, unit
 * and stage; the 部门 one when there are two, as pickDocument chooses), for the change ranking:
 * (year, city, unit), one row group per year.
 */
function writeMetrics(root: string, key: string, kept: readonly DocSummary[]): { file: ArchiveFile; ranges: Record<string, RowRange> } {
  const chosen = new Map<string, DocSummary>();
  for (const d of kept) {
    const k = `${d.city}|${d.unitKey}|${d.stage}|${d.year}`;
    const best = chosen.get(k);
    if (!best || (best.scope !== 'department' && d.scope === 'department') || best.scope === d.scope) chosen.set(k, d);
  }
  const order = [...kept].sort((a, b) => a.year - b.year || cmp(a.city, b.city) || cmp(a.unitKey, b.unitKey) || cmp(a.docId, b.docId));
  const file = new ParquetFile(root, metricsPath(key), METRIC_SPECS);
  const ranges: Record<string, RowRange> = {};
  let row = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j].year === order[i].year) j++;
    const cols = columns(METRIC_SPECS);
    for (const d of order.slice(i, j)) {
      const prior = chosen.get(`${d.city}|${d.unitKey}|${d.stage}|${d.year - 1}`);
      const base: Record<string, unknown> = { doc_id: d.docId, unit_key: d.unitKey, unit_code: d.code, unit_name: d.name, city: d.city, scope: d.scope,
        stage: d.stage, year: d.year, prior_year: prior ? prior.year : null };
      METRIC_KEYS.forEach((m, x) => { base[m] = d.metrics[x]; base[`prior_${m}`] = prior ? prior.metrics[x] : null; });
      for (const s of METRIC_SPECS) cols[s.name].push(base[s.name]);
    }
    ranges[String(order[i].year)] = [row, j - i];
    file.group(cols);
    row += j - i;
    i = j;
  }
  return { file: file.finish(), ranges };
}
