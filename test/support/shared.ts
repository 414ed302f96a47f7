import path from 'node:path';
import { sharedDir } from '../../scripts/paths';

/**
 * Where the tests find ../shared (seeds, gold, corpus): beside the repository, or wherever
 * BUDGET_LENS_SHARED points. Every test reads the corpus through these paths, so there is one place
 * to move it; test/support/requireShared.ts stops the run with one line when it is absent.
 */
export const SHARED = sharedDir;
export const seedsDir = path.join(SHARED, 'seeds');
export const goldDir = path.join(SHARED, 'gold');
export const corpusDir = path.join(SHARED, 'corpus');
