import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, and ../shared beside it (where CI puts the seeds, gold and corpus). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = process.env.BUDGET_LENS_SHARED ?? path.resolve(repoRoot, '../shared');
export const seedsDir = path.join(sharedDir, 'seeds');
export const goldDir = path.join(sharedDir, 'gold');
export const publicDataDir = path.join(repoRoot, 'public', 'data');
