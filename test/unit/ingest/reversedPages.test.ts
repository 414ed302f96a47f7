import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/ingest/file';
import { reversedPages } from '../../../src/lib/ingest/reversedPages';
import { readText as read } from './tables/variants';

/**
 * A page printed upside down (a landscape table turned over to fit the binding), as pdftotext -layout
 * writes it: every line right to left, the lines bottom to top, the amounts spaced glyph by glyph
 * (「1 6. 7 2 1, 2」 for 2,127.61). Page 4 of the synthetic Jiangsu 「sideways pages」 PDF
 * (`npm run synth:pdfs`), its 收入预算总表, and page 5 after it. Before, such a page was read as rows: dozens of warnings of
 * lone digits 「多出一列」, of rows 「不是已知的收支项目」, and its neighbours' tables ran on across it
 * with its junk (the synthetic Jiangsu text: 52 of 170 figures right; now 68, the same one wrong).
 * Now its text is left out and the page named.
 */
// Page 5 of the same text, upright: the rest of the 收入预算总表, the 支出预算总表, the 财政拨款收支预算总表.
const upright = [
  "                                          项目名称                                              金额",
  "                                      小计                                                          172.76",
  "                                      事业收入                                                        172.76",
  "其他资金                                  经营收入",
  "                                      其他收入",
  "                                      债务资金（银行贷款）",
  "上年结转和结余资金                             小计",
  "                                      其中：动用上年结转和结余资金",
  "                                                 支出预算总表",
  "部门名称：合成测试第0003号单位                                                                                单位：万元",
  "      合计            基本支出                项目支出                   单位预留机动经费              结转下年资金",
  "         2,127.61          1,457.48             648.81                       21.32",
  "                                            财政拨款收支预算总表",
  "部门名称：合成测试第0003号单位                                                                                单位：万元",
  "                     收入                                                      支出",
  "                                                                            支出用途",
  "             项目名称                         金额                         项目名称                   金额",
  "一、一般公共预算                                       1,580.68 一、基本支出                                   1,457.48",
  "二、政府性基金预算                                        374.17 二、项目支出                                     476.05",
  "                                                        三、单位预留机动经费                                  21.32",
  "收入合计                                           1,954.85 支出合计                                     1,954.85",
  "                                        财政拨款支出预算表（功能科目）",
  "部门名称：合成测试第0003号单位                                                                                单位：万元",
  "   功能科目编码                                      功能科目名称                                  金额",
  "              合计                                                                                 1,954.85",
].join('\n');

const upsideDown = [
  "                                                                        入收税非他其",
  "                                                                      费收育教理管户专                                      金资理管户专政财",
  "                                                                            计小",
  "7 1. 4 7 3                                                                  计小                                            金基性府政",
  "                                                                          入收项专",
  "8 6. 0 8 5, 1                                                     金资）助补（款拨政财共公                                      金资算预共公般一",
  "8 6. 0 8 5, 1                                                               计小",
  "1 6. 7 2 1, 2                                                                                                               计总入收",
  "                额金                                                   称名目项",
  "元万：位单                                                                                                   位 单 号3000 第 试 测 成 合 ： 称 名 门 部",
  "                                                       表总算预入收",
  "1 6. 7 2 1, 2                                                             计 合 出 支 1 6. 7 2 1, 2                           计合入收",
  "                                                                      金资年下转结                                            金资转结年上",
  "1 6. 7 2 1, 2                                                         计 小 出 支 年 当 1 6. 7 2 1, 2                         计小入收年当",
  "                                         8 9. 9 1 1                 出支他其、一十二",
  "                                                                      出支理管急应",
  "                                                                    及治防害灾、十二",
  "                                                                            出支备",
  "                                                                    储资物油粮、九十",
  "                                         5 9. 0 1 3                             出",
  "                                                                    支障保房住、八十",
  "                                                                      出支等象气洋",
  "                                                                    海源资然自、七十",
  "                                                                     出支融金、六十",
  "                                                                            出支等",
  "                                                                    业务服业商、五十",
  "                     额金          称名目项                 额金             称名目科能功                       额金                     称名目项",
  "                          途用出支                             类分能功                                        入收",
  "                                    出支",
].join('\n');

describe('a page pdftotext wrote backwards', () => {
  it('is left out and named, the page after it read as before', async () => {
    const doc = await read(`${upsideDown}\n\f${upright}\n\f`);
    const total = (table: string, row = 'total') => doc.figures.filter((f) => f.table === table && f.rowCode === row).map((f) => `${f.column} ${(f.amount / 1e6).toFixed(2)}`);
    expect(total('expense')).toEqual(['total 2127.61', 'basic 1457.48', 'project 648.81', 'reserve 21.32']);
    expect(total('fiscal_summary', 'income.grand_total')).toEqual(['amount 1954.85']);
    expect(total('fiscal_expense')).toEqual(['total 1954.85']);
    expect(doc.figures.filter((f) => f.source?.page === 1)).toEqual([]);
    const messages = doc.warnings.map((w) => w.message);
    expect(messages.filter((m) => m.includes('倒着排'))).toEqual(['「variant.txt」第 1 页的文字是倒着排的（原 PDF 中这些页面是倒置的，转成文字时每行的字序和行序颠倒），其中的表格和数字未能读取：请导入原 PDF']);
    expect(messages.filter((m) => /多出一列|不是已知的收支项目|没有文字/.test(m))).toEqual([]);
  });

  it('a file of such pages only is refused with that reason, not as 「not a disclosure」', async () => {
    const text = `${upsideDown}\n\f${upsideDown}\n\f`;
    const r = await importFile(new TextEncoder().encode(text), '倒置.txt');
    expect(r.ok ? null : r.error).toBe('「倒置.txt」第 1、2 页的文字是倒着排的（原 PDF 中这些页面是倒置的，转成文字时每行的字序和行序颠倒），其中的表格和数字未能读取：请导入原 PDF');
  });

  it('a page whose words run forwards, or name a few backward words among many, is no such page', () => {
    expect(reversedPages(upright)).toBeNull();
    expect(reversedPages(`${upright}\n说明：本表“出支”二字为示例，入收、算预同。`)).toBeNull();
    expect(reversedPages(`${upright}\f${upsideDown}`)).toEqual({ pages: [2], line: 25 });
  });
});
