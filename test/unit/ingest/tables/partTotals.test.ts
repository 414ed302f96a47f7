import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { DocFigures } from '../../../../src/lib/compare/figures';
import { METRIC_BY_KEY, readMetric } from '../../../../src/lib/compare/metrics';
import { importFile } from '../../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { basicTable, readText, SEED, seedText } from './variants';

/**
 * A 基本支出表 of one amount column whose 经济分类 类 sit under rows labelled 人员经费 and 公用经费
 * (合计 | 人员经费 | 301 | 303 | 公用经费 | 302 | 310): the labels are the 合计 row's 人员经费 and
 * 公用经费 (FORMAT.md), as 「人员经费合计」 is. The real seed 003 with that table printed so, its 类
 * amounts unchanged.
 */
const readWith = (table: string[]): Promise<StoredDocument> => readText(basicTable(table));

const basic = (d: StoredDocument) => d.figures.filter((f) => f.table === 'basic_expense' && f.rowCode === 'total').map((f) => `${f.column}=${f.amount / 1e6}`);

describe('人员经费 and 公用经费 printed as rows of a 基本支出表', () => {
  it('are read as the 合计 row\'s 人员经费 and 公用经费, and nothing is reported unread', async () => {
    const doc = await readWith([
      '序号\t科目编码\t科目名称\t金额',
      '1\t\t合计\t1082.00',
      '2\t\t人员经费\t959.08',
      '3\t301\t工资福利支出\t891.80',
      '4\t303\t对个人和家庭的补助\t67.28',
      '5\t\t公用经费\t122.92',
      '6\t302\t商品和服务支出\t120.87',
      '7\t310\t资本性支出\t2.05',
    ]);
    expect(basic(doc)).toEqual(['personnel=959.08', 'public=122.92', 'total=1082']);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('基本支出表'))).toEqual([]);
    // The metric is read from them, not derived; the audit's 合计 = 人员 + 公用 holds.
    const figs = new DocFigures();
    doc.figures.forEach((f) => figs.add({ docId: doc.docId, table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, line: f.source.line }));
    expect(readMetric(figs, METRIC_BY_KEY.get('personnel')!)).toMatchObject({ amount: 959_080_000, source: { table: 'basic_expense', column: 'personnel' } });
    const audit = auditDocuments([doc])[0];
    expect(audit.findings.filter((f) => f.check === 'basic_expense' && f.severity === 'error')).toEqual([]);
  });

  it('takes 「人员经费小计」 too, and leaves the words alone where they head columns', async () => {
    const doc = await readWith([
      '序号\t科目编码\t科目名称\t金额',
      '1\t\t合计\t1082.00',
      '2\t\t人员经费小计\t959.08',
      '3\t301\t工资福利支出\t891.80',
      '4\t303\t对个人和家庭的补助\t67.28',
      '5\t\t公用经费小计\t122.92',
      '6\t302\t商品和服务支出\t120.87',
      '7\t310\t资本性支出\t2.05',
    ]);
    expect(basic(doc)).toEqual(['personnel=959.08', 'public=122.92', 'total=1082']);
    // The seed as printed: 人员经费 and 公用经费 are columns, read on every row.
    const r = await importFile(new TextEncoder().encode(seedText), SEED);
    if (!r.ok) throw new Error(r.error);
    expect(basic(r.docs[0])).toEqual(['total=1082', 'personnel=959.08', 'public=122.92']);
    expect(r.docs[0].figures.some((f) => f.table === 'basic_expense' && f.rowCode === '301' && f.column === 'personnel')).toBe(true);
  });
});
