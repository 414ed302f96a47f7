import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { mergeDocuments } from '../../../src/lib/ingest/merge';
import { resolveItem } from '../../../src/lib/ingest/narrative/resolve';
import { FUNCTION_CODES } from '../../../src/lib/model/classification';
import type { StoredDocument } from '../../../src/lib/model/document';
import { ITEMS_TABLES, itemsNarrative } from './fixtures';

/**
 * A narrative published in a file of its own names its 类/款/项 by name, and the national list is
 * partial below the 类 (「政协事务（款）」 is not in it): those items get their codes from the tables
 * of the same disclosure once the two files are one document.
 */
function storedText(text: string, fileName: string, docId: string): StoredDocument[] {
  const r = readDisclosureText(text, fileName);
  if (!r.ok) throw new Error(r.error);
  return r.docs.map((d, i) => ({ ...d, docId: i ? `${docId}-${i + 1}` : docId, fileName }));
}

const facts = (doc: StoredDocument) => Object.fromEntries(doc.figures.filter((f) => f.table === 'facts' && /^\d+$/.test(f.rowCode)).map((f) => [f.rowCode, f.amount]));

describe('a narrative of its own file: its 类/款/项 coded by the tables it joins', () => {
  it('the fixture names a 款 the national list lacks', () => {
    expect(FUNCTION_CODES['20102']).toBeUndefined();
  });

  it('read alone the items have no code; merged, they are facts rows keyed by the tables\' codes, in the narrative\'s file', () => {
    const [narrative] = storedText(itemsNarrative(), '说明.pdf', 'nnnn');
    const [tables] = storedText(ITEMS_TABLES, '表格.pdf', 'tttt');
    expect(narrative.narrative!.statements.filter((s) => s.level === 'item').map((s) => s.key)).toEqual(['', '']);
    expect(facts(narrative)).toEqual({});
    const [merged] = mergeDocuments([[narrative], [tables]], ['hash-n', 'hash-t']);
    expect(merged.docId).toBe('tttt');
    expect(merged.narrative!.statements.filter((s) => s.level === 'item').map((s) => s.key)).toEqual(['2010201', '2010205']);
    expect(facts(merged)).toEqual({ 2010201: 60_000_000, 2010205: 30_250_000 });
    const added = merged.figures.find((f) => f.table === 'facts' && f.rowCode === '2010201')!;
    expect(added.source.file).toBe('hash-n');
    expect(added.source.line).toBe(4);
  });

  it('a 款 tagged 类 by mistake, with no 款 of its own, is matched as the 款 it names', () => {
    expect(resolveItem(['行政事业单位离退休', '', '未归口管理的行政单位离退休支出'], [])).toBe('2080504');
    // Not where the name is only near a 款: 类 and 款 alike need a close match without a parent.
    expect(resolveItem(['离退休', '', '未归口管理的行政单位离退休支出'], [])).toBe('');
  });
});
