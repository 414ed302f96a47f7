import type { Fen } from '../model/amount';
import { executionDocs, executionRows, loadExecutionFigures, type ExecutionFlag } from './execution';
import type { CompareSource } from './source';
import type { DocRef, UnitGroup } from './types';
import { loadUnits } from './units';

/**
 * 横比 of execution: every unit with a 决算 of the year, its 本年支出合计 budget and 决算, the rate and
 * how many rows are flagged. Lowest rate first (where the story is), units without a rate last. One
 * figure request for all documents; narratives are not read (no reasons here: the unit's own view has them).
 */
export interface ExecutionPeer {
  unit: UnitGroup;
  budgetDoc: DocRef | null;
  finalDoc: DocRef;
  budget: Fen | null;
  fullYear: Fen | null;
  actual: Fen | null;
  rate: number | null;
  flagged: Record<ExecutionFlag, number>;
}

export function executionPeersQuery(src: CompareSource, year: number): ExecutionPeer[] {
  const units = loadUnits(src);
  const pairs = units.groups.flatMap((unit) => {
    const docs = executionDocs(units.docs, unit.key, year);
    return docs.final ? [{ unit, budgetDoc: docs.budget, finalDoc: docs.final }] : [];
  });
  const figs = loadExecutionFigures(src, pairs.flatMap((p) => (p.budgetDoc ? [p.budgetDoc.docId, p.finalDoc.docId] : [p.finalDoc.docId])));
  const out = pairs.map(({ unit, budgetDoc, finalDoc }): ExecutionPeer => {
    const { rows } = executionRows(budgetDoc ? figs.get(budgetDoc.docId)! : null, figs.get(finalDoc.docId)!, null, finalDoc.docId);
    const total = rows.find((r) => r.key === 'expense_total');
    const flagged: Record<ExecutionFlag, number> = { below: 0, above: 0, no_final: 0, no_budget: 0 };
    for (const r of rows) if (r.group === 'function') for (const f of r.flags) flagged[f]++;
    return {
      unit, budgetDoc, finalDoc, budget: total?.budget?.amount ?? null, fullYear: total?.fullYear?.amount ?? null,
      actual: total?.actual?.amount ?? null, rate: total?.rate ?? null, flagged,
    };
  });
  return out.sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
}
