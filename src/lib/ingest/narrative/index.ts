import type { Figure, SourceRef } from '../../model/document';
import type { Stage } from '../../model/keys';
import type { Narrative, Precision } from '../../model/narrative';
import type { Row } from '../lines';
import { readFactFigures } from './facts';
import { readItems } from './items';
import { itemFacts } from './rekey';
import { readShares } from './shares';
import { buildStream, paragraphs } from './stream';
import { readTotals } from './totals';


/**
 * The 情况说明: figures stated for the document's totals (table `facts`), the statements per 功能分类
 * 类/款/项 (each also a `facts` row keyed by its code), and the narrative itself (paragraphs, every
 * statement with its sentence) for the audit. `coded` are the document's own coded rows (code and
 * name), which name the items the narrative describes by name only.
 */
export function readNarrative(rows: readonly Row[], coded: readonly { code: string; name: string }[] = [], stage?: Stage): { facts: Figure[]; narrative: Narrative } {
  const s = buildStream(rows);
  const precision: Record<string, Precision> = {};
  const facts = readFactFigures(s, precision, stage);
  const statements = [...readTotals(s), ...readItems(s, coded, stage)];
  const shares = readShares(s, statements);
  facts.push(...itemFacts(statements, new Set(facts.map((f) => f.rowCode))));
  const narrative: Narrative = { paragraphs: paragraphs(s), statements, shares };
  if (Object.keys(precision).length) narrative.factPrecision = precision;
  return { facts, narrative };
}

/** The stated totals only (tests, and callers that do not keep the narrative). */
export function readFacts(rows: readonly Row[], stage?: Stage): Figure[] {
  return readFactFigures(buildStream(rows), undefined, stage);
}

/** Every source the narrative cites (paragraphs, statements, shares), for the PDF reader to give them their page. */
export function narrativeSources(n: Narrative | undefined): SourceRef[] {
  if (!n) return [];
  return [...n.paragraphs.map((p) => p.source), ...n.statements.map((s) => s.source), ...n.shares.map((s) => s.source)];
}
