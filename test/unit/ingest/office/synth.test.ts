import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { documents, renderDocument } from '../../../../src/lib/synth';
import type { ParsedDocument } from '../../../../src/lib/model/document';
import { docxOf, xlsxOf } from './fixtures';

// Synthetic disclosures of every layout the generator knows (src/lib/synth: tab rows, cell lines,
// narratives after the tables, 绩效目标表), as .xlsx and .docx: the same figures as their text.
const files = documents(24, 7).map((d) => renderDocument(d));
const keys = (docs: readonly ParsedDocument[]) => docs.flatMap((d) => d.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).sort();

describe('synthetic disclosures as .xlsx and .docx', () => {
  it.each(files.map((f) => [f.fileName, f.text] as const))('%s', { timeout: 60_000 }, async (name, text) => {
    const fromText = readDisclosureText(text, name);
    if (!fromText.ok) throw new Error(fromText.error);
    expect(keys(fromText.docs).length).toBeGreaterThan(50);
    for (const bytes of [xlsxOf(text), docxOf(text)]) {
      const r = await importFile(bytes, name);
      if (!r.ok) throw new Error(r.error);
      expect(keys(r.docs)).toEqual(keys(fromText.docs));
    }
  });
});
