import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const distDir = path.join(repoRoot, 'dist');

/** dist/ is built by `npm run test:browser` before the tests; fail clearly when it is missing. */
export function requireDist(): string {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:browser does).');
  }
  return distDir;
}

/** A second build with another version id, for the update test. */
export function buildVariant(buildId: string): string {
  const out = path.join(repoRoot, `dist-${buildId}`);
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: repoRoot,
    env: { ...process.env, BUDGET_LENS_BUILD_ID: buildId, BUDGET_LENS_OUT_DIR: out },
    stdio: 'inherit',
  });
  return out;
}
