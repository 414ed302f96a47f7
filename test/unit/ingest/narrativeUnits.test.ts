import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { printed } from '../../../src/lib/audit/narrativeStatements';
import { narrativeJson, rawTablesJson } from '../../../src/lib/db/jsonChecks';
import type { StoredDocument } from '../../../src/lib/model/document';
import { readText, seedText } from './tables/variants';

/**
 * The 情况说明 stating its totals in 亿元 or 千元 (a large department's 「收入预算总计 12.34 亿元」).
 * These were not read at all: the patterns knew 万元 and 元. Now they are, and a figure in 亿元 is
 * judged at the precision it is printed with: 0.16 亿元 is 1,550.13 万元 to the nearest 100 万元,
 * which its value (1,600.00 万元) cannot tell, so the narrative keeps it (Narrative.factPrecision).
 */
const stating = (amount: string) => readText(seedText.replace('2024年预算收入1550.13万元', `2024年预算收入${amount}`).replace('2024年支出预算1550.13万元', `2024年支出预算${amount}`));
const fact = (d: StoredDocument, key: string) => d.figures.find((f) => f.table === 'facts' && f.rowCode === key)?.amount;
const totalFindings = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.table === 'facts' && /^(?:income|expense)_total$/.test(f.rowCode ?? '') && f.severity === 'error');

describe('narrative totals in 亿元 and 千元', () => {
  it('reads them in 万元 (fen): 0.155013 亿元, 15,501.3 千元, 0.16 亿元', async () => {
    for (const [text, fen] of [['0.155013亿元', 1_550_130_000], ['15501.3千元', 1_550_130_000], ['0.16亿元', 1_600_000_000], ['1,550.13 万元', 1_550_130_000]] as const) {
      const doc = await stating(text);
      expect([fact(doc, 'income_total'), fact(doc, 'expense_total')], text).toEqual([fen, fen]);
    }
  });

  it('judges a 亿元 figure at its printed precision: 0.16 and 0.2 亿元 stand for 1,550.13 万元, 0.17 亿元 does not', async () => {
    expect(totalFindings(await stating('0.16亿元'))).toEqual([]);
    expect(totalFindings(await stating('0.2亿元'))).toEqual([]);
    const wrong = totalFindings(await stating('0.17亿元'));
    expect(wrong.map((f) => f.rowCode)).toEqual(['income_total', 'expense_total']);
    expect(wrong[0].message).toContain('说明中的收入总计 1700.00');
  });

  it('keeps the precision with the narrative, through the check a stored library passes', async () => {
    const doc = await stating('0.16亿元');
    expect(doc.narrative?.factPrecision).toEqual({ income_total: { decimals: 2, unit: '亿元' }, expense_total: { decimals: 2, unit: '亿元' } });
    expect(narrativeJson(JSON.stringify(doc.narrative))).toBeNull();
    expect(narrativeJson(JSON.stringify({ ...doc.narrative, factPrecision: { income_total: { decimals: 2, unit: '两' } } }))).toContain('格式不对');
    // A 万元 narrative carries none.
    expect((await stating('1550.13万元')).narrative?.factPrecision).toBeUndefined();
  });

  it('a raw table in 千元 passes the stored library\'s check; findings print a stated amount with its unit', () => {
    expect(rawTablesJson(JSON.stringify([{ title: '表', header: [['项目', '金额']], body: [['合计', '1.0']], source: { line: 1 }, unit: '千元' }]))).toBeNull();
    expect(printed({ fen: 1_600_000_000, text: '0.16', decimals: 2, unit: '亿元' })).toBe('0.16 亿元');
    expect(printed({ fen: -100, text: '-1.00', decimals: 2, unit: '元' }, true)).toBe('1.00 元');
  });
});
