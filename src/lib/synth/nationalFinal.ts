import type { StoredDocument, TableSeen } from '../model/document';
import { finalDocument } from './final';
import { finalFigures } from './finalFigures';
import type { SynthDocument } from './model';

/**
 * The 决算 closing a national corpus budget (issue 21's execution over the archive): the existing
 * generator's figures (final.ts, finalFigures.ts: 年初预算/全年预算/决算 under `initial_budget`,
 * `full_year_budget`, `total`) as the document an importer reads from renderFinalText, stage
 * `final`, its own doc id. The figures are what execution reads; no narrative is generated.
 */
const TITLES: Record<string, string> = {
  summary: '收入支出决算总表', expense: '支出决算表', general_expense: '一般公共预算财政拨款支出决算表',
  basic_expense: '基本支出决算表', three_public: '财政拨款“三公”经费支出决算表',
};

export function storedFinal(budget: SynthDocument, docId: string): StoredDocument {
  const figures = finalFigures(finalDocument(budget));
  const tables: TableSeen[] = [];
  figures.forEach((f, i) => {
    if (!tables.some((t) => t.table === f.table)) tables.push({ table: f.table, status: 'present', title: TITLES[f.table] ?? f.table, source: { line: i + 1 } });
  });
  return {
    docId,
    fileName: `synthetic_${budget.unitCode}_${budget.year}_决算.txt`,
    meta: { unitCode: budget.unitCode, unitName: budget.unitName, scope: 'department', stage: 'final', year: budget.year },
    figures: figures.map((f, i) => ({ table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, source: { line: i + 1 } })),
    tables,
    projects: [],
    warnings: [],
  };
}
