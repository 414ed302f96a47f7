import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive, type ArchiveUnit } from '../../../src/lib/archive/archive';
import { loadFigures } from '../../../src/lib/compare/figures';
import { METRIC_BY_KEY, readMetric } from '../../../src/lib/compare/metrics';
import { peersQuery } from '../../../src/lib/compare/peers';
import { loadUnits, pickDocument } from '../../../src/lib/compare/units';
import { yoyQuery } from '../../../src/lib/compare/yoy';
import { LibraryDb } from '../../../src/lib/db/library';
import { RangeHost } from '../../browser/support/rangeHost';
import { archiveFixture, type Fixture } from './fixture';

/**
 * Issue 21: every view over the archive equals the same view over the same documents imported
 * locally, figure for figure (cells, their sources, changes, ranks, outliers, omissions).
 */
let fx: Fixture;
let host: RangeHost;
let archive: Archive;
let units: ArchiveUnit[];

beforeAll(async () => {
  fx = await archiveFixture();
  host = new RangeHost(fx.dir);
  await host.start();
  archive = await Archive.open(host.url, fx.SQL);
  units = await archive.units();
}, 180_000);

afterAll(async () => {
  await host?.stop();
  fx?.dispose();
});

describe('archive views equal local views', () => {
  it('lists every unit and document of the corpus', () => {
    expect(fx.catalog.documents).toBe(2000);
    expect(units.reduce((n, u) => n + u.documents, 0)).toBe(2000);
    expect(new Set(units.map((u) => u.key))).toEqual(new Set(loadUnits(fx.local.compare).groups.map((g) => g.key)));
  });

  it('同比 of sampled units (renamed and gapped ones included)', async () => {
    const sample = units.filter((_, i) => i % 9 === 0 || i % 17 === 5 || i % 23 === 7);
    expect(sample.length).toBeGreaterThan(40);
    for (const u of sample) {
      const remote = await archive.yoy(u);
      expect(remote).not.toBeNull();
      expect(remote).toEqual(yoyQuery(fx.local.compare, u.key));
    }
  }, 120_000);

  it('横比 of every city for two years', async () => {
    let checked = 0;
    for (const p of fx.catalog.provinces) {
      for (const city of p.cities) {
        const keys = units.filter((u) => u.province === p.key && u.city === city.name).map((u) => u.key);
        for (const year of [fx.catalog.years[0], fx.catalog.years[fx.catalog.years.length - 1]]) {
          const remote = await archive.peers(p.key, city.name, year);
          const local = peersQuery(fx.local.compare, { year, stage: 'budget', scope: 'department', selection: { kind: 'units', keys } });
          expect(remote.columns.length).toBeGreaterThan(0);
          expect({ ...remote, departments: null }).toEqual({ ...local, departments: null });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  }, 120_000);

  it('the change ranking of a province, against the metrics the local views compute', async () => {
    const p = fx.catalog.provinces[0];
    const year = fx.catalog.years[2];
    const rows = await archive.ranking(p.key, year);
    const lib = loadUnits(fx.local.compare);
    const mine = new Set(units.filter((u) => u.province === p.key).map((u) => u.key));
    const metric = (docId: string) => readMetric(loadFigures(fx.local.compare, [docId]).get(docId)!, METRIC_BY_KEY.get('expense_total')!)?.amount ?? null;
    const expected = [...mine].flatMap((key) => {
      const of = (y: number) => pickDocument(lib.docs.filter((d) => d.unitKey === key && d.year === y && d.stage === 'budget'));
      const cur = of(year);
      if (!cur) return [];
      const prior = of(year - 1);
      return [{ docId: cur.docId, amount: metric(cur.docId), prior: prior ? metric(prior.docId) : null }];
    });
    expect(rows.map((r) => ({ docId: r.docId, amount: r.amount, prior: r.prior })).sort((a, b) => a.docId.localeCompare(b.docId)))
      .toEqual(expected.sort((a, b) => a.docId.localeCompare(b.docId)));
    expect(rows.some((r) => r.prior === null)).toBe(true); // a unit that skipped the year before
    for (let i = 1; i < rows.length; i++) if (rows[i].change !== null) expect(rows[i - 1].change!).toBeGreaterThanOrEqual(rows[i].change!);
  });

  it('brings a document into the local library whole', async () => {
    const u = units[3];
    const docs = await archive.unitDocuments(u);
    const got = await archive.document(u.province, u.docRow + 1);
    const original = fx.docs.get(docs[1].doc_id)!;
    expect(got).toEqual(original);
    const lib = LibraryDb.create(fx.SQL);
    try {
      expect(lib.addDocuments([got], 'archive', got.docId).added).toEqual([got.docId]);
      expect(lib.figures(got.docId)).toEqual(fx.local.figures(got.docId));
    } finally {
      lib.close();
    }
  });
});
