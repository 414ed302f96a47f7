import { readdirSync, readFileSync } from 'node:fs';
import { SHARED as SHARED_DIR } from '../../support/shared';

/**
 * The shared seeds and their hand-checked gold. CI clones the repository with shared/ beside it, so
 * the path is relative to the repo, never absolute.
 */
export const SHARED = `${SHARED_DIR}/`;

export type GoldFigure = [table: string, rowCode: string, column: string, amount: string];

export interface GoldDocument {
  file: string;
  unit_code: string;
  unit_name: string;
  scope: string;
  stage: string;
  year: number;
  performance_projects: number;
  figures: GoldFigure[];
}

export const gold: { documents: GoldDocument[] } = JSON.parse(readFileSync(`${SHARED}gold/seeds.json`, 'utf8'));

export const seedFiles: string[] = readdirSync(`${SHARED}seeds`).filter((f) => f.endsWith('.txt')).sort();

export function seedBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SHARED}seeds/${file}`));
}

export function seedText(file: string): string {
  return readFileSync(`${SHARED}seeds/${file}`, 'utf8');
}
