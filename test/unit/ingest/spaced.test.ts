import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, compareFigures, goldDocuments, type GoldDocument } from '../../../scripts/gold';
import { importFile } from '../../../src/lib/ingest/file';
import { toRows } from '../../../src/lib/ingest/lines';
import { mergeDocuments } from '../../../src/lib/ingest/merge';
import { spacedLayout } from '../../../src/lib/ingest/spaced';
import type { StoredDocument } from '../../../src/lib/model/document';
import { seedText } from './seeds';

/**
 * Texts whose tables are laid out with spaces (ingest/spaced.ts). The corpus PDFs as poppler's
 * `pdftotext -layout` writes them (test/unit/ingest/spaced/, scripts/spaced-fixtures.ts), read
 * against the gold; and the seeds laid out in a fixed-width font, read against themselves.
 */
const fixture = (pdf: string) => gunzipSync(new Uint8Array(readFileSync(path.join(import.meta.dirname, 'spaced', pdf.replace(/\.pdf$/, '.txt.gz')))));
const enc = new TextEncoder();

interface Read {
  gold: GoldDocument;
  doc: StoredDocument | undefined;
  matched: number;
  missing: string[];
  /** Figures in a table the gold records completely that the gold does not give: misplaced. */
  extra: string[];
}

const read: Record<string, Read[]> = {};

beforeAll(async () => {
  for (const corpus of CORPORA.filter((c) => c.name !== 'seeds')) {
    const golds = goldDocuments(corpus);
    const groups = [...new Set(golds.map((g) => (g.files ?? [g.file]).join('\n')))].map((g) => g.split('\n'));
    read[corpus.name] = [];
    for (const files of groups) {
      const perFile: StoredDocument[][] = [];
      for (const f of files) {
        const r = await importFile(fixture(f), f.replace(/\.pdf$/, '.txt'));
        if (!r.ok) throw new Error(r.error);
        perFile.push(r.docs);
      }
      const docs = mergeDocuments(perFile);
      for (const gold of golds.filter((g) => (g.files ?? [g.file]).join('\n') === files.join('\n'))) {
        const doc = docs.find((d) => d.meta.unitName === gold.unit_name && d.meta.year === gold.year && d.meta.stage === gold.stage && d.meta.scope === gold.scope);
        read[corpus.name].push({ gold, doc, ...compareFigures(gold, doc?.figures ?? [], corpus) });
      }
    }
  }
}, 120_000);

/** Figures read with another amount than the gold's: a misreading, worse than a figure not read. */
const wrong = (r: Read) => r.missing.filter((m) => !m.endsWith('got (none)'));

describe('the corpus PDFs converted by pdftotext -layout', () => {
  it('are read as pages laid out with spaces, one Chinese character a place', () => {
    for (const file of ['putuo-sww-2025-department.pdf', 'jiangsu-gjfy-2019-dept-budget.pdf']) {
      expect(spacedLayout(new TextDecoder().decode(fixture(file))), file).toEqual({ wide: false });
    }
  });

  it('give each document of the gold, with its unit, year, stage and scope', () => {
    for (const r of [...read.shanghai, ...read.jiangsu]) expect(r.doc, r.gold.file).toBeDefined();
  });

  it('give every gold figure of the Shanghai budgets', () => {
    // Before spaced.ts: 94 of the 1,489 Shanghai figures, with 11 read as 元 where 万元 was meant.
    const budgets = read.shanghai.filter((r) => r.gold.stage === 'budget');
    expect(budgets.length).toBe(5);
    expect(budgets.flatMap((r) => r.missing.map((m) => `${r.gold.file}: ${m}`))).toEqual([]);
  });

  it('give every gold figure of Jiangsu, narratives given as their own texts included', () => {
    // Before spaced.ts: 378 of Jiangsu's 960, with 3 misread.
    expect(read.jiangsu.flatMap((r) => r.missing.map((m) => `${r.gold.file}: ${m}`))).toEqual([]);
  });

  it('give most of the Shanghai 决算, whose header and labels pdftotext breaks over lines', () => {
    // Its 基本支出决算表 of side-by-side panels loses rows: the converter prints a row's amounts, codes
    // and labels on lines of their own, in no order a row can be told by (ingest/README.md).
    const final = read.shanghai.filter((r) => r.gold.stage === 'final');
    expect(final.length).toBe(1);
    expect(final[0].matched).toBeGreaterThanOrEqual(170);
  });

  it('misread nothing: no amount other than the gold’s, no figure under a key the gold does not give', () => {
    const misread = [...read.shanghai, ...read.jiangsu].flatMap((r) => [...wrong(r), ...r.extra].map((m) => `${r.gold.file}: ${m}`));
    expect(misread).toEqual([]);
  });

  it('name each figure by its page (pdftotext ends each page with a form feed) and the line of the text kept', () => {
    const doc = read.shanghai.find((r) => r.gold.stage === 'budget')!.doc!;
    const figure = doc.figures.find((f) => f.table === 'expense' && f.column === 'total')!;
    expect(figure.source.page).toBeGreaterThan(1);
    expect(figure.source.line).toBeGreaterThan(0);
    expect(figure.source.box).toBeUndefined();
  });
});

/**
 * A real 收入总表 over three pages as pdftotext writes it (putuo-wljd-2024-income-pages.txt, from a
 * 上海 街道's 2024 budget outside the corpus): the converter lays out each page on a grid of its own,
 * and the later pages, their zeros printed closer, have every column of amounts further left; the
 * table's 合计 stands alone on the last page, its cells three places apart. Read against the text's
 * own lines: each coded line's first amount is the row's 合计 and its second its 财政拨款收入.
 */
describe('a table over pages each laid out on its own grid', () => {
  const text = new TextDecoder().decode(readFileSync(path.join(import.meta.dirname, 'spaced', 'putuo-wljd-2024-income-pages.txt')));
  const yuan = (s: string) => Number(s.replaceAll(',', '')) * 1_000_000 / 10_000;
  const printed = text.split(/\r?\n|\f/).flatMap((line) => {
    const m = /^(\d{3})(?: {2,}(\d{2}))?(?: {2,}(\d{2}))? {2,}\S+ +([\d,]+) +([\d,]+) +0 +0 +0$/.exec(line.trim());
    return m ? [{ code: m[1] + (m[2] ?? '') + (m[3] ?? ''), total: yuan(m[4]), fiscal: yuan(m[5]) }] : [];
  });

  it('reads every row of every page under its own head, and the 合计 alone on the last page', async () => {
    expect(printed.length).toBeGreaterThan(60);
    expect(text.split('\f').length).toBeGreaterThanOrEqual(4);
    const r = await importFile(enc.encode(text), 'putuo-wljd-2024-income-pages.txt');
    if (!r.ok) throw new Error(r.error);
    const figures = r.docs.flatMap((d) => d.figures.filter((f) => f.table === 'income'));
    const at = (code: string, column: string) => figures.find((f) => f.rowCode === code && f.column === column)?.amount;
    for (const row of printed) {
      expect([row.code, at(row.code, 'total'), at(row.code, 'fiscal'), at(row.code, 'business'), at(row.code, 'operating'), at(row.code, 'other')]).toEqual([row.code, row.total, row.fiscal, 0, 0, 0]);
    }
    expect(new Set(figures.map((f) => f.column))).toEqual(new Set(['total', 'fiscal', 'business', 'operating', 'other']));
    const classes = printed.filter((p) => p.code.length === 3).reduce((n, p) => n + p.total, 0);
    expect(at('total', 'total')).toBe(classes);
    expect(r.docs.flatMap((d) => d.warnings.map((w) => w.message)).filter((m) => m.includes('合计行'))).toEqual([]);
  });
});

/**
 * A seed's tables laid out in a fixed-width font: each column as wide as its widest cell, amounts to
 * the right, words to the left, four spaces between. `wide`: a Chinese character two places.
 */
function fixedWidth(text: string, wide: boolean): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (wide && /[\u2E80-\u9FFF\uFF00-\uFF60\u3000-\u303F“”]/.test(ch) ? 2 : 1), 0);
  const rows = toRows(text).map((r) => r.cells);
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j].length >= 2) j++;
    if (j === i) {
      out.push(rows[i++].join(''));
      continue;
    }
    const block = rows.slice(i, j);
    const widths = Array.from({ length: Math.max(...block.map((r) => r.length)) }, (_, c) => Math.max(...block.map((r) => width(r[c] ?? ''))));
    for (const r of block) out.push(r.map((c, k) => (/^-?[\d,]+(?:\.\d+)?$/.test(c) ? ' '.repeat(widths[k] - width(c)) + c : c + ' '.repeat(widths[k] - width(c)))).join('    ').trimEnd());
    i = j;
  }
  return out.join('\n');
}

describe('a seed laid out with spaces in a fixed-width font', () => {
  // Seeds 000 and 003 print every table as tab rows, each cell in its column: laid out again, their
  // columns are the tables'. (The one-cell-per-line seeds do not keep a header word over its column.)
  const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
  // In a fixed-width font a Chinese character is two places and one space stays inside a cell
  // (「单价在 20 万元以上的设备」); on a converter's grid one space parts cells, so that rendering of
  // the seeds is no converter's text (the corpus texts above are).
  it.each(['000_90f61d72552513ea.txt', '003_3753cf426c7ec0a0.txt'])('%s reads to the same figures', async (file) => {
    const spaced = fixedWidth(seedText(file), true);
    expect(spacedLayout(spaced)).toEqual({ wide: true });
    const whole = await importFile(enc.encode(seedText(file)), file);
    const laid = await importFile(enc.encode(spaced), file);
    if (!whole.ok || !laid.ok) throw new Error('not read');
    const got = new Set(laid.docs.flatMap((d) => d.figures.map(key)));
    const want = whole.docs.flatMap((d) => d.figures.map(key));
    expect(want.length).toBeGreaterThan(250);
    expect(want.filter((k) => !got.has(k))).toEqual([]);
    expect(laid.docs.map((d) => d.meta)).toEqual(whole.docs.map((d) => d.meta));
    // No form feed: no page to name.
    expect(laid.docs[0].figures.every((f) => f.source.page === undefined)).toBe(true);
  });

  // Shanghai's 元 tables (上海市财政局 2025, 社会福利院 2024 through pdftotext) print whole 元 with their
  // thousands grouped (「6,958,414」) and no decimal point: no row counted, the text was no such page
  // and nothing of its tables was read.
  it('a seed in whole 元, thousands grouped and no decimal point, reads to the same figures', async () => {
    const file = '003_3753cf426c7ec0a0.txt';
    const yuan = seedText(file).replace('（金额单位：万元）', '（金额单位：元）').split('\n').map((line) => (line.trim() === '单位：万元' ? '单位：元' : line.split('\t').map((c) => {
      const m = /^(-?)(\d[\d,]*)\.(\d{2})$/.exec(c);
      return m ? m[1] + (BigInt(m[2].replaceAll(',', '') + m[3]) * 100n).toLocaleString('en-US') : c;
    }).join('\t'))).join('\n');
    const spaced = fixedWidth(yuan, true);
    expect(spaced).toContain('15,501,300 ');
    expect(spacedLayout(spaced)).toEqual({ wide: true });
    const whole = await importFile(enc.encode(seedText(file)), file);
    const laid = await importFile(enc.encode(spaced), file);
    if (!whole.ok || !laid.ok) throw new Error('not read');
    const tables = (docs: StoredDocument[]) => new Set(docs.flatMap((d) => d.figures.filter((f) => f.table !== 'facts').map(key)));
    const want = [...tables(whole.docs)];
    expect(want.length).toBeGreaterThan(250);
    expect(want.filter((k) => !tables(laid.docs).has(k))).toEqual([]);
  });

  it('a seed whose tabs became two spaces each is no such page: its runs follow the labels', () => {
    for (const file of ['000_90f61d72552513ea.txt', '003_3753cf426c7ec0a0.txt']) {
      expect(spacedLayout(seedText(file).replace(/\t/g, '  ')), file).toBeNull();
    }
    expect(spacedLayout(seedText('003_3753cf426c7ec0a0.txt'))).toBeNull();
  });
});
