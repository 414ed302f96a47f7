import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../../scripts/archive/build';
import { Archive, type ArchiveUnit } from '../../../src/lib/archive/archive';
import { yoyPath, type ArchiveCatalog } from '../../../src/lib/archive/format';
import { ArchiveError, type FetchFn } from '../../../src/lib/archive/http';
import { LibraryDb } from '../../../src/lib/db/library';
import { nationalCorpus } from '../../../src/lib/synth/national';
import { RangeHost, type Fault } from '../../browser/support/rangeHost';

/**
 * Issue 21: a broken range response, a truncated file, or a catalog pointing at another origin each
 * get a clear Chinese message naming the file, and nothing is lost: the archive answers again once
 * the host does, and a library the user was importing into is left as it was.
 */
let SQL: SqlJsStatic;
let dir: string;
let catalog: ArchiveCatalog;
let host: RangeHost;

beforeAll(async () => {
  SQL = await initSqlJs();
  dir = mkdtempSync(path.join(tmpdir(), 'bl-archive-faults-'));
  ({ catalog } = await buildArchive(nationalCorpus({ documents: 240, seed: 5, years: 3 }), { outDir: dir, id: 'faults', title: '故障测试档案', built: '2026-01-01T00:00:00Z' }));
  host = new RangeHost(dir);
  await host.start();
}, 120_000);

afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  host.fault = null;
});

async function firstUnit(a: Archive): Promise<ArchiveUnit> {
  const units = await a.units();
  const u = units.find((x) => x.years.length === 3);
  if (!u) throw new Error('the corpus has no unit with three years');
  return u;
}

async function failure(p: Promise<unknown>): Promise<ArchiveError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ArchiveError);
  return e as ArchiveError;
}

describe('broken range responses', () => {
  const cases: [Fault, RegExp][] = [
    ['ignore-range', /不支持按范围读取/],
    ['short-body', /传输中断或文件不完整/],
    ['wrong-range', /不是所请求的/],
  ];
  for (const [fault, said] of cases) {
    it(`${fault}: said plainly, naming the file; the same archive answers once the host does`, async () => {
      const a = await Archive.open(host.url, SQL);
      const u = await firstUnit(a);
      const expected = await (await Archive.open(host.url, SQL)).yoy(u);
      host.fault = { kind: fault, match: '/yoy/' };
      const e = await failure(a.yoy(u));
      expect(e.message).toMatch(said);
      expect(e.message).toContain(yoyPath(u.province));
      host.fault = null;
      // A failed footer or row read is not remembered: the next try reads it again, whole.
      expect(await a.yoy(u)).toEqual(expected);
    });
  }

  it('an import that fails half-way leaves the library as it was', async () => {
    const a = await Archive.open(host.url, SQL);
    const u = await firstUnit(a);
    const lib = LibraryDb.create(SQL);
    try {
      const first = await a.document(u.province, u.docRow + 1);
      lib.addDocuments([first], 'archive', `archive:${first.docId}`);
      const before = lib.listDocuments();
      expect(before.length).toBe(1);
      host.fault = { kind: 'short-body', match: '/figures/' };
      const e = await failure(a.document(u.province, u.docRow).then((d) => lib.addDocuments([d], 'archive', `archive:${d.docId}`)));
      expect(e.message).toMatch(/figures\/province=\d\d\/year=\d{4}\.parquet/);
      expect(lib.listDocuments()).toEqual(before);
      host.fault = null;
      const doc = await a.document(u.province, u.docRow);
      expect(lib.addDocuments([doc], 'archive', `archive:${doc.docId}`).added).toEqual([doc.docId]);
    } finally {
      lib.close();
    }
  });
});

describe('a truncated archive', () => {
  it('a file shorter than the catalog says', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'bl-archive-cut-'));
    const cut = new RangeHost(copy);
    try {
      cpSync(dir, copy, { recursive: true });
      const a = await Archive.open(host.url, SQL);
      const u = await firstUnit(a);
      const file = catalog.files.find((f) => f.path === yoyPath(u.province))!;
      // Cut off the footer's trailer (an upload that stopped short), then the last half.
      for (const keep of [file.bytes - 4, Math.floor(file.bytes / 2)]) {
        truncateSync(path.join(copy, file.path), keep);
        await cut.start();
        const b = await Archive.open(cut.url, SQL);
        const e = await failure(b.yoy(u));
        expect(e.message).toContain(file.path);
        expect(e.message).toMatch(/短|不符|不完整/);
        await cut.stop();
      }
    } finally {
      await cut.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a catalog cut short, or of a newer format', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'bl-archive-cat-'));
    const other = new RangeHost(copy);
    try {
      const text = readFileSync(path.join(dir, 'archive.json'), 'utf8');
      writeFileSync(path.join(copy, 'archive.json'), text.slice(0, text.length >> 1));
      await other.start();
      expect((await failure(Archive.open(other.url, SQL))).message).toMatch(/archive\.json 不是有效的 JSON/);
      writeFileSync(path.join(copy, 'archive.json'), JSON.stringify({ ...JSON.parse(text), version: 99 }));
      expect((await failure(Archive.open(other.url, SQL))).message).toMatch(/版本 99.*请更新预算透镜/);
      expect((await failure(Archive.open(`${other.url}nowhere/`, SQL))).message).toMatch(/HTTP 404/);
    } finally {
      await other.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('another origin', () => {
  it('a catalog whose files point elsewhere is refused before anything is read from there', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'bl-archive-elsewhere-'));
    const other = new RangeHost(copy);
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'archive.json'), 'utf8')) as ArchiveCatalog;
      await other.start();
      for (const elsewhere of ['//evil.example/units.parquet', 'https://evil.example/units.parquet', '/units.parquet', '../units.parquet']) {
        json.files[0] = { ...json.files[0], path: elsewhere };
        writeFileSync(path.join(copy, 'archive.json'), JSON.stringify(json));
        const e = await failure(Archive.open(other.url, SQL));
        expect(e.message).toMatch(/无效的文件条目/);
      }
      expect(other.log.every((l) => l.endsWith('/archive.json'))).toBe(true);
    } finally {
      await other.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('an archive on a host that does not allow this site (CORS) is said to be so', async () => {
    // What a browser does when the other host sends no Access-Control-Allow-Origin: the fetch rejects.
    const page = 'https://budget-lens.example';
    const blocked: FetchFn = (url, init) => (new URL(url).origin === page ? fetch(url, init) : Promise.reject(new TypeError('Failed to fetch')));
    const e = await failure(Archive.open(host.url, SQL, { origin: page, fetch: blocked }));
    expect(e.message).toContain(`另一网站（${new URL(host.url).origin}）`);
    expect(e.message).toMatch(/跨域读取（CORS）/);
    // Where the host allows it, the same archive opens from another origin.
    const a = await Archive.open(host.url, SQL, { origin: page });
    expect(a.catalog.documents).toBe(catalog.documents);
  });
});
