import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { formatWan } from '../../../src/lib/model/amount';
import { seedBytes, seedFiles } from './seeds';

/**
 * Metamorphic: each real seed, rewritten as other offices' exports write the same disclosure, reads
 * to the same documents and figures as the seed itself (whose figures golden.test.ts checks against
 * gold/). Each rewrite is one a user's file was seen or is likely to carry; none changes a figure.
 */
const FULL_WIDTH = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const REWRITES: [name: string, rewrite: (text: string) => string][] = [
  ['Windows line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['a byte-order mark', (t) => `\uFEFF${t}`],
  ['thousands separators in amounts', (t) => t.replace(/(^|\t)(-?\d{4,})(\.\d+)(?=\t|$)/gm, (_, a, d, f) => `${a}${Number(d).toLocaleString('en-US')}${f}`)],
  ['full-width digits in amounts', (t) => t.replace(/(^|\t)(-?\d[\d.,]*)(?=\t|$)/gm, (_, a, d) => `${a}${FULL_WIDTH(d)}`)],
  ['a space after every filled cell', (t) => t.replace(/(\S)(?=\t|$)/gm, '$1 ')],
  ['no-break spaces for spaces', (t) => t.replace(/ /g, '\u00a0')],
  ['「项目」 without the padding', (t) => t.replace(/项\s+目/g, '项目')],
  ['「金额单位：万元」', (t) => t.replace(/(^|\t)单位：万元/gm, '$1金额单位：万元')],
  ['ASCII colons', (t) => t.replace(/(单位|预算年度)：/g, '$1:')],
  // Tables print a dash or a slash where there is no amount, and some where there is no code.
  ['「—」 in blank cells', dashed('—')],
  ['「-」 in blank cells', dashed('-')],
  ['「／」 in blank cells', dashed('／')],
];

/** Every blank cell of the one-cell-per-line layout, and of a data row (「8⇥…」) of the tab-row layout, as `dash`. */
function dashed(dash: string): (text: string) => string {
  return (text) => text.split('\n').map((line) => {
    if (line === '\t') return `\t${dash}`;
    if (/^\d+\t.*\t/.test(line)) return line.split('\t').map((c, i) => (i > 0 && c === '' ? dash : c)).join('\t');
    return line;
  }).join('\n');
}

function figures(text: string, file: string): string[] {
  const r = readDisclosureText(text, file);
  if (!r.ok) return [`error ${r.error}`];
  return r.docs.flatMap((d) => [
    `document ${d.meta.unitCode}|${d.meta.unitName}|${d.meta.year}|${d.meta.scope}|${d.meta.stage}`,
    ...d.figures.map((f) => `${f.table} ${f.rowCode} ${f.column} ${formatWan(f.amount)}`),
  ]).sort();
}

describe('metamorphic: a seed rewritten as other exports write it reads to the same figures', () => {
  // A rewrite a seed's layout gives no hold (no blank cell line in a seed of spaced tables) leaves it
  // as it is; each must change some seed, or the test would pass by checking nothing.
  const applied = new Set<string>();
  for (const file of seedFiles) {
    it(file, () => {
      const text = new TextDecoder().decode(seedBytes(file));
      const base = figures(text, file);
      expect(base.length).toBeGreaterThan(20);
      for (const [name, rewrite] of REWRITES) {
        const changed = rewrite(text);
        if (changed === text) continue;
        applied.add(name);
        expect(figures(changed, file), name).toEqual(base);
      }
    }, 60_000);
  }
  it('every rewrite changed at least one seed', () => {
    expect([...applied].sort()).toEqual(REWRITES.map(([name]) => name).sort());
  });
});
