import { afterEach, describe, expect, it } from 'vitest';
import { peersQuery, type PeersRequest } from '../../../src/lib/compare/peers';
import { yoyQuery } from '../../../src/lib/compare/yoy';
import type { LibraryDb } from '../../../src/lib/db/library';
import { library, wan, type DocSpec } from './libraries';

// Jiangsu's twelve-table keys in the comparisons (issue 12): 三公 is the 三公 alone in every region,
// 单位预留机动经费 has its row where it is printed, and the tables with no national counterpart
// never stand in for national ones.

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));

// As the importer gives the Jiangsu 三公 table: 合计 with 会议费 and 培训费 under its own key.
const jiangsu = (id: string, year: number, threePublic: string, withMeetings: string, reserve: string): DocSpec => ({
  id, name: '江苏省测试厅', year, figures: [
    ['summary', 'expense.grand_total', 'amount', '28849.38'],
    ['expense', 'total', 'total', '28849.38'], ['expense', 'total', 'basic', '17123.19'], ['expense', 'total', 'project', '11543.27'],
    ['expense', 'total', 'reserve', reserve],
    ['three_public', 'total', 'total', threePublic], ['three_public', 'subtotal', 'total', threePublic],
    ['three_public', 'total_with_meeting_training', 'total', withMeetings], ['three_public', 'meeting', 'total', '228.00'],
    ['fiscal_expense', '204', 'total', '23513.11'], ['operating_cost', 'total', 'total', '9193.40'],
  ],
});
const national: DocSpec = {
  id: 'n', code: '202', name: '河北测试局', year: 2017, figures: [
    ['summary', 'expense.grand_total', 'amount', '100.00'], ['three_public', 'total', 'total', '5.28'], ['three_public', 'subtotal', 'total', '5.28'],
  ],
};

describe('Jiangsu keys in 同比 and 横比', () => {
  it('同比: 三公 is the 三公 alone (not with 会议费 and 培训费), and 单位预留机动经费 has its row', async () => {
    const l = await library([jiangsu('a', 2017, '670.12', '2599.37', '182.92'), jiangsu('b', 2018, '620.75', '2558.26', '3258.06')]);
    open.push(l);
    const r = yoyQuery(l.db, 'name:江苏省测试厅')!;
    const cells = (key: string) => r.rows.find((x) => x.key === key)?.cells.map((c) => c.value?.amount ?? null);
    expect(cells('m:three_public')).toEqual([wan('670.12'), wan('620.75')]);
    expect(cells('m:reserve')).toEqual([wan('182.92'), wan('3258.06')]);
    expect(r.rows.find((x) => x.key === 'm:reserve')!.cells[1].change).toBe(wan('3075.14'));
    // The 功能分类 rows come from the 支出 tables only, never from fiscal_expense.
    expect(r.rows.some((x) => x.key.startsWith('f:'))).toBe(false);
  });

  it('横比: a Jiangsu and a national unit compare 三公 like with like; no reserve row where no one prints it', async () => {
    const l = await library([jiangsu('a', 2017, '670.12', '2599.37', '182.92'), national]);
    open.push(l);
    const base: PeersRequest = { year: 2017, stage: 'budget', scope: 'department', selection: { kind: 'all' } };
    const r = peersQuery(l.db, base);
    const byDoc = (key: string) => Object.fromEntries(r.columns.map((c, i) => [c.docId, r.rows.find((x) => x.key === key)?.cells[i]?.value?.amount ?? null]));
    expect(byDoc('m:three_public')).toEqual({ a: wan('670.12'), n: wan('5.28') });
    const alone = await library([national]);
    open.push(alone);
    expect(peersQuery(alone.db, base).rows.map((x) => x.key)).not.toContain('m:reserve');
  });
});
