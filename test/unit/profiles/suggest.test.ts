import { describe, expect, it } from 'vitest';
import { applyProfile, profileSource } from '../../../src/lib/profiles/apply';
import { suggestProfile } from '../../../src/lib/profiles/suggest';
import { UNKNOWN_TITLES } from '../../../src/lib/synth/unknownLayout';
import { figureKey, unknownDoc } from './fixtures';

describe('suggestions on a layout nobody uses', () => {
  for (const layout of ['tab', 'cells'] as const) {
    it(`the importer keeps all nine tables unmapped, and the suggestions read every printed figure (${layout})`, async () => {
      const { doc, raw, printed } = await unknownDoc(0, layout);
      expect(doc.tables).toEqual([]);
      expect(doc.figures.filter((f) => f.table !== 'facts')).toEqual([]);
      expect(raw.map((t) => t.title)).toEqual(UNKNOWN_TITLES);

      const taken = new Set<string>();
      const kinds: string[] = [];
      const got: string[] = [];
      for (const t of raw) {
        const s = suggestProfile(t, `版式${t.title}`, taken);
        taken.add(s.profile.kind);
        kinds.push(s.profile.kind);
        // Every confirming sum the suggestion shows holds: the person sees a mapping that adds up.
        for (const c of s.checks) expect(c.holds, `${t.title}: ${c.label}`).toBe(c.of);
        const applied = applyProfile(t, s.profile);
        expect(applied.warnings).toEqual([]);
        for (const f of applied.figures) expect(f.source.profile).toBe(`版式${t.title}`);
        got.push(...applied.figures.map(figureKey));
      }
      expect(kinds).toEqual(['summary', 'income', 'expense', 'fiscal_summary', 'general_expense', 'basic_expense', 'fund_expense', 'soe_expense', 'three_public']);
      expect(got.sort()).toEqual(printed.map(figureKey).sort());
    }, 60_000);
  }

  it('shows the sums that confirm a mapping, and a wrong column breaks them', async () => {
    const { raw } = await unknownDoc(1, 'tab');
    const expense = raw[2];
    const s = suggestProfile(expense, 'x');
    expect(s.profile.kind).toBe('expense');
    const identity = s.checks.find((c) => c.label.startsWith('合计 = 基本支出'));
    expect(identity && identity.of).toBeGreaterThan(3);
    expect(identity!.holds).toBe(identity!.of);
    // Swap 基本支出 and 合计: the rows no longer add up.
    const cols = [...s.profile.columns];
    const [t, b] = [cols.indexOf('total'), cols.indexOf('basic')];
    [cols[t], cols[b]] = [cols[b], cols[t]];
    const wrong = suggestProfile(expense, 'x');
    wrong.profile.columns = cols;
    const { sumChecks } = await import('../../../src/lib/profiles/checks');
    const broken = sumChecks('expense', applyProfile(expense, wrong.profile).figures);
    const id2 = broken.find((c) => c.label.startsWith('合计 = 基本支出'))!;
    expect(id2.holds).toBeLessThan(id2.of);
  }, 60_000);

  it('names the profile in every figure\'s source', () => {
    expect(profileSource('县级A版')).toBe('按版式配置 县级A版 读取');
  });
});
