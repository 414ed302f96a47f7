import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { importFile } from '../../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { seedsDir } from '../../../support/shared';

/**
 * The national 一般公共预算支出表 prints 基本支出 over 人员经费 | 公用经费, with a 小计 of its own or
 * without one. The real seed 003, its 一般公共预算财政拨款支出表 printed so: every row as the seed has
 * it, 基本支出 split nine to one (to the fen). Before, 人员经费 was read as 项目支出.
 */
const SEED = '003_3753cf426c7ec0a0.txt';
const seedText = readFileSync(path.join(seedsDir, SEED), 'utf8');

async function read(text: string): Promise<StoredDocument> {
  const r = await importFile(new TextEncoder().encode(text), 'variant.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

/** The seed with the table re-printed; `off`: a row code whose 公用经费 is printed 1.00 too high. */
function split(withSubtotal: boolean, off = 'none'): { text: string; expected: Map<string, string> } {
  const lines = seedText.split('\n');
  const heading = lines.indexOf('## 部门预算一般公共预算财政拨款支出表');
  const start = lines.findIndex((l, i) => i > heading && l.startsWith('序号\t功能分类科目'));
  let end = start;
  while (end < lines.length && !(lines[end].startsWith('## ') && lines[end].endsWith('表'))) end++;
  const fen = (s: string) => Math.round(Number(s) * 100);
  const wan = (n: number) => (n / 100).toFixed(2);
  const expected = new Map<string, string>();
  const cells = lines.slice(start, end).filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  // 人员经费 nine tenths of a 项's 基本支出, to the fen; a 款, a 类 and 合计 the sum of theirs, so that
  // the columns add up down the table as the seed's 基本支出 does.
  const share = new Map<string, number>();
  const sumOf = (pick: (code: string) => boolean) => cells.filter(([, c, , , b]) => b && pick(c)).reduce((a, [, c]) => a + share.get(c)!, 0);
  for (const len of [7, 5, 3]) {
    for (const [, code, , , basic] of cells) {
      if (code.length !== len || !basic) continue;
      const children = cells.some(([, c, , , b]) => b && c.length > len && c.startsWith(code));
      share.set(code, children ? sumOf((c) => c.length === len + 2 && c.startsWith(code)) : Math.round(fen(basic) * 0.9));
    }
  }
  share.set('', sumOf((c) => c.length === 3));
  const rows = cells.map(([seq, code, name, total, basic = '', project = '']) => {
    const b = basic ? fen(basic) : null;
    const personnel = b === null ? null : share.get(code)!;
    const pub = b === null ? null : b - personnel! + (code === off ? 100 : 0);
    const key = code || 'total';
    if (personnel !== null) expected.set(`${key}/personnel`, wan(personnel)).set(`${key}/public`, wan(pub!));
    if (project) expected.set(`${key}/project`, project);
    return [seq, code, name, total, ...(withSubtotal ? [basic] : []), personnel === null ? '' : wan(personnel), pub === null ? '' : wan(pub), project].join('\t');
  });
  const head = withSubtotal
    ? ['序号\t功能分类科目\t\t合计\t基本支出\t\t\t项目支出', '\t科目编码\t科目名称\t\t小计\t人员经费\t公用经费\t']
    : ['序号\t功能分类科目\t\t合计\t基本支出\t\t项目支出', '\t科目编码\t科目名称\t\t人员经费\t公用经费\t'];
  expect(rows.length).toBeGreaterThan(10);
  return { text: [...lines.slice(0, start), ...head, ...rows, '', ...lines.slice(end)].join('\n'), expected };
}

const errors = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('基本支出 printed over 人员经费 and 公用经费', () => {
  for (const withSubtotal of [true, false]) {
    it(`reads every cell under its own head ${withSubtotal ? 'with' : 'without'} a 小计, and the audit finds what it finds in the seed`, async () => {
      const { text, expected } = split(withSubtotal);
      const doc = await read(text);
      const got = new Map(doc.figures.filter((f) => f.table === 'general_expense' && f.column !== 'total' && f.column !== 'basic')
        .map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(got).toEqual(expected);
      expect(doc.figures.some((f) => f.table === 'general_expense' && f.column === 'basic')).toBe(withSubtotal);
      expect(doc.warnings.filter((w) => w.message.includes('支出表'))).toEqual([]);
      expect(errors(doc)).toEqual(errors(await read(seedText)));
    });
  }

  it('finds a split that does not add up, against 基本支出 or against 合计', async () => {
    const seed = errors(await read(seedText));
    const withSub = errors(await read(split(true, '2014001').text)).filter((m) => !seed.includes(m));
    expect(withSub).toHaveLength(1);
    expect(withSub[0]).toMatch(/2014001 行.*基本支出 692\.95.*人员经费.*公用经费.*应有：基本支出 = 人员经费 \+ 公用经费/);
    const without = errors(await read(split(false, '2014001').text)).filter((m) => !seed.includes(m));
    expect(without.some((m) => /2014001 行.*合计 692\.95.*应有：合计 = 人员经费 \+ 公用经费 \+ 项目支出/.test(m))).toBe(true);
  });
});
