import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 西安 应急 2019's 三公 table (a real disclosure outside the corpus; amounts as printed) names the
 * vehicle's parts 「公务用车购置经费」 and 「公务用车运行维护」, with no 费 after 运行维护. Neither was taken for
 * a part: the amounts were given by position and 公务接待费 read 24.00, the 运行维护's, where it is 4.38
 * (and 因公出国 4.38, where it is blank), with a warning that the sums did not close.
 */
const read = (heads: readonly string[]): ParsedDocument => {
  const r = readDisclosureText([
    '部门名称：某某局', '2019年部门预算', '2019年一般公共预算拨款“三公”经费及会议费、培训费支出预算表', '单位：万元',
    heads.join('\t'), ['合计', '83.74', '28.38', '', '4.38', '24.00', '', '24.00', '19.06', '36.30'].join('\t'), '',
  ].join('\n'), 'heads.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const items = (d: ParsedDocument) => Object.fromEntries(d.figures.filter((f) => f.table === 'three_public').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
const HEADS = ['单位名称', '合计', '小计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费小计', '公务用车购置经费', '公务用车运行维护', '会议费', '培训费'];

describe('the vehicle\'s parts by other words', () => {
  it('「公务用车购置经费」 and 「公务用车运行维护」 are the parts, and the sums place the amounts', () => {
    const d = read(HEADS);
    expect(items(d)).toMatchObject({ total: '28.38', reception: '4.38', vehicle: '24.00', vehicle_operation: '24.00', meeting: '19.06', training: '36.30' });
    expect(items(d).overseas).toBeUndefined();
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('对不上'))).toEqual([]);
  });

  it('the template\'s words are read as before', () => {
    const d = read(HEADS.map((h) => h.replace('购置经费', '购置费').replace('运行维护', '运行维护费')));
    expect(items(d)).toMatchObject({ reception: '4.38', vehicle_operation: '24.00' });
  });
});
