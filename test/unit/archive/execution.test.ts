import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive, type ArchiveUnit } from '../../../src/lib/archive/archive';
import { executionQuery } from '../../../src/lib/compare/execution';
import { loadUnits } from '../../../src/lib/compare/units';
import { RangeHost } from '../../browser/support/rangeHost';
import { archiveFixture, TEST_CORPUS, type Fixture } from './fixture';

/**
 * Issue 21, 执行 over the archive: a corpus whose unit-years carry a 决算 beside the 预算; the archive's
 * execution of a unit and year equals executionQuery over the same documents imported locally, figure
 * for figure, and reads only that unit-year's two documents.
 */
let fx: Fixture;
let host: RangeHost;
let archive: Archive;
let units: ArchiveUnit[];

beforeAll(async () => {
  fx = await archiveFixture({ ...TEST_CORPUS, documents: 1000, finals: true });
  host = new RangeHost(fx.dir);
  await host.start();
  archive = await Archive.open(host.url, fx.SQL);
  units = await archive.units();
}, 180_000);

afterAll(async () => {
  await host?.stop();
  fx?.dispose();
});

describe('执行 over the archive', () => {
  it('carries the 决算 documents, stage final, with ids of their own', () => {
    expect(fx.catalog.documents).toBe(1000);
    expect(fx.catalog.stages).toEqual(['budget', 'final']);
    const finals = [...fx.docs.values()].filter((d) => d.meta.stage === 'final');
    expect(finals.length).toBe(500);
    expect(finals.every((d) => /^[0-9a-f]{12}$/.test(d.docId))).toBe(true);
    expect(finals[0].figures.some((f) => f.column === 'full_year_budget')).toBe(true);
  });

  it('equals the local view for sampled units and years, and lists the years with both stages', async () => {
    const local = loadUnits(fx.local.compare);
    const sample = units.filter((_, i) => i % 5 === 0 || i % 7 === 3);
    expect(sample.length).toBeGreaterThan(10);
    let compared = 0;
    for (const u of sample) {
      const years = await archive.executionYears(u);
      const expected = u.years.filter((y) => ['budget', 'final'].every((s) => local.docs.some((d) => d.unitKey === u.key && d.year === y && d.stage === s)));
      expect(years).toEqual(expected);
      for (const year of years.filter((_, i) => i % 2 === 0)) {
        const remote = await archive.execution(u, year);
        expect(remote?.finalDoc).not.toBeNull();
        expect(remote?.budgetDoc).not.toBeNull();
        expect(remote!.rows.length).toBeGreaterThan(10);
        expect(remote).toEqual(executionQuery(fx.local.compare, u.key, year));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 120_000);

  it('transfers little for one execution view, cold', async () => {
    const fresh = await Archive.open(host.url, fx.SQL);
    const u = units[4];
    const [year] = await fresh.executionYears(u);
    const before = host.bytes;
    const result = await fresh.execution(u, year);
    expect(result?.finalDoc).not.toBeNull();
    const bytes = host.bytes - before;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(1_000_000);
  }, 60_000);
});
