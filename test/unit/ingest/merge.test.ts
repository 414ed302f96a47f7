import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { isNarrativeOnly, isTablesOnly, mergeDocuments, nameSimilarity, pairNarrative } from '../../../src/lib/ingest/merge';
import type { StoredDocument } from '../../../src/lib/model/document';
import { NARRATIVE, summaryTable } from './fixtures';

function stored(text: string, fileName: string, docId: string): StoredDocument[] {
  const r = readDisclosureText(text, fileName);
  if (!r.ok) throw new Error(r.error);
  return r.docs.map((d, i) => ({ ...d, docId: i ? `${docId}-${i + 1}` : docId, fileName }));
}

const narrativeText = `附件：测试局2023年部门预算\n${NARRATIVE}`;

describe('a narrative PDF and a tables PDF given together are one document', () => {
  it('the narrative-only document joins the tables-only one: tables file id and identity, both sets of figures', () => {
    const narrative = stored(narrativeText, '说明.pdf', 'aaaa');
    const tables = stored(summaryTable('部门预算收支总表', '部门：中共测试局'), '表格.pdf', 'bbbb');
    expect(isNarrativeOnly(narrative[0])).toBe(true);
    expect(isTablesOnly(tables[0])).toBe(true);
    // The narrative names the unit otherwise, without its 「附件：」.
    expect(narrative[0].meta.unitName).toBe('测试局');
    const merged = mergeDocuments([narrative, tables]);
    expect(merged).toHaveLength(1);
    expect(merged[0].docId).toBe('bbbb');
    expect(merged[0].meta).toEqual(tables[0].meta);
    expect(merged[0].figures.filter((f) => f.table === 'facts').length).toBe(narrative[0].figures.length);
    expect(merged[0].figures.filter((f) => f.table === 'summary').length).toBe(tables[0].figures.length);
    // In either order.
    expect(mergeDocuments([tables, narrative]).map((d) => d.docId)).toEqual(['bbbb']);
  });

  it('stays apart across years, and from a document that has its own narrative', () => {
    const narrative = stored(narrativeText.replace(/2023/g, '2022'), '说明.pdf', 'aaaa');
    const tables = stored(summaryTable(), '表格.pdf', 'bbbb');
    expect(mergeDocuments([narrative, tables]).map((d) => d.docId)).toEqual(['aaaa', 'bbbb']);
    const whole = stored(`${summaryTable()}\n${NARRATIVE}`, '全文.pdf', 'cccc');
    expect(isTablesOnly(whole[0])).toBe(false);
    expect(mergeDocuments([stored(narrativeText, '说明.pdf', 'aaaa'), whole]).map((d) => d.docId)).toEqual(['aaaa', 'cccc']);
  });

  it('among several tables documents of the year, the unit name chooses; a tie joins nothing', () => {
    const meta = (unitName: string) => ({ meta: { unitCode: '', unitName, scope: 'department' as const, stage: 'budget' as const, year: 2017 } });
    const court = meta('江苏省高级人民法院');
    const office = meta('中国共产党江苏省委员会办公厅');
    expect(pairNarrative(meta('省委办公厅'), [court, office])).toBe(office);
    expect(pairNarrative(meta('江苏省委办公厅'), [office])).toBe(office);
    expect(pairNarrative(meta('某局'), [court, office])).toBeNull();
    expect(pairNarrative({ meta: { ...office.meta, year: 2018 } }, [office])).toBeNull();
    expect(nameSimilarity('中共江苏省委办公厅', '江苏省委办公厅')).toBeGreaterThan(nameSimilarity('中共江苏省委办公厅', '江苏省高级人民法院'));
  });
});

describe('one document per unit, scope, stage and year', () => {
  it('a table printed twice for the same unit does not start a second document', () => {
    const text = [summaryTable('2023年部门预算收支总表', '101 测试局'), '', summaryTable('2023年部门预算收支总表（续）', '101 测试局')].join('\n');
    const r = readDisclosureText(text, 'x.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs.map((d) => d.meta.year)).toEqual([2023]);
  });

  it('the same kind for another unit does', () => {
    const text = [summaryTable('部门预算收支总表', '101 测试局'), '', summaryTable('部门预算收支总表', '102 另一局')].join('\n');
    const r = readDisclosureText(text, 'x.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs.map((d) => d.meta.unitName)).toEqual(['测试局', '另一局']);
  });
});
