import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/** Placeholder. */
export function readIncomeBySource(_t: MappedTable, _sink: FigureSink): boolean {
  return false;
}
