import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import initSqlJs from 'sql.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { archiveMain } from '../../../scripts/archive/cli';
import { buildDataset } from '../../../scripts/build-data';
import { Archive } from '../../../src/lib/archive/archive';
import type { ArchiveCatalog } from '../../../src/lib/archive/format';
import { parseCatalog } from '../../../src/lib/model/catalog';
import { parseFormatCsv } from '../../../src/lib/model/formatCsv';
import { corpusDir, goldDir, seedsDir } from '../../support/shared';
import { RangeHost } from '../../browser/support/rangeHost';

/** `npm run build:data -- FOLDER --archive OUT`: the real seed disclosures in, an archive the app opens out. */
const gold = JSON.parse(readFileSync(path.join(goldDir, 'seeds.json'), 'utf8')) as { documents: { unit_code: string; year: number }[] };
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'bl-archive-cli-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

describe('build:data --archive', () => {
  it('archives a folder of disclosures, every document whole, and lists it in a site catalog', async () => {
    const out = path.join(work, 'site', 'archives', 'seeds');
    const catalogFile = path.join(work, 'site', 'data', 'catalog.json');
    const data = await buildDataset({ folder: seedsDir, id: 'seeds', title: '示例', region: '河北', outDir: path.dirname(catalogFile) }, () => {});
    expect(await archiveMain([seedsDir, '--archive', out, '--title', '示例档案', '--catalog', catalogFile])).toBe(0);

    const listed = JSON.parse(readFileSync(catalogFile, 'utf8')) as { archives: { title: string; url: string }[] };
    expect(listed.archives).toEqual([{ title: '示例档案', url: '../archives/seeds/' }]);
    const parsed = parseCatalog(listed);
    expect(parsed.ok && parsed.catalog.datasets.map((d) => d.id)).toEqual(['seeds']);

    const host = new RangeHost(path.join(work, 'site'));
    await host.start();
    try {
      const a = await Archive.open(new URL('archives/seeds/', host.url).href, await initSqlJs());
      expect(a.catalog.documents).toBe(gold.documents.length);
      const units = await a.units();
      expect(units.map((u) => u.code).sort()).toEqual([...new Set(gold.documents.map((d) => d.unit_code))].sort());
      // Every document comes back exactly as build:data's dataset holds it.
      const local = new Map(parseFormatCsv(readFileSync(path.join(path.dirname(catalogFile), data.dataset.file), 'utf8')).docs.map((d) => [d.docId, d]));
      let n = 0;
      for (const u of units) {
        for (let i = 0; i < u.documents; i++) {
          const doc = await a.document(u.province, u.docRow + i);
          const mine = local.get(doc.docId)!;
          expect(doc.meta).toEqual(mine.meta);
          expect(doc.figures.map((f) => [f.table, f.rowCode, f.column, f.amount])).toEqual(mine.figures.map((f) => [f.table, f.rowCode, f.column, f.amount]));
          n++;
        }
      }
      expect(n).toBe(gold.documents.length);
    } finally {
      await host.stop();
    }
  }, 120_000);

  it('archives a narrative published as its own PDF with its tables, one document, its rows naming that file', async () => {
    // The real Jiangsu corpus: a department whose narrative and tables are two PDFs each year.
    const jiangsu = JSON.parse(readFileSync(path.join(goldDir, 'jiangsu-training.json'), 'utf8')) as { documents: { file: string; doc_id: string }[] };
    const folder = path.join(corpusDir, 'jiangsu');
    const out = path.join(work, 'archive');
    // The folder's README is not a disclosure: listed, skipped, exit status 1.
    expect(await archiveMain([folder, out])).toBe(1);
    const catalog = JSON.parse(readFileSync(path.join(out, 'archive.json'), 'utf8')) as ArchiveCatalog;
    expect(catalog.documents).toBe(jiangsu.documents.length);
    const texts = readdirSync(folder).filter((f) => f.endsWith('-text.pdf'));
    expect(texts.length).toBeGreaterThan(0);

    const rows: { doc_id: string; table_key: string; page: number | null; file: string | null }[] = [];
    for (const f of catalog.files.filter((x) => x.path.startsWith('figures/'))) {
      const bytes = readFileSync(path.join(out, f.path));
      rows.push(...(await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), columns: ['doc_id', 'table_key', 'page', 'file'] })) as typeof rows);
    }
    expect([...new Set(rows.map((r) => r.doc_id))].sort()).toEqual(jiangsu.documents.map((d) => d.doc_id).sort());
    // Each narrative's figures are in its tables' document and say which file their page is in.
    for (const text of texts) {
      const tables = jiangsu.documents.find((d) => d.file === text.replace(/-text\.pdf$/, '-tables.pdf'))!;
      const mine = rows.filter((r) => r.doc_id === tables.doc_id);
      const joined = mine.filter((r) => r.file !== null);
      expect(joined.length, text).toBeGreaterThan(0);
      expect(new Set(joined.map((r) => r.file))).toEqual(new Set([text]));
      expect(joined.every((r) => r.table_key === 'facts' && r.page !== null)).toBe(true);
      expect(mine.some((r) => r.file === null && r.table_key !== 'facts')).toBe(true);
    }
    // Documents of one file say nothing of another.
    expect(rows.filter((r) => r.file !== null).every((r) => texts.includes(r.file!))).toBe(true);
  }, 120_000);

  it('refuses to replace a folder that is not an archive, and says so', async () => {
    writeFileSync(path.join(work, 'keep.txt'), '别删我');
    expect(await archiveMain([seedsDir, '--archive', work])).toBe(2);
    expect(readFileSync(path.join(work, 'keep.txt'), 'utf8')).toBe('别删我');
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).toMatch(/不是空的，也不是一个数据档案/);
  });
});
