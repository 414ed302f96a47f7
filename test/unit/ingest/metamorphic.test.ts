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
  ['「单位（万元）」', (t) => t.replace(/(^|\t)单位：万元/gm, '$1单位（万元）')],
  ['「（单位：万元）」', (t) => t.replace(/(^|\t)单位：万元/gm, '$1（单位：万元）')],
  // A table's title numbered or dated as other provinces print it.
  ['the year before each title', (t) => titles(t, (title) => `${yearOf(t)}年${title}`)],
  ['「表N 」 before each title', (t) => titles(t, (title, n) => `表${n} ${title}`)],
  ['「附表N：」 before each title', (t) => titles(t, (title, n) => `附表${n}：${title}`)],
  ['「N.」 before each title', (t) => titles(t, (title, n) => `${n}.${title}`)],
  ['「（表N）」 after each title', (t) => titles(t, (title, n) => `${title}（表${n}）`)],
  // Header words as other templates print them.
  ['「功能科目名称」 for 「科目名称」', (t) => t.replace(/(^|\t)科目名称(?=\t|$)/gm, '$1功能科目名称')],
  ['「科目代码」 for 「科目编码」', (t) => t.replace(/(^|\t)科目编码(?=\t|$)/gm, '$1科目代码')],
  ['「本年预算数」 for 「预算数」', (t) => t.replace(/(^|\t)预算数(?=\t|$)/gm, '$1本年预算数')],
  // The unit line and the year line as other templates print them.
  ['「单位名称：」 before the unit line', (t) => t.replace(/^(\t?)(\d{3,6}[\u4e00-\u9fff][^\t\n]*)$/gm, '$1单位名称：$2')],
  ['「2023年度」 for 「预算年度：2023」', (t) => t.replace(/预算年度[：:]\s*(\d{4})/g, '$1年度')],
  // A row's code as finance systems export it: joined to its name, bracketed, or both.
  ['「[2010101]行政运行」', joinedCodes('[', ']', '')],
  ['「【2010101】行政运行」', joinedCodes('【', '】', '')],
  ['「2010101行政运行」', joinedCodes('', '', '')],
  ['「2010101 行政运行」', joinedCodes('', '', ' ')],
  ['「[2010101]」 in the code cell', (t) => t.replace(/^(\d+\t)(\d{3,7})\t/gm, '$1[$2]\t')],
  ['codes spaced 「201 40 01」', (t) => t.replace(/^(\d+\t)(\d{3})(\d{2})(\d{2})?\t/gm, (_, a, x, y, z) => `${a}${x} ${y}${z ? ` ${z}` : ''}\t`)],
  // Totals and labels as other templates and PDF text print them.
  ['「总计」 for 「合计」', (t) => t.replace(/(^|\t)合计(?=\t|$)/gm, '$1总计')],
  ['「合　计」 for 「合计」', (t) => t.replace(/(^|\t)合计(?=\t|$)/gm, '$1合\u3000计')],
  ['short labels letter-spaced (「合 计」「奖 金」)', (t) => t.replace(/(^|\t)([\u4e00-\u9fff]{2,4})(?=\t|$)/gm, (_, a, w: string) => a + [...w].join(' '))],
  ['「预算年度：2023年」', (t) => t.replace(/预算年度：(\d{4})(?!年)/g, '预算年度：$1年')],
  // The narrative's amounts typed in full-width (「１８１．１７万元」), or spaced from their unit.
  ['the narrative\'s amounts full-width', (t) => t.replace(/\d+(?:\.\d+)?(?=\s*万元)/g, FULL_WIDTH)],
  ['「181.17 万元」', (t) => t.replace(/(\d)万元/g, '$1 万元')],
  ['「较上年」 for 「比上年」', (t) => t.replace(/比上年/g, '较上年')],
  ['「"三公"」 for 「“三公”」', (t) => t.replace(/“三公”/g, '"三公"')],
  // The 情况说明's sections numbered in brackets: 「（六）政府采购预算情况」.
  ['「（六）」 for 「六、」 in the 情况说明\'s headings', (t) => t.replace(/^(\s*)([一二三四五六七八九十]{1,3})、(?=[\u4e00-\u9fff“”"]+(?:情况|说明)$)/gm, '$1（$2）')],
  // Or not numbered at all: 「政府采购预算情况」.
  ['the 情况说明\'s headings without their numbers', (t) => t.replace(/^(\s*)[一二三四五六七八九十]{1,3}、(?=[\u4e00-\u9fff“”"]+(?:情况|说明)$)/gm, '$1')],
  // A page number between the rows of a table, where a page broke.
  ['page numbers between rows', (t) => {
    let k = 0;
    const page = () => `- ${Math.ceil(k / 7)} -`;
    return t
      // One cell per line: a row opens with its number after a blank line.
      .replace(/\n\n(?=\t\d+\n)/g, () => (++k % 7 === 0 ? `\n\n${page()}\n\n` : '\n\n'))
      // Tab rows: a data row opens with its number.
      .replace(/\n(?=\d+\t)/g, () => (++k % 7 === 0 ? `\n${page()}\n` : '\n'));
  }],
  // Tables print a dash or a slash where there is no amount, and some where there is no code.
  ['「—」 in blank cells', dashed('—')],
  ['「-」 in blank cells', dashed('-')],
  ['「／」 in blank cells', dashed('／')],
];

/** Tab rows' code and name cells as one (「4⇥2014001⇥行政运行」 → 「4⇥[2014001]行政运行」), their header word one too. */
function joinedCodes(open: string, close: string, space: string): (text: string) => string {
  return (text) => text
    .replace(/科目编码\t科目名称/g, '科目名称')
    .replace(/^(\d+\t)(\d{3,7})\t([^\t\d][^\t]*)/gm, `$1${open}$2${close}${space}$3`);
}

/** Each table title on a line of its own (「部门预算收支总表」, 「## 部门预算收入总表」) rewritten, numbered from 1. */
function titles(text: string, rewrite: (title: string, n: number) => string): string {
  let n = 0;
  return text.replace(/^(#+ )?((?:部门|单位)(?:预算)?\S*?表)$/gm, (_, heading: string | undefined, title: string) => `${heading ?? ''}${rewrite(title, ++n)}`);
}

/** The document's year, as its 预算年度 line or its first 「2023年」 says. */
function yearOf(text: string): string {
  return /预算年度[：:]\s*(\d{4})/.exec(text)?.[1] ?? /(20\d\d)\s*年/.exec(text)![1];
}

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
