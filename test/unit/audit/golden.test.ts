import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocuments, type DocumentAudit, type Finding } from '../../../src/lib/audit/audit';
import { importFile } from '../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../src/lib/model/document';
import { SHARED } from '../../support/shared';

const shared = SHARED;

interface Defect { kind: 'error' | 'rounding' | 'warning'; check: string; where: string; text: string; match: [string, string][] }
interface GoldDoc { file: string; unit_code: string; unit_name: string; known_defects?: Defect[] }
const gold: { documents: GoldDoc[] } = JSON.parse(readFileSync(path.join(shared, 'gold/seeds.json'), 'utf8'));

const matches = (f: Finding, pairs: [string, string][]) => pairs.some(([t, r]) => f.table === t && f.rowCode === r);

let audits: Map<string, DocumentAudit>;
let byGold: (g: GoldDoc) => DocumentAudit;

beforeAll(async () => {
  // All seeds audited together, as `npm run audit -- seeds/*` does, so the cross-document check runs.
  const docs: StoredDocument[] = [];
  for (const file of readdirSync(path.join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).sort()) {
    const read = await importFile(new Uint8Array(readFileSync(path.join(shared, 'seeds', file))), file);
    if (!read.ok) throw new Error(read.error);
    docs.push(...read.docs);
  }
  audits = new Map(auditDocuments(docs).map((a) => [a.docId, a]));
  byGold = (g) => {
    const doc = docs.find((d) => d.fileName === g.file && d.meta.unitCode === g.unit_code);
    if (!doc) throw new Error(`no imported document for ${g.file} ${g.unit_code}`);
    return audits.get(doc.docId)!;
  };
});

describe('golden: the audit against gold/seeds.json known_defects', () => {
  for (const g of gold.documents) {
    describe(`${g.file} ${g.unit_code} ${g.unit_name}`, () => {
      for (const defect of g.known_defects ?? []) {
        it(`finds ${defect.kind} (${defect.check}) ${defect.where}`, () => {
          const hits = byGold(g).findings.filter((f) => f.severity === defect.kind && matches(f, defect.match));
          expect(hits, defect.text).not.toEqual([]);
          // The finding states the figures, not just the place.
          expect(hits.some((f) => /\d+\.\d{2}/.test(f.message) && f.line !== null || f.table === 'document')).toBe(true);
        });
      }

      it('raises no error outside the known error defects (precision)', () => {
        const errors = (g.known_defects ?? []).filter((d) => d.kind === 'error');
        const stray = byGold(g).findings.filter((f) => f.severity === 'error' && !errors.some((d) => matches(f, d.match)));
        expect(stray.map((f) => `${f.table}/${f.rowCode}: ${f.message}`)).toEqual([]);
      });

      it('never reports a known rounding difference as an error', () => {
        const roundings = (g.known_defects ?? []).filter((d) => d.kind === 'rounding');
        const wrong = byGold(g).findings.filter((f) => f.severity === 'error' && roundings.some((d) => matches(f, d.match)) &&
          !(g.known_defects ?? []).some((d) => d.kind === 'error' && matches(f, d.match)));
        expect(wrong.map((f) => f.message)).toEqual([]);
      });
    });
  }

  it('runs every table check on the seeds that publish the tables, and marks them 未执行 on the one that does not', () => {
    const full = byGold(gold.documents.find((d) => d.file.startsWith('000'))!);
    // Seed 000 states no per-item paragraphs, no percentages and no 绩效 totals: those checks have nothing to run on.
    expect(full.checks.filter((c) => c.status === 'not_run').map((c) => c.check)).toEqual(['cross_document', 'narrative_item', 'narrative_percent', 'performance']);
    const bare = byGold(gold.documents.find((d) => d.file.startsWith('002'))!);
    const notRun = bare.checks.filter((c) => c.status === 'not_run').map((c) => c.check);
    expect(notRun).toEqual(expect.arrayContaining(['balance', 'cross_table', 'row_total', 'hierarchy', 'basic_expense', 'income_row']));
    expect(bare.findings.filter((f) => f.severity === 'not_run').length).toBeGreaterThan(0);
  });
});
