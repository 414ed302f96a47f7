import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../../scripts/convert';
import { parseFormatCsv } from '../../../src/lib/model/formatCsv';
import { suggestAll } from '../../../src/lib/profiles/suggest';
import { profilesFileText } from '../../../src/lib/profiles/validate';
import { documents } from '../../../src/lib/synth';
import { renderUnknownLayout } from '../../../src/lib/synth/unknownLayout';
import { figureKey, unknownDoc } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'convert-profiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('npm run convert -- --profiles', () => {
  it('reads a document of a layout it does not know through the profiles taught on another', async () => {
    const taught = await unknownDoc(0, 'tab');
    const profiles = suggestAll(taught.raw, taught.raw.map((_, i) => `版式${i + 1}`), []).map((s) => s.profile);
    const profilesFile = join(dir, '版式.json');
    writeFileSync(profilesFile, profilesFileText(profiles));
    const other = renderUnknownLayout(documents(4, 7, 'cells')[3]);
    const input = join(dir, other.fileName);
    writeFileSync(input, other.text);

    const plain = capture();
    expect(await main([input], plain)).toBe(0);
    expect(parseFormatCsv(plain.out).docs[0].figures.filter((f) => f.table !== 'facts')).toEqual([]);

    const io = capture();
    expect(await main([input, '--profiles', profilesFile], io)).toBe(0);
    const read = parseFormatCsv(io.out);
    expect(read.errors).toEqual([]);
    expect(read.docs[0].figures.filter((f) => f.table !== 'facts').map(figureKey).sort()).toEqual(other.figures.map(figureKey).sort());
    expect(io.err).toMatch(/「部门经费甲类明细表」按版式配置 版式1 读取/);
  }, 60_000);

  it('refuses a profiles file that is not one, naming it, before reading anything', async () => {
    const bad = join(dir, '坏的.json');
    writeFileSync(bad, JSON.stringify({ schema: 'budget-lens/layout-profiles', version: 1, profiles: [{ name: 'x' }] }));
    const io = capture();
    expect(await main([join(dir, 'none.txt'), '--profiles', bad], io)).toBe(2);
    expect(io.err).toMatch(/版式配置文件「坏的\.json」无法使用/);
    expect(io.out).toBe('');
  });
});

describe('npm run build:data -- --profiles', () => {
  it('reads the folder through the profiles and ships them beside the dataset, named in its catalog entry', async () => {
    const { buildDataset } = await import('../../../scripts/build-data');
    const { parseCatalog } = await import('../../../src/lib/model/catalog');
    const { readProfilesFile } = await import('../../../src/lib/profiles/validate');
    const { readFileSync, mkdirSync } = await import('node:fs');
    const taught = await unknownDoc(0, 'tab');
    const profiles = suggestAll(taught.raw, taught.raw.map((_, i) => `版式${i + 1}`), []).map((s) => s.profile);
    const folder = join(dir, 'folder');
    const out = join(dir, 'out');
    mkdirSync(folder);
    const docs = [renderUnknownLayout(documents(3, 7, 'tab')[2]), renderUnknownLayout(documents(6, 7, 'cells')[5])];
    docs.forEach((d, i) => writeFileSync(join(folder, `${i}.txt`), d.text));
    const { dataset, failed } = await buildDataset({ folder, id: 'county', outDir: out, profiles }, () => undefined);
    expect(failed).toBe(0);
    expect(dataset.profiles).toBe('county.profiles.json');
    const catalog = parseCatalog(JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')));
    expect(catalog.ok && catalog.catalog.datasets[0].profiles).toBe('county.profiles.json');
    expect(readProfilesFile(readFileSync(join(out, 'county.profiles.json'), 'utf8'), 'county.profiles.json')).toEqual({ ok: true, profiles });
    const csv = parseFormatCsv(readFileSync(join(out, 'county.csv'), 'utf8'));
    const got = csv.docs.flatMap((d) => d.figures.filter((f) => f.table !== 'facts').map(figureKey)).sort();
    expect(got).toEqual(docs.flatMap((d) => d.figures.map(figureKey)).sort());
    expect(parseCatalog({ version: 1, datasets: [{ ...dataset, profiles: '../x.js' }] }).ok).toBe(false);
  }, 60_000);
});
