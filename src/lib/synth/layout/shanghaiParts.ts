import { CHINESE_ORDINALS } from '../catalog';
import type { Fen } from '../../model/amount';
import type { SynthDocument } from '../model';
import { functionRows } from '../totals';
import type { Cell } from './sheet';

/** A code printed in split columns, Shanghai's way: 「201 | 03 | 01」 for 2010301, 「201 | |」 for a 类. */
export function splitCode(code: string, widths: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const w of widths) {
    out.push(code.slice(at, at + w));
    at += w;
  }
  return out;
}

/** The 类 a document spends on, numbered as a 收支总表 lists them (「一、一般公共服务支出」). */
export function classLines(doc: SynthDocument): { label: string; key: string; amount: Fen }[] {
  return functionRows(doc)
    .filter((r) => r.code.length === 3)
    .map((r, i) => ({ label: `${CHINESE_ORDINALS[i]}、${r.name}`, key: `expense.${r.code}`, amount: r.basic + r.project }));
}

/**
 * The three header rows of a coded table: 项目 over the code columns and the name, a group word over
 * the amount columns, the code's levels (类 | 款 | 项) on the last row.
 */
export function codedHeader(codeGroup: string, nameLabel: string, levels: readonly string[], amountGroup: string, cols: readonly string[]): Cell[][] {
  return [
    [{ text: '项目', colspan: levels.length + 1 }, { text: amountGroup, colspan: cols.length }],
    [{ text: codeGroup, colspan: levels.length }, { text: nameLabel, rowspan: 2 }, ...cols.map((text) => ({ text, rowspan: 2 }))],
    levels.map((text) => ({ text })),
  ];
}
