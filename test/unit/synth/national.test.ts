import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/ingest/file';
import { regionOf } from '../../../src/lib/model/region';
import { renderDocument } from '../../../src/lib/synth';
import { nationalCorpus, nationalSynthDocuments, nationalUnits, storedDocument } from '../../../src/lib/synth/national';

const key = (f: { table: string; rowCode: string; column: string; amount: number; rowName: string }) =>
  `${f.table}|${f.rowCode}|${f.column}|${f.amount}|${f.rowName}`;

describe('synthetic national corpus', () => {
  it('builds each document exactly as the importer reads its printed text', async () => {
    const docs = [...nationalSynthDocuments({ documents: 40, seed: 9, years: 4 })].filter((_, i) => i % 3 === 0);
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) {
      const text = renderDocument(doc);
      const read = await importFile(new TextEncoder().encode(text.text), text.fileName, { openPdf: () => Promise.reject(new Error('no pdf')) });
      if (!read.ok) throw new Error(read.error);
      const built = storedDocument(doc, 9);
      expect(built.meta).toEqual(read.docs[0].meta);
      expect(built.figures.map(key)).toEqual(read.docs[0].figures.map(key));
      expect(built.tables.map((t) => [t.table, t.status, t.title])).toEqual(read.docs[0].tables.map((t) => [t.table, t.status, t.title]));
    }
  }, 60_000);

  it('is deterministic, streamed in order, and spreads cities over provinces', () => {
    const a = [...nationalCorpus({ documents: 700, seed: 3, years: 5 })];
    const b = [...nationalCorpus({ documents: 700, seed: 3, years: 5 })];
    expect(a).toHaveLength(700);
    expect(a.map((d) => d.docId)).toEqual(b.map((d) => d.docId));
    expect(new Set(a.map((d) => d.docId)).size).toBe(700);
    expect(a[0].figures).toEqual(b[0].figures);
    const units = [...nationalUnits({ documents: 100_000, seed: 1 })];
    const provinces = new Set(units.map((u) => u.province));
    const cities = new Set(units.map((u) => `${u.province}|${u.city}`));
    expect(provinces.size).toBe(31);
    expect(cities.size).toBeGreaterThan(150);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    // The region a real library would read from the name is the province.
    expect(regionOf(units[40].name)).toBe('合成第一省');
  });

  it('with finals, follows each 预算 with its 决算 (own id, 决算 columns) and keeps the budgets as they were', () => {
    const plain = [...nationalCorpus({ documents: 300, seed: 3, years: 4 })];
    const both = [...nationalCorpus({ documents: 600, seed: 3, years: 4, finals: true })];
    expect(both.length).toBe(600);
    const budgets = both.filter((d) => d.meta.stage === 'budget');
    expect(budgets).toEqual(plain);
    both.forEach((d, i) => {
      if (i % 2 === 0) return;
      const b = both[i - 1];
      expect(d.meta).toEqual({ ...b.meta, stage: 'final' });
      expect(d.figures.some((f) => f.column === 'initial_budget')).toBe(true);
      expect(d.figures.some((f) => f.column === 'full_year_budget')).toBe(true);
    });
    const ids = both.map((d) => d.docId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
  });
});
