import type { DataRow } from './rowCodes';
import { firstAmount } from './rowCodes';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * A 款 whose two digits OCR read as a word (「201 | 到 | | 商贸事务」: 13 read 「到」). Its 项 follow it
 * (「201 | 13 | 01 | 行政运行」), and their code holds the 款's: the row is read as that 款 where the next
 * row is a 项 of its 类, no row of the table has that 款 already, and the 项 under it add up to its
 * amount (the sums bear the reading out). Else the row is reported, as it was before (codes.ts
 * misreadCodePart): its code is not guessed.
 */
export function repairMisreadParts(t: MappedTable, data: DataRow[], sink: FigureSink): void {
  for (let i = data.length - 1; i >= 0; i--) {
    const r = data[i];
    if (r.misread === undefined) continue;
    const cls = r.misread.class;
    const next = data[i + 1];
    const code = next && next.code.length === 7 && next.code.startsWith(cls) ? next.code.slice(0, 5) : null;
    const children = code ? data.filter((d) => d.code.length === 7 && d.code.startsWith(code)) : [];
    const closes = code !== null && !data.some((d) => d.code === code)
      && children.reduce((s, d) => s + firstAmount(t, d), 0) === firstAmount(t, r);
    if (code && closes) {
      r.code = code;
      sink.warn(`${t.where}「${r.name}」：科目编码「${r.misread.printed}」有读不清的部分，按其下各项的编码读作 ${code}（其下各项合计与此相符），请与原件核对`, r.row.line, { kind: 'repaired', rowCode: code });
    } else {
      sink.warn(`${t.where}有一行无法识别科目编码：「${r.row.cells.filter(Boolean).join(' ')}」`, r.row.line, { kind: 'unread_row' });
      data.splice(i, 1);
    }
    delete r.misread;
  }
}
