import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, reprinted } from './variants';

/**
 * The national 决算 template's 政府性基金预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出
 * (小计 | 基本支出 | 项目支出) | 年末结转和结余, by function. Before, 年初结转和结余 was read as
 * 基本支出 and 本年收入 as 项目支出, and the rest reported as extra cells. The real seed 003 (its
 * 政府性基金 table printed empty) with that table filled, titled 部门决算.
 */
function printed(closing = '20.00'): Promise<StoredDocument> {
  return readText(reprinted('## 部门预算政府性基金预算财政拨款支出表', [
    '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
    '功能分类科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
    `\t合计\t10.00\t100.00\t90.00\t\t90.00\t${closing}`,
    '212\t城乡社区支出\t10.00\t100.00\t90.00\t\t90.00\t20.00',
    '21208\t国有土地使用权出让收入安排的支出\t10.00\t100.00\t90.00\t\t90.00\t20.00',
    '2120899\t其他国有土地使用权出让收入安排的支出\t10.00\t100.00\t90.00\t\t90.00\t20.00',
  ]).replaceAll('部门预算', '部门决算'));
}

const fund = (d: StoredDocument) => d.figures.filter((f) => f.table === 'fund_expense' && f.rowCode === 'total').map((f) => `${f.column}=${(f.amount / 1e6).toFixed(2)}`);

describe('政府性基金 收入支出决算表', () => {
  it('reads each column under its head: 本年支出\'s 小计 is the total', async () => {
    const doc = await printed();
    expect(doc.meta.stage).toBe('final');
    expect(fund(doc)).toEqual(['carryover=10.00', 'income=100.00', 'total=90.00', 'project=90.00', 'carryforward=20.00']);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('政府性基金'))).toEqual([]);
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'fund_expense' && f.severity === 'error')).toEqual([]);
  });

  it('checks 年末 = 年初 + 本年收入 − 本年支出 on each row', async () => {
    const doc = await printed('21.00');
    const found = auditDocuments([doc])[0].findings.filter((f) => f.table === 'fund_expense' && f.severity === 'error');
    // The row's own balance, and (the hierarchy check) 合计 against its 类 in that column.
    expect(found.map((f) => [f.check, f.rowCode])).toEqual([['row_total', 'total'], ['hierarchy', 'total']]);
    expect(found[0].message).toContain('年末结转和结余 21.00，而 年初结转和结余 10.00 + 本年收入 100.00 + 减本年支出 -90.00 = 20.00（相差 1.00）');
  });
});
