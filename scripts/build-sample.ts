/**
 * Builds the bundled sample dataset, public/data/seeds.csv, from the five Hebei seed disclosures.
 * Until the text importer lands, the figures come from the hand-checked gold file; doc_id is still
 * computed from each seed's bytes, so the ids do not change when the importer takes over.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDecimal } from '../src/lib/model/amount';
import type { StoredDocument } from '../src/lib/model/document';
import { documentsToRows, rowsToCsv } from '../src/lib/model/formatCsv';
import { contentId } from '../src/lib/model/hash';
import type { TableKey } from '../src/lib/model/keys';
import { goldDir, publicDataDir, seedsDir } from './paths';

interface GoldDoc {
  file: string;
  unit_code: string;
  unit_name: string;
  scope: 'department' | 'unit';
  stage: 'budget' | 'final';
  year: number;
  figures: [string, string, string, string][];
}

const goldPath = path.join(goldDir, 'seeds.json');
if (!existsSync(goldPath)) {
  console.error(`找不到 ${goldPath}：示例数据需要仓库旁的 shared/ 目录（可用 BUDGET_LENS_SHARED 指定）。`);
  process.exit(1);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { documents: GoldDoc[] };
const seenPerFile = new Map<string, number>();
const docs: StoredDocument[] = [];
for (const g of gold.documents) {
  const n = (seenPerFile.get(g.file) ?? 0) + 1;
  seenPerFile.set(g.file, n);
  const id = await contentId(readFileSync(path.join(seedsDir, g.file)));
  docs.push({
    docId: n === 1 ? id : `${id}-${n}`,
    fileName: g.file,
    meta: { unitCode: g.unit_code, unitName: g.unit_name, scope: g.scope, stage: g.stage, year: g.year },
    figures: g.figures.map(([table, rowCode, column, amount]) => ({
      table: table as TableKey, rowCode, rowName: '', column, amount: parseDecimal(amount)!, source: { line: 0 },
    })),
    tables: [],
    projects: [],
    warnings: [],
  });
}
mkdirSync(publicDataDir, { recursive: true });
writeFileSync(path.join(publicDataDir, 'seeds.csv'), rowsToCsv(documentsToRows(docs)));
console.log(`public/data/seeds.csv: ${docs.length} documents`);
