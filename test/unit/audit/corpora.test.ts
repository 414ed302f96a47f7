import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocuments, type DocumentAudit, type Finding } from '../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../src/lib/model/document';
import { gold, jiangsuDocuments, matches, seedDocuments, shanghaiDocuments, type GoldDoc } from './corpora';

interface Reviewed { file: string; table: string; row_code: string; check: string; reason: string }
const reviewed: Reviewed[] = JSON.parse(readFileSync(path.join(import.meta.dirname, 'reviewed-findings.json'), 'utf8')).findings;

type Corpus = 'seeds' | 'shanghai-training' | 'jiangsu-training';
const LOAD: Record<Corpus, () => Promise<StoredDocument[]>> = {
  seeds: seedDocuments, 'shanghai-training': shanghaiDocuments, 'jiangsu-training': jiangsuDocuments,
};

const audits = new Map<Corpus, { docs: StoredDocument[]; audits: DocumentAudit[] }>();
function auditOf(corpus: Corpus, g: GoldDoc): DocumentAudit {
  const { docs, audits: list } = audits.get(corpus)!;
  const doc = corpus === 'seeds' ? docs.find((d) => d.fileName === g.file && d.meta.unitCode === g.unit_code) : docs.find((d) => d.docId === g.doc_id);
  if (!doc) throw new Error(`no document for ${g.file}`);
  return list.find((a) => a.docId === doc.docId)!;
}

// Each corpus audited together, as `npm run audit` does with its files (cross-document checks run).
beforeAll(async () => {
  for (const corpus of Object.keys(LOAD) as Corpus[]) {
    const docs = await LOAD[corpus]();
    audits.set(corpus, { docs, audits: auditDocuments(docs) });
  }
}, 300_000);

const known = (g: GoldDoc, f: Finding) => (g.known_defects ?? []).some((d) => d.kind === 'error' && matches(f, d.match));
const listed = (g: GoldDoc, f: Finding) => reviewed.some((r) => r.file === g.file && r.table === f.table && r.row_code === f.rowCode && r.check === f.check);

for (const corpus of ['shanghai-training', 'jiangsu-training'] as const) {
  describe(`golden: the audit against gold/${corpus}.json known_defects`, () => {
    for (const g of gold(corpus)) {
      describe(g.file, () => {
        for (const defect of g.known_defects ?? []) {
          it(`finds ${defect.kind} (${defect.check}) ${defect.where}`, () => {
            const hits = auditOf(corpus, g).findings.filter((f) => f.severity === defect.kind && matches(f, defect.match));
            expect(hits, defect.text).not.toEqual([]);
            // The finding says where and what: a line and figures, or the narrative's sentence.
            expect(hits.some((f) => f.line !== null && (/\d/.test(f.message) || f.quote !== ''))).toBe(true);
          });
        }
        it('raises no error outside the known error defects', () => {
          const stray = auditOf(corpus, g).findings.filter((f) => f.severity === 'error' && !known(g, f));
          expect(stray.map((f) => `${f.check} ${f.table}/${f.rowCode}: ${f.message}`)).toEqual([]);
        });
      });
    }
  });
}

describe('precision: every error on the corpora is a known defect or a reviewed finding', () => {
  it('lists each reviewed finding with its reason', () => {
    for (const r of reviewed) expect(r.reason.length, `${r.file} ${r.table}/${r.row_code}`).toBeGreaterThan(20);
  });
  for (const corpus of Object.keys(LOAD) as Corpus[]) {
    it(corpus, () => {
      const unexplained: string[] = [];
      for (const g of gold(corpus)) {
        for (const f of auditOf(corpus, g).findings) {
          if (f.severity === 'error' && !known(g, f) && !listed(g, f)) unexplained.push(`${g.file} ${f.check} ${f.table}/${f.rowCode}: ${f.message}`);
        }
      }
      expect(unexplained).toEqual([]);
    });
  }
});
