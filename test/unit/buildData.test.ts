import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDataset } from '../../scripts/build-data';
import { parseCatalog } from '../../src/lib/model/catalog';
import { corpusDir, goldDir, seedsDir } from '../support/shared';
import { parseFormatCsv } from '../../src/lib/model/formatCsv';

const seeds = seedsDir;
const gold = JSON.parse(readFileSync(path.join(goldDir, 'seeds.json'), 'utf8')) as {
  documents: { unit_code: string; year: number }[];
};

describe('npm run build:data', () => {
  it('converts a folder of disclosures into a dataset CSV and a catalog entry', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'bl-data-'));
    try {
      const logs: string[] = [];
      const { dataset, failed } = await buildDataset({ folder: seeds, id: 'seeds', title: '示例', region: '河北', outDir: out }, (s) => logs.push(s));
      expect(failed).toBe(0);
      expect(dataset.documents).toBe(gold.documents.length);
      expect(dataset.years).toEqual([...new Set(gold.documents.map((d) => d.year))].sort());
      expect(dataset.units.map((u) => u.code).sort()).toEqual(gold.documents.map((d) => d.unit_code).sort());
      const bytes = readFileSync(path.join(out, 'seeds.csv'));
      expect(dataset.bytes).toBe(bytes.length);
      expect(dataset.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const catalog = parseCatalog(JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')));
      expect(catalog.ok && catalog.catalog.datasets.map((d) => d.id)).toEqual(['seeds']);

      // A dataset built from the CSV itself is the same CSV: convert(convert(x)) = convert(x).
      const again = path.join(out, 'again');
      mkdirSync(again);
      copyFileSync(path.join(out, 'seeds.csv'), path.join(again, 'seeds.csv'));
      const second = await buildDataset({ folder: again, id: 'again', outDir: out });
      expect(readFileSync(path.join(out, 'again.csv'))).toEqual(bytes);
      expect(second.dataset.sha256).toBe(dataset.sha256);
      const both = parseCatalog(JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')));
      expect(both.ok && both.catalog.datasets.map((d) => d.id)).toEqual(['seeds', 'again']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // A limit for a hang only: it reads the five seeds twice, slow on a loaded machine.
  }, 60_000);

  it('reads a ZIP of disclosures in the folder as its files, and says what it left', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bl-zip-'));
    const out = mkdtempSync(path.join(tmpdir(), 'bl-data-'));
    try {
      copyFileSync(path.join(import.meta.dirname, 'ingest/bundle/bundle.zip'), path.join(folder, '2023年预算.zip'));
      const logs: string[] = [];
      const { dataset } = await buildDataset({ folder, id: 'zip', outDir: out }, (s) => logs.push(s));
      expect(dataset.documents).toBe(gold.documents.length);
      expect(dataset.units.map((u) => u.code).sort()).toEqual(gold.documents.map((d) => d.unit_code).sort());
      expect(logs.join('\n')).toContain('「2023年预算.zip」1 个图片、音视频或程序文件不是公开文件，未读取：「封面.png」');
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('makes one document of a narrative PDF and its tables PDF, as the library does', async () => {
    const jiangsu = JSON.parse(readFileSync(path.join(goldDir, 'jiangsu-training.json'), 'utf8')) as { documents: { file: string; doc_id: string }[] };
    const out = mkdtempSync(path.join(tmpdir(), 'bl-data-'));
    try {
      const { dataset, failed } = await buildDataset({ folder: path.join(corpusDir, 'jiangsu'), id: 'js', outDir: out }, () => {});
      expect(failed).toBe(1); // the folder's README
      expect(dataset.documents).toBe(jiangsu.documents.length);
      const docs = parseFormatCsv(readFileSync(path.join(out, 'js.csv'), 'utf8')).docs;
      expect(docs.map((d) => d.docId).sort()).toEqual(jiangsu.documents.map((d) => d.doc_id).sort());
      // The tables' documents hold their narrative's facts, and no document is a narrative alone.
      for (const d of jiangsu.documents.filter((x) => x.file.endsWith('-tables.pdf'))) {
        const doc = docs.find((x) => x.docId === d.doc_id)!;
        expect(doc.figures.some((f) => f.table === 'facts'), d.file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('lists files it cannot read and still writes the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-data-in-'));
    try {
      copyFileSync(path.join(seeds, '003_3753cf426c7ec0a0.txt'), path.join(dir, 'a.txt'));
      writeFileSync(path.join(dir, 'notes.txt'), '这只是一段笔记，和预算无关。');
      const logs: string[] = [];
      const { dataset, failed } = await buildDataset({ folder: dir, id: 'mixed', outDir: dir }, (s) => logs.push(s));
      expect(failed).toBe(1);
      expect(logs.join('\n')).toContain('「notes.txt」');
      expect(dataset.documents).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
