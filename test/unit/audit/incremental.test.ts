import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dependentDocIds, neededDocIds } from '../../../src/lib/audit/audit';
import { readAudits } from '../../../src/lib/db/audits';
import { LibraryDb } from '../../../src/lib/db/library';
import { neighbourMetas } from '../../../src/lib/db/neighbours';
import { importFile } from '../../../src/lib/ingest/file';
import type { DocumentMeta, StoredDocument } from '../../../src/lib/model/document';
import { auditPending, removeDocument } from '../../../src/lib/worker/audits';
import { addImported } from '../../../src/lib/worker/imports';
import { seedsDir } from '../../support/shared';
import { makeDoc, type F } from './fixtures';

/**
 * Auditing after an import or a removal looks only near the documents it touched (issue 17: flat
 * cost per file). These tests hold it to the whole-library way it replaces: the same related
 * documents, the same stored results.
 */
let SQL: SqlJsStatic;
const open: LibraryDb[] = [];
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});
const library = () => {
  const l = LibraryDb.create(SQL);
  open.push(l);
  return l;
};

/** A document with a 支出总计 and, if given, a stated 比上年增减 (万元). */
function doc(docId: string, meta: Partial<DocumentMeta>, total: string, change?: string): StoredDocument {
  const figures: F[] = [['summary', 'expense.grand_total', 'amount', total]];
  if (change !== undefined) figures.push(['facts', 'change_vs_prior', 'amount', change]);
  return makeDoc(figures, { docId, meta, tables: ['summary'] });
}

const dept = (code: string, year: number, total: string, change?: string) =>
  doc(`d${code}-${year}`, { unitCode: code, unitName: `部门${code}`, scope: 'department', year }, total, change);
const unit = (code: string, year: number, total: string) =>
  doc(`u${code}-${year}`, { unitCode: code, unitName: `单位${code}`, scope: 'unit', year }, total);

/** Departments with their units over two years, a department and unit without codes, a code that is a prefix of another department's, a 决算, strangers. */
const DOCS: StoredDocument[] = [
  dept('301', 2022, '90'), dept('301', 2023, '100', '5'), unit('301001', 2023, '60'), unit('301002', 2023, '50'), unit('301001', 2022, '40'),
  unit('3010011', 2023, '1'), dept('30', 2023, '500'), dept('302', 2023, '80'), unit('302001', 2023, '80'), unit('301001', 2024, '70'),
  doc('dn-2023', { unitCode: '', unitName: '无编码委员会', scope: 'department', year: 2023 }, '30'),
  doc('un-2023', { unitCode: '', unitName: '无编码委员会', scope: 'unit', year: 2023 }, '31'),
  doc('dn-2022', { unitCode: '', unitName: '无编码委员会', scope: 'department', year: 2022 }, '20'),
  doc('f301-2023', { unitCode: '301', unitName: '部门301', scope: 'department', stage: 'final', year: 2023 }, '99'),
  dept('9', 2023, '1'), dept('401', 2021, '7'),
  // One unit over three years, the latest first: its 比上年增减 (20) can be checked only once 2023
  // arrives (120 − 110 = 10), and 2022 arriving in between changes nothing of 2024's.
  dept('305', 2024, '120', '20'), dept('305', 2022, '100'), dept('305', 2023, '110', '10'),
];

const sorted = (xs: readonly string[]) => [...xs].sort();
const results = (lib: LibraryDb) => readAudits(lib, null, true).sort((a, b) => a.docId.localeCompare(b.docId));

/** The same library audited from nothing, the whole-library way. */
function auditedFromScratch(lib: LibraryDb) {
  const fresh = LibraryDb.open(SQL, lib.export());
  open.push(fresh);
  fresh.db.exec('DELETE FROM audit_check; DELETE FROM audit_finding');
  auditPending(fresh);
  return results(fresh);
}

describe('auditing near what changed', { timeout: 60_000 }, () => {
  it('finds the same related documents through the unit index as through every document', () => {
    const lib = library();
    lib.addDocuments(DOCS, 'text', 'h');
    const all = lib.documentMetas();
    for (const d of DOCS) {
      for (const related of [dependentDocIds, neededDocIds]) {
        expect(sorted(related(neighbourMetas(lib, [d.docId]), [d.docId])), `${related.name} ${d.docId}`).toEqual(sorted(related(all, [d.docId])));
      }
    }
    const some = ['u301002-2023', 'dn-2023', 'd9-2023'];
    expect(sorted(dependentDocIds(neighbourMetas(lib, some), some))).toEqual(sorted(dependentDocIds(all, some)));
    expect(sorted(neededDocIds(neighbourMetas(lib, some), some))).toEqual(sorted(neededDocIds(all, some)));
    // Across years, only the next year's audit reads a document, and an audit reads only the year before.
    expect(sorted(dependentDocIds(all, ['d305-2023']))).toEqual(['d305-2023', 'd305-2024']);
    expect(sorted(neededDocIds(all, ['d305-2023']))).toEqual(['d305-2022', 'd305-2023']);
    expect(dependentDocIds(all, ['d305-2022'])).not.toContain('d305-2024');
    // Near, not everything: a unit of 301 reaches department 30's other units (302 and its unit), not another year's or a stranger.
    const near = neighbourMetas(lib, ['u301002-2023']).map((m) => m.docId);
    expect(near).toContain('d301-2023');
    expect(near).toContain('u301001-2023');
    expect(near).toContain('u302001-2023');
    expect(near).not.toContain('u301001-2024');
    expect(near).not.toContain('d9-2023');
    expect(near).not.toContain('d401-2021');
  });

  it('stores the same results, one document at a time and after removals, as a whole-library audit', () => {
    const lib = library();
    for (const d of DOCS) {
      const { added } = lib.addDocuments([d], 'text', `h-${d.docId}`);
      auditPending(lib, added);
    }
    const after = results(lib);
    expect(after.length).toBe(DOCS.length);
    // The fixtures do hold cross-document findings: units over their department, a stated change off by 5.
    expect(after.find((a) => a.docId === 'd301-2023')!.findings.filter((f) => f.check === 'cross_document').length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(auditedFromScratch(lib));
    // 2024 was audited again when its year before arrived (after it), and holds the finding.
    expect(after.find((a) => a.docId === 'd305-2024')!.findings.filter((f) => f.check === 'cross_document')).toHaveLength(1);
    for (const id of ['u301002-2023', 'd301-2022', 'un-2023', 'd305-2023']) auditPending(lib, removeDocument(lib, id));
    expect(results(lib)).toEqual(auditedFromScratch(lib));
    expect(results(lib).find((a) => a.docId === 'd305-2024')!.findings.filter((f) => f.check === 'cross_document')).toEqual([]);
    expect(results(lib).find((a) => a.docId === 'd301-2023')!.findings.filter((f) => f.check === 'cross_document')).toEqual([]);
  });

  it('audits a library of more than 200 documents whole (every document\'s metadata read once) as it does one document at a time', () => {
    // Fifteen copies of the fixtures, their codes under a prefix of their own and their names marked:
    // the whole-library audit takes the path for many documents (worker/audits.ts LOOKUPS_UP_TO).
    const many = Array.from({ length: 15 }, (_, g) => DOCS.map((d) => ({
      ...d, docId: `${d.docId}-g${g}`,
      meta: { ...d.meta, unitCode: d.meta.unitCode && `${10 + g}${d.meta.unitCode}`, unitName: `${d.meta.unitName}${g}` },
    }))).flat();
    expect(many.length).toBeGreaterThan(200);
    const lib = library();
    for (const d of many) auditPending(lib, lib.addDocuments([d], 'text', `h-${d.docId}`).added);
    const after = results(lib);
    expect(after.filter((a) => a.findings.some((f) => f.check === 'cross_document')).length).toBeGreaterThanOrEqual(15 * 2);
    expect(auditedFromScratch(lib)).toEqual(after);
  });

  it('looks through the whole library when it has not seen it settled', () => {
    const lib = library();
    lib.addDocuments([DOCS[0]], 'text', 'a');
    lib.addDocuments([DOCS[1]], 'text', 'b');
    // Never audited here: the first document waits too, though only the second is named.
    expect(sorted(auditPending(lib, [DOCS[1].docId]))).toEqual(sorted([DOCS[0].docId, DOCS[1].docId]));
    expect(auditPending(lib, [])).toEqual([]);
  });

  it('keeps the seeds\' stored results exactly, imported one file at a time as the worker does', async () => {
    const lib = library();
    for (const file of ['004_4e927ba8514049a8.txt', '000_90f61d72552513ea.txt', '001_0e01da1d0149c9a7.txt', '002_64e98bfc144ba4c8.txt', '003_3753cf426c7ec0a0.txt']) {
      const bytes = new Uint8Array(readFileSync(path.join(seedsDir, file)));
      const read = await importFile(bytes, file);
      if (!read.ok) throw new Error(read.error);
      // As the worker does: the documents just stored are audited from memory (storedForm).
      const stored = new Map<string, StoredDocument>();
      const result = addImported(lib, read, file, bytes, stored);
      if (result.status !== 'added') throw new Error(result.status);
      expect([...stored.keys()].sort()).toEqual(result.docs.map((d) => d.docId).sort());
      auditPending(lib, result.docs.map((d) => d.docId), stored);
    }
    const after = results(lib);
    expect(after.length).toBe(6);
    expect(after.some((a) => a.findings.length > 0)).toBe(true);
    expect(after).toEqual(auditedFromScratch(lib));
  });
});
