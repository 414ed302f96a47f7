import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { addImported } from '../../../src/lib/worker/imports';
import type { ImportFileResult } from '../../../src/lib/worker/protocol';
import { seedsDir } from '../../support/shared';
import { seedFiles } from '../ingest/seeds';
import { docxOf, xlsxOf } from '../ingest/office/fixtures';
import { trackedLibraries } from '../db/tracked';

/**
 * One disclosure published in two formats (the text, its Word file, its spreadsheet) is one
 * document: the second file is reported as the same, naming the first, and nothing is added twice.
 * A file whose figures differ in one cell is another document, kept beside the first, and the import
 * says how many cells differ.
 */
// sql.js once, each library closed after its test, its counts and compared figures checked first.
const { SQL, track } = trackedLibraries();

async function add(into: LibraryDb, bytes: Uint8Array, name: string): Promise<ImportFileResult> {
  const read = await importFile(bytes, name);
  if (!read.ok) throw new Error(read.error);
  return addImported(into, read, name, bytes);
}

const seed = (file: string) => new Uint8Array(readFileSync(path.join(seedsDir, file)));
const textOf = (file: string) => new TextDecoder().decode(seed(file));
const count = (into: LibraryDb) => into.listDocuments().length;

describe('the same disclosure in another format', { timeout: 120_000 }, () => {
  it.each(seedFiles.map((f) => [f]))('%s: its Word file and its spreadsheet after the text add nothing, and say which file they repeat', async (file) => {
    const lib = track(LibraryDb.create(SQL()));
    const first = await add(lib, seed(file), file);
    expect(first.status).toBe('added');
    const documents = count(lib);
    for (const [bytes, name] of [[docxOf(textOf(file)), `${file}.docx`], [xlsxOf(textOf(file)), `${file}.xlsx`]] as const) {
      const again = await add(lib, bytes, name);
      expect(again.status).toBe('duplicate');
      if (again.status !== 'duplicate') continue;
      expect(again.message).toContain(`「${name}」`);
      expect(again.message).toContain(`「${file}」`);
      expect(again.message).toContain('完全相同');
      expect(count(lib)).toBe(documents);
    }
  });

  it('the other way round: the text after its Word file adds nothing either', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const file = seedFiles[0];
    expect((await add(lib, docxOf(textOf(file)), '公开.docx')).status).toBe('added');
    const again = await add(lib, seed(file), file);
    expect(again.status === 'duplicate' && again.message).toMatch(/与资料库中「公开\.docx」读出的.+ \d+ 个数字完全相同/);
    expect(count(lib)).toBe(1);
  });

  it('a file whose figures differ in one cell is another document; in a file of two, only the one repeated is left out', async () => {
    const lib = track(LibraryDb.create(SQL()));
    // Seed 004: a department and its unit (本级). One amount of the unit's 收支总表 printed otherwise.
    const file = seedFiles.find((f) => f.startsWith('004'))!;
    const first = await add(lib, seed(file), file);
    expect(first.status === 'added' && first.docs.length).toBe(2);
    const lines = textOf(file).split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l === '\t838.19');
    expect(at).toBeGreaterThan(0);
    lines[at] = '\t838.20';
    const changed = await add(lib, docxOf(lines.join('\n')), '更正版.docx');
    expect(changed.status).toBe('added');
    if (changed.status !== 'added') return;
    expect(changed.docs.map((d) => d.unitName)).toEqual(['保定白沟新城党群工作部（本级）']);
    expect(changed.sameAs).toEqual([{ unitName: '保定白沟新城党群工作部', year: 2023, fileName: file, cells: 0 }]);
    // The unit's two versions are both kept, and the import says how many of their cells differ.
    expect(changed.differs).toEqual([{ unitName: '保定白沟新城党群工作部（本级）', year: 2023, fileName: file, cells: 1 }]);
    expect(count(lib)).toBe(3);
  });

  it('a narrative in a file of its own and its tables in another are one disclosure joined, not two versions', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const read = await importFile(seed(seedFiles[0]), seedFiles[0]);
    if (!read.ok) throw new Error(read.error);
    const [doc] = read.docs;
    const part = (id: string, facts: boolean) => ({ ...doc, docId: id, fileName: `${id}.txt`, narrative: facts ? doc.narrative : undefined,
      tables: facts ? [] : doc.tables, projects: facts ? [] : doc.projects, figures: doc.figures.filter((f) => (f.table === 'facts') === facts) });
    const narrative = addImported(lib, { ...read, contentHash: 'narrative', docs: [part('narrative', true)] }, '说明.txt');
    expect(narrative.status === 'added' && narrative.differs).toBeFalsy();
    const tables = addImported(lib, { ...read, contentHash: 'tables', docs: [part('tables', false)] }, '表格.txt');
    expect(tables.status).toBe('added');
    expect(tables.status === 'added' && tables.differs).toBeFalsy();
  });

  it('a text saved in another encoding (UTF-16 with its BOM) is the same disclosure too', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const file = seedFiles[1];
    await add(lib, seed(file), file);
    const utf16 = new Uint8Array(Buffer.from(`\ufeff${textOf(file)}`, 'utf16le'));
    expect((await add(lib, utf16, 'utf16.txt')).status).toBe('duplicate');
    expect(count(lib)).toBe(1);
  });
});
