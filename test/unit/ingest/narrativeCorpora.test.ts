import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWan, parseDecimal } from '../../../src/lib/model/amount';
import type { StoredDocument } from '../../../src/lib/model/document';
import { FACT_NAMES } from '../../../src/lib/model/keys';
import { corpusDir, seedsDir } from '../../support/shared';
import { gold, imported, type GoldDoc } from '../audit/corpora';

const KEYS = Object.keys(FACT_NAMES);

/** The narrative facts (FORMAT.md's eleven keys) read from a gold document's files, first statement of each. */
async function factsOf(dir: string, g: GoldDoc, pick: (d: StoredDocument) => boolean = () => true): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const f of g.files ?? [g.file]) {
    for (const d of (await imported(dir, f)).filter(pick)) {
      for (const x of d.figures) if (x.table === 'facts' && KEYS.includes(x.rowCode) && !out.has(x.rowCode)) out.set(x.rowCode, x.amount);
    }
  }
  return out;
}

function compare(g: GoldDoc, got: Map<string, number>, complete: boolean): string[] {
  const want = new Map(g.figures.filter(([t]) => t === 'facts').map(([, k, , a]) => [k, parseDecimal(a)!]));
  const out: string[] = [];
  for (const [k, w] of want) if (got.get(k) !== w) out.push(`${k}: want ${formatWan(w)} got ${got.has(k) ? formatWan(got.get(k)!) : '-'}`);
  // Where the gold records every narrative total (Jiangsu), a total it does not record must not be read either.
  if (complete) for (const [k, v] of got) if (!want.has(k)) out.push(`${k}: not in the gold, read ${formatWan(v)}`);
  return out;
}

// The narrative's totals of all three corpora against their gold (issue 12, item 6). PDFs are read
// with the Node opener; generous limits are for a hang on a loaded machine, not a speed goal.
describe('narrative facts against the gold of every corpus', { timeout: 120_000 }, () => {
  it.each(gold('seeds').map((g) => [`${g.file} ${g.unit_code}`, g] as const))('seed %s', async (_, g) => {
    expect(compare(g, await factsOf(seedsDir, g, (d) => d.meta.unitCode === g.unit_code), false)).toEqual([]);
  });
  it.each(gold('shanghai-training').map((g) => [g.file, g] as const))('Shanghai %s', async (_, g) => {
    expect(compare(g, await factsOf(path.join(corpusDir, 'shanghai'), g), false)).toEqual([]);
  });
  it.each(gold('jiangsu-training').map((g) => [(g.files ?? [g.file]).join(' + '), g] as const))('Jiangsu %s', async (_, g) => {
    expect(compare(g, await factsOf(path.join(corpusDir, 'jiangsu'), g), true)).toEqual([]);
  });
});
