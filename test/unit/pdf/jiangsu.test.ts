import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as convert } from '../../../scripts/convert';
import { CORPORA, reportCorpus, type CorpusReport } from '../../../scripts/gold';
import { parseFormatCsv } from '../../../src/lib/model/formatCsv';

// The nine real Jiangsu PDFs (six documents: the swbgt years are a narrative PDF and a tables PDF
// given together), read with pdf.js's Node build through the same path as `convert`, against
// gold/jiangsu-training.json. Facts (the narrative's figures) are read by ingest/narrative.ts, which
// another part of the project owns; they are held to "nothing extra" here, not to completeness.
const jiangsu = CORPORA.find((c) => c.name === 'jiangsu')!;
let report: CorpusReport;

beforeAll(async () => {
  report = await reportCorpus(jiangsu);
}, 240_000);

describe('Jiangsu training set (twelve-table template)', () => {
  it('reads every file, and every document once: no stray documents', () => {
    expect(report.errors).toEqual([]);
    expect(report.unclaimed.map((d) => `${d.fileName} ${d.docId}`)).toEqual([]);
    expect(report.documents.map((d) => d.doc?.docId ?? null)).toEqual(report.documents.map((d) => d.gold.doc_id));
  });

  it('gives each document its identity', () => {
    for (const d of report.documents) {
      const { gold } = d;
      expect(d.doc?.meta, gold.file).toEqual({ unitCode: gold.unit_code, unitName: gold.unit_name, scope: gold.scope, stage: gold.stage, year: gold.year });
    }
  });

  it('gives every gold figure of the tables exactly', () => {
    const missing = report.documents.flatMap((d) => d.missing.filter((m) => !m.startsWith('facts|')).map((m) => `${d.gold.file}: ${m}`));
    expect(missing).toEqual([]);
    // The tables hold most of the gold: at least 900 of its 960 figures are table figures.
    expect(report.documents.reduce((n, d) => n + d.gold.figures.filter((f) => f[0] !== 'facts').length, 0)).toBeGreaterThan(900);
  });

  it('gives nothing extra or misplaced in the tables the gold records completely', () => {
    expect(report.documents.flatMap((d) => d.extra.map((x) => `${d.gold.file}: ${x}`))).toEqual([]);
  });

  it('maps no Jiangsu-only table onto a national key', () => {
    for (const d of report.documents) {
      const doc = d.doc!;
      const titleOf = (key: string) => doc.tables.find((t) => t.table === key)?.title ?? '';
      expect(titleOf('general_expense'), d.gold.file).toMatch(/一般公共预算/);
      expect(titleOf('general_expense')).not.toMatch(/机关运行/);
      expect(titleOf('expense')).not.toMatch(/财政拨款|采购/);
      expect(titleOf('fiscal_expense')).toMatch(/财政拨款/);
      expect(titleOf('operating_cost')).toMatch(/机关运行经费/);
    }
  });

  it('places every table figure on its page with the box of its cell', () => {
    for (const d of report.documents) {
      const unplaced = d.doc!.figures.filter((f) => f.table !== 'facts' && !(f.source.page && f.source.box));
      expect(unplaced.map((f) => `${f.table}|${f.rowCode}|${f.column}`), d.gold.file).toEqual([]);
    }
  });
});

describe('convert: a narrative PDF and its tables PDF given together', () => {
  it('write one document, with the tables file\'s id and the narrative\'s facts', { timeout: 120_000 }, async () => {
    const gold = report.documents.find((d) => d.gold.files?.length === 2)!.gold;
    let out = '';
    const code = await convert(gold.files!.map((f) => path.join(jiangsu.dir, f)), { stdout: (t) => void (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    const { docs, errors } = parseFormatCsv(out);
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.docId)).toEqual([gold.doc_id]);
    expect(docs[0].figures.some((f) => f.table === 'facts')).toBe(true);
    expect(docs[0].meta.unitName).toBe(gold.unit_name);
  });
});
