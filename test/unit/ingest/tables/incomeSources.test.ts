import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { importFile } from '../../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { seedsDir } from '../../../support/shared';

/**
 * The national 收入预算表 since 2020 heads its columns 合计 | 上年结转 | 一般公共预算拨款收入 | 政府性
 * 基金预算拨款收入 | 国有资本经营预算拨款收入 | 财政专户管理资金收入 | 单位资金 (事业收入 | 事业单位经营
 * 收入 | 其他收入). Before, the three appropriations were no keys of the table: 一般公共预算拨款收入 was
 * read as 单位资金, silently, since the row still added up. The real seed 003 with its 收入总表 printed
 * so: each row's 合计 as the seed has it, split between 一般公共预算 and 事业收入 (one tenth, to the fen).
 */
const SEED = '003_3753cf426c7ec0a0.txt';
const seedText = readFileSync(path.join(seedsDir, SEED), 'utf8');

async function read(text: string): Promise<StoredDocument> {
  const r = await importFile(new TextEncoder().encode(text), 'variant.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

function printed(unitSubtotal: boolean, off = 'none'): { text: string; expected: Map<string, string> } {
  const lines = seedText.split('\n');
  const heading = lines.indexOf('## 部门预算收入总表');
  const start = lines.findIndex((l, i) => i > heading && l.startsWith('序号'));
  let end = start;
  while (end < lines.length && !(lines[end].startsWith('## ') && lines[end].endsWith('表'))) end++;
  const cells = lines.slice(start, end).filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const fen = (s: string) => Math.round(Number(s) * 100);
  const wan = (n: number) => (n / 100).toFixed(2);
  // 事业收入 a tenth of a 项's 合计; a 款, a 类 and 合计 the sum of theirs, so the columns add up down the table.
  const business = new Map<string, number>();
  const sumOf = (pick: (code: string) => boolean) => cells.filter(([, c]) => pick(c)).reduce((a, [, c]) => a + business.get(c)!, 0);
  for (const len of [7, 5, 3]) {
    for (const [, code, , total] of cells) {
      if (code.length !== len) continue;
      const children = cells.some(([, c]) => c.length > len && c.startsWith(code));
      business.set(code, children ? sumOf((c) => c.length === len + 2 && c.startsWith(code)) : Math.round(fen(total) / 10));
    }
  }
  business.set('', sumOf((c) => c.length === 3));
  const expected = new Map<string, string>();
  const rows = cells.map(([seq, code, name, total]) => {
    const b = business.get(code)!;
    const general = fen(total) - b + (code === off ? 100 : 0);
    const key = code || 'total';
    expected.set(`${key}/total`, total).set(`${key}/general`, wan(general)).set(`${key}/business`, wan(b));
    if (unitSubtotal) expected.set(`${key}/unit_funds`, wan(b));
    return [seq, code, name, total, '', wan(general), '', '', '', ...(unitSubtotal ? [wan(b)] : []), wan(b), '', ''].join('\t');
  });
  const head = unitSubtotal
    ? ['序号\t科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t财政专户管理资金收入\t单位资金\t\t\t',
      '\t\t\t\t\t\t\t\t\t小计\t事业收入\t事业单位经营收入\t其他收入']
    : ['序号\t科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t财政专户管理资金收入\t单位资金\t\t',
      '\t\t\t\t\t\t\t\t\t事业收入\t事业单位经营收入\t其他收入'];
  expect(rows.length).toBeGreaterThan(10);
  return { text: [...lines.slice(0, start), ...head, ...rows, '', ...lines.slice(end)].join('\n'), expected };
}

const errors = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('the national 收入预算表 by source', () => {
  for (const unitSubtotal of [false, true]) {
    it(`reads each source under its own head ${unitSubtotal ? 'with' : 'without'} a 单位资金 小计, and the audit finds what it finds in the seed`, async () => {
      const { text, expected } = printed(unitSubtotal);
      const doc = await read(text);
      const got = new Map(doc.figures.filter((f) => f.table === 'income').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(got).toEqual(expected);
      expect(doc.warnings.filter((w) => w.message.includes('收入'))).toEqual([]);
      expect(errors(doc)).toEqual(errors(await read(seedText)));
    });
  }

  it('finds a row whose sources do not add up to its 合计', async () => {
    const seed = errors(await read(seedText));
    const found = errors(await read(printed(false, '2014001').text)).filter((m) => !seed.includes(m));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/2014001 行.*合计 692\.95，而 一般公共预算资金 624\.65 \+ 事业收入 69\.30 = 693\.95.*应有：合计 = 一般公共预算资金 \+ 事业收入/);
  });
});
