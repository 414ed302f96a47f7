import { describe, expect, it } from 'vitest';
import { formatMoney, roundToWanCent, type LayoutFigure } from '../../../src/lib/synth/money';
import { LAYOUT_VARIANTS } from '../../../src/lib/synth/layout/list';
import { spanHeader } from '../../../src/lib/synth/layout/sheet';
import { renderVariant, variantDocument, type RenderedVariant } from '../../../src/lib/synth/layout/variants';
import { stated } from '../../../src/lib/synth/narrative';
import { toYuanPrecision } from '../../../src/lib/synth/precision';
import { economicRows, totals } from '../../../src/lib/synth/totals';
import { documents } from '../../../src/lib/synth';

// The layout generator on its own (no browser): what it prints adds up and is what it says it prints.
// The PDFs themselves are read back in test/unit/ingest/pdf/layouts.test.ts.
const rendered = LAYOUT_VARIANTS.map(renderVariant);
const html = (r: RenderedVariant) => r.files.flatMap((f) => f.parts.map((p) => p.html)).join('\n');
const value = (figs: readonly LayoutFigure[], table: string, row: string, column = 'total') =>
  figs.find((f) => f.table === table && f.rowCode === row && f.column === column)?.amount ?? 0;

/** Σ children = parent for every coded row and the 合计 (类 under total, 款 under 类, 项 under 款). */
function hierarchyErrors(figs: readonly LayoutFigure[], table: string, column: string): string[] {
  const rows = new Map(figs.filter((f) => f.table === table && f.column === column).map((f) => [f.rowCode, f.amount]));
  const codes = [...rows.keys()].filter((c) => /^\d+$/.test(c));
  const out: string[] = [];
  for (const parent of ['total', ...codes]) {
    const kids = codes.filter((c) => (parent === 'total' ? c.length === 3 : c.length === parent.length + 2 && c.startsWith(parent)));
    if (!kids.length) continue;
    const sum = kids.reduce((s, c) => s + (rows.get(c) ?? 0), 0);
    if (sum !== (rows.get(parent) ?? 0)) out.push(`${table}|${parent}|${column}: ${rows.get(parent)} ≠ Σ ${sum}`);
  }
  return out;
}

describe('layout variants (generator)', () => {
  it.each(rendered.map((r) => [r.variant.id, r] as const))('%s: unique keys, exact amounts, every figure printed', (_, r) => {
    const keys = r.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.meta.unitName).toMatch(/^合成测试第\d{4}号单位$/);
    const text = html(r);
    for (const f of r.figures) {
      expect(Number.isSafeInteger(f.amount)).toBe(true);
      if (f.table === 'facts') {
        expect(Math.abs(f.amount) % 10_000, `${f.rowCode} is stated to 0.01 万元`).toBe(0);
        expect(text).toContain(stated(Math.abs(f.amount)).replace(/\B(?=(\d{3})+(?!\d))/g, r.variant.template === 'shanghai' ? ',' : ''));
        continue;
      }
      const printed = [true, false].flatMap((sep) => [formatMoney(f.amount, 'yuan', sep), ...(f.amount % 10_000 ? [] : [formatMoney(f.amount, 'wan', sep)])]);
      expect(printed.some((p) => text.includes(`>${p}<`)), `${f.table}|${f.rowCode}|${f.column} printed`).toBe(true);
    }
    if (r.variant.unit === 'wan') expect(r.figures.filter((f) => f.amount % 10_000 !== 0)).toEqual([]);
    else expect(r.figures.filter((f) => f.amount % 10_000 !== 0).length).toBeGreaterThan(10);
  });

  it.each(rendered.map((r) => [r.variant.id, r] as const))('%s: the document adds up', (_, r) => {
    const f = r.figures;
    const errors: string[] = [];
    for (const t of ['income', 'expense', 'general_expense', 'fund_expense', 'fiscal_expense', 'basic_expense', 'fiscal_basic_expense', 'operating_cost']) errors.push(...hierarchyErrors(f, t, 'total'));
    expect(errors).toEqual([]);
    expect(value(f, 'summary', 'income.grand_total', 'amount')).toBe(value(f, 'summary', 'expense.grand_total', 'amount'));
    expect(roundToWanCent(value(f, 'summary', 'income.grand_total', 'amount'))).toBe(value(f, 'facts', 'income_total', 'amount'));
    if (r.variant.template !== 'jiangsu') {
      expect(value(f, 'basic_expense', 'total', 'personnel') + value(f, 'basic_expense', 'total', 'public')).toBe(value(f, 'basic_expense', 'total'));
      expect(value(f, 'general_expense', 'total', 'basic')).toBe(value(f, 'basic_expense', 'total'));
      return;
    }
    // Jiangsu's own relations (FORMAT.md, last section).
    expect(value(f, 'fiscal_expense', 'total')).toBe(value(f, 'general_expense', 'total') + value(f, 'fund_expense', 'total'));
    expect(value(f, 'fiscal_expense', 'total')).toBe(value(f, 'fiscal_summary', 'expense.grand_total'));
    expect(value(f, 'fiscal_summary', 'income.general', 'amount') + value(f, 'fiscal_summary', 'income.fund', 'amount')).toBe(value(f, 'fiscal_summary', 'income.grand_total', 'amount'));
    for (const t of ['summary', 'fiscal_summary']) {
      const col = t === 'summary' ? 'amount' : 'total';
      const parts = ['expense.basic', 'expense.project', 'expense.reserve'].reduce((s, k) => s + value(f, t, k, col), 0);
      expect(parts).toBe(value(f, t, t === 'summary' ? 'expense.current_total' : 'expense.grand_total', col));
    }
    expect(value(f, 'expense', 'total', 'basic') + value(f, 'expense', 'total', 'project') + value(f, 'expense', 'total', 'reserve')).toBe(value(f, 'expense', 'total'));
    expect(value(f, 'summary', 'income.fiscal', 'amount') + value(f, 'summary', 'income.other_funds', 'amount')).toBe(value(f, 'summary', 'income.grand_total', 'amount'));
    expect(value(f, 'income', 'total', 'general') + value(f, 'income', 'total', 'fund') + value(f, 'income', 'total', 'other_funds')).toBe(value(f, 'income', 'total'));
    expect(value(f, 'basic_expense', 'total')).toBe(value(f, 'fiscal_basic_expense', 'total'));
    expect(value(f, 'operating_cost', 'total')).toBe(value(f, 'basic_expense', '302'));
    expect(value(f, 'three_public', 'total')).toBe(value(f, 'three_public', 'subtotal'));
    expect(value(f, 'three_public', 'total') + value(f, 'three_public', 'meeting') + value(f, 'three_public', 'training')).toBe(value(f, 'three_public', 'total_with_meeting_training'));
    expect(value(f, 'procurement', 'goods') + value(f, 'procurement', 'works') + value(f, 'procurement', 'services')).toBe(value(f, 'procurement', 'total'));
    expect(value(f, 'facts', 'basic_change', 'amount') + value(f, 'facts', 'project_change', 'amount')).not.toBe(0);
  });

  it('covers what the Jiangsu template can print: 政府性基金 and none, 其他资金 and none, 因公出国, 公务用车购置', () => {
    const jiangsu = rendered.filter((r) => r.variant.template === 'jiangsu').map((r) => r.figures);
    expect(jiangsu.some((f) => f.some((x) => x.table === 'fund_expense' && x.rowCode !== 'total'))).toBe(true);
    expect(jiangsu.some((f) => f.some((x) => x.table === 'fund_expense' && x.rowCode === 'total' && x.amount === 0))).toBe(true);
    expect(jiangsu.some((f) => value(f, 'summary', 'income.other_funds', 'amount') > 0)).toBe(true);
    expect(jiangsu.some((f) => value(f, 'summary', 'income.other_funds', 'amount') === 0)).toBe(true);
    expect(jiangsu.some((f) => value(f, 'three_public', 'overseas') > 0)).toBe(true);
    expect(jiangsu.some((f) => value(f, 'three_public', 'vehicle_purchase') > 0)).toBe(true);
    for (const f of jiangsu) expect(value(f, 'summary', 'expense.reserve', 'amount')).toBeGreaterThan(0);
  });

  it('prints titles numbered, prefixed, suffixed and wrapped, and the layouts asked for', () => {
    const by = (id: string) => rendered.find((r) => r.variant.id === id)!;
    expect(html(by('national-numbered-titles'))).toContain('一、2020 年度合成测试第0004号单位部门预算收支总表');
    expect(html(by('jiangsu-numbered-titles'))).toContain('一、2019 年度合成测试第0005号单位部门收支预算总表');
    expect(html(by('jiangsu-a4-portrait-prefixed'))).toMatch(/公开01表[\s\S]*公开12表/);
    expect(html(by('jiangsu-a4-portrait-prefixed'))).toContain('财政拨款支出预算表（功能科目）');
    expect(html(by('jiangsu-split-a3-landscape'))).not.toContain('（功能科目）');
    // Wrapped: every title in two lines, e.g. 「…支出预算」 then 「表」.
    expect(html(by('national-prefixed-wrapped-titles'))).toMatch(/<div class="title"><div>[^<]+<\/div><div>表<\/div><\/div>/);
    expect(html(by('national-a4-portrait'))).toContain('size: A4 portrait');
    expect(html(by('shanghai-wan-a3-wrapped-titles'))).toContain('size: A3 landscape');
    expect(html(by('shanghai-yuan-a4-landscape'))).toMatch(/<td class="s">2\d\d<\/td><td class="s">\d\d<\/td><td class="s">\d\d<\/td>/);
    expect(by('jiangsu-split-a3-landscape').files.map((f) => f.parts.map((p) => p.paper))).toEqual([['a4-portrait'], ['a3-landscape']]);
    expect(by('jiangsu-a3-rotated-one-file').files.map((f) => f.parts.map((p) => p.paper))).toEqual([['a4-portrait', 'a3-landscape', 'a4-portrait']]);
    expect(new Set(rendered.map((r) => r.variant.id)).size).toBe(rendered.length);
  });

  it('is deterministic and escapes what it prints', () => {
    expect(LAYOUT_VARIANTS.map(renderVariant)).toEqual(rendered);
    for (const r of rendered) expect(html(r)).not.toMatch(/<(?!\/?(?:!doctype|html|meta|style|body|section|div|span|h2|p|table|colgroup|col|thead|tbody|tr|th|td)\b)/i);
  });
});

describe('layout helpers', () => {
  it('merges header cells printed with blanks into rowspan/colspan', () => {
    expect(spanHeader([
      ['序号', '功能分类科目', '', '合计', '本年收入', ''],
      ['', '科目编码', '科目名称', '', '小计', '财政拨款'],
      ['栏次', '1', '2', '3', '4', '5'],
    ])).toEqual([
      [{ text: '序号', rowspan: 2 }, { text: '功能分类科目', colspan: 2 }, { text: '合计', rowspan: 2 }, { text: '本年收入', colspan: 2 }],
      [{ text: '科目编码' }, { text: '科目名称' }, { text: '小计' }, { text: '财政拨款' }],
      ['栏次', '1', '2', '3', '4', '5'].map((text) => ({ text })),
    ]);
  });

  it('prints amounts exactly in 万元 and 元, and refuses a 万元 amount it cannot print exactly', () => {
    expect(formatMoney(37_188_340_000, 'wan')).toBe('37,188.34');
    expect(formatMoney(37_188_340_000, 'wan', false)).toBe('37188.34');
    expect(formatMoney(9_628_221_344, 'yuan')).toBe('96,282,213.44');
    expect(formatMoney(-5, 'yuan')).toBe('-0.05');
    expect(() => formatMoney(9_628_221_344, 'wan')).toThrow(RangeError);
    expect(roundToWanCent(9_628_221_344)).toBe(9_628_220_000);
    expect(roundToWanCent(-15_000)).toBe(-20_000);
  });

  it('moves a document to 元 and 分 keeping every sum: 基本 = 人员 + 公用', () => {
    for (const doc of documents(8, 3)) {
      const y = toYuanPrecision(doc);
      const t = totals(y);
      expect(t.personnel + t.public).toBe(t.basic);
      expect(economicRows(y).every((r) => r.personnel >= 0 && r.public >= 0)).toBe(true);
      expect(y.items.some((i) => (i.basic + i.project) % 10_000 !== 0)).toBe(true);
      expect(y.items.every((i) => i.carryover <= i.project)).toBe(true);
    }
    expect(variantDocument(LAYOUT_VARIANTS[0]).unitName).toBe('合成测试第0000号单位');
  });
});
