import { expectedStandardTables, STANDARD_TABLES, TABLE_NAMES, type TableKey } from '../model/keys';
import { lineOf, type CheckContext } from './context';

/** The fund a 支出表 is about, and the words a note uses for it. */
const FUNDS: Partial<Record<TableKey, { name: string; words: RegExp }>> = {
  general_expense: { name: '一般公共预算', words: /一般公共预算/ },
  fund_expense: { name: '政府性基金', words: /政府性基金|政府基金|基金预算/ },
  soe_expense: { name: '国有资本经营预算', words: /国有资本/ },
};
const ANY_FUND = /一般公共预算|政府性基金|政府基金|基金预算|国有资本/;

/**
 * Check 10: each of the nine standard tables is published, with figures or empty with its
 * 「空表列示」 note; and the notes of empty tables say what they should (issue 13, item 7). A table
 * the importer saw but could not read is not the document's gap: it is 未执行, never a warning. A
 * document imported from a FORMAT CSV records no tables, so there the check cannot run.
 */
export function checkCompleteness(ctx: CheckContext): void {
  const { view } = ctx;
  if (!view.doc.tables.length) {
    ctx.notRun.push('由预算数字 CSV 导入的文档不记录公开了哪些表（空表无法表示）');
    ctx.report('not_run', { table: 'document', rowCode: '' }, '未执行：由预算数字 CSV 导入的文档不记录公开了哪些表', '', '');
    return;
  }
  ctx.comparisons++;
  // The twelve-table template (Jiangsu) has no 国有资本经营预算 table of its own (model/keys.ts).
  const expected = expectedStandardTables((t) => view.state(t) !== 'missing');
  const twelve = expected.length < STANDARD_TABLES.length;
  const missing = expected.filter((t) => view.state(t) === 'missing');
  const unreadable = expected.filter((t) => view.state(t) === 'unreadable');
  if (unreadable.length) ctx.notRun.push(`${unreadable.map((t) => `「${TABLE_NAMES[t]}」`).join('')}已找到但其数字未能读取，未判断其是否为空表`);
  if (missing.length) {
    const text = missing.length === expected.length ? '九张标准公开表一张也没有公开' : `缺少 ${missing.map((t) => `「${TABLE_NAMES[t]}」`).join('')}`;
    ctx.report('warning', { table: 'document', rowCode: '' },
      `${text}。部门预算应公开${twelve ? '全部标准公开表' : '九张表'}，无数据的表也应以「空表列示」公开。`, `${expected.length} 张表`, `${expected.length - missing.length} 张`);
  }
  checkEmptyNotes(ctx);
}

/** 「本表为空表」 on a table that prints figures; a note naming another fund; an empty table without a note. */
function checkEmptyNotes(ctx: CheckContext): void {
  const { view } = ctx;
  let narrative: string | null = null;
  for (const seen of view.doc.tables) {
    const table = seen.table;
    const state = view.state(table);
    if (state === 'unreadable') continue;
    const where = { table, rowCode: '', ...lineOf(seen) };
    const note = seen.note ?? '';
    const figures = view.rows(table).some((r) => [...r.cells.values()].some((f) => f.amount !== 0));
    ctx.comparisons++;
    if (note && /空表|无数据|没有数据|无相关/.test(note) && figures) {
      ctx.report('warning', where, `「${seen.title}」注明「${note}」，但表中列有金额。请核对：空表说明与表中数字只能有一个是对的。`, '', note);
      continue;
    }
    const fund = FUNDS[table];
    const named = note.match(ANY_FUND)?.[0];
    if (fund && named && !fund.words.test(note)) {
      ctx.report('warning', where, `「${seen.title}」是${fund.name}的表，但其说明写的是「${note}」，提到的是${named}：说明可能是从别的表复制来的。`, fund.name, named);
      continue;
    }
    if (state === 'empty' && !note && STANDARD_TABLES.includes(table)) {
      // The narrative may say it instead (「本部门无政府性基金预算」).
      narrative ??= (view.doc.narrative?.paragraphs ?? []).map((p) => p.text).join('');
      if (fund && new RegExp(`无${fund.words.source.split('|')[0]}|(?:${fund.words.source})[^。]{0,20}(?:0万元|为0|无)`).test(narrative)) continue;
      ctx.report('warning', where, `「${seen.title}」是空表，但没有说明为什么没有数据（如「本部门无此项支出，本表为空表」）。`, '空表说明', '无');
    }
  }
}
