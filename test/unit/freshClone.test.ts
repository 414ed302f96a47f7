import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/lib/model/catalog';
import { parseSample } from '../../src/lib/model/sample';
import { repoRoot } from '../../scripts/paths';

/**
 * What a newcomer does: clone the repository alone (no ../shared beside it) and build. The build must
 * not read ../shared, and dist/ must carry the sample. node_modules is linked from this checkout to
 * save the install; everything else comes from git, so an uncommitted file can't make this pass.
 */
const work = mkdtempSync(path.join(tmpdir(), 'bl-clone-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a fresh clone with nothing beside it', () => {
  it('builds the app with its sample data', { timeout: 300_000 }, () => {
    const clone = path.join(work, 'budget-lens');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone], { stdio: 'pipe' });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    expect(existsSync(path.join(work, 'shared'))).toBe(false);
    // BUDGET_LENS_SHARED pointing nowhere: were the build to look for the corpus, it would not find it.
    const env = { ...process.env, BUDGET_LENS_SHARED: path.join(work, 'no-shared-here') };
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: clone, env, stdio: 'pipe' });

    const dist = path.join(clone, 'dist');
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    const sample = parseSample(JSON.parse(readFileSync(path.join(dist, 'data', 'sample.json'), 'utf8')));
    expect(sample.files.map((f) => f.fileName).length).toBe(5);
    const catalog = parseCatalog(JSON.parse(readFileSync(path.join(dist, 'data', 'catalog.json'), 'utf8')));
    expect(catalog.ok && catalog.catalog.datasets.map((d) => d.id)).toContain('seeds');
    expect(existsSync(path.join(dist, 'data', 'seeds.csv'))).toBe(true);
    // The service worker precaches the sample, so the first visit works offline too.
    expect(readFileSync(path.join(dist, 'sw.js'), 'utf8')).toContain('data/sample.json');
    expect(readFileSync(path.join(dist, 'sw.js'), 'utf8')).toContain('data/seeds.csv');
  });
});
