import type { Row } from '../lines';
import { isEconomicTable } from '../../model/economicTables';
import { cellFen, printFen } from '../amounts';
import { joinedCode } from './codes';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * Rows that print a classification beside another, each a code and its name: Beijing's 支出总表 lists
 * 「2010501-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资 | 3,702.21 …」, a row for each 功能分类 项 by
 * 政府经济分类 by 部门经济分类, and no 类 or 款 row; its 基本支出表, 「50101-工资奖金津补贴 | 30101-基本工资 |
 * …」. Read as they stood, the second code was an amount (「无法读取」) and each 项 printed again with
 * other amounts (「重复出现且金额不同」, hundreds of times), the first row's amounts kept.
 *
 * The table's own classification is the one its rows are read by (功能分类 for the expense tables, the
 * 部门 经济分类 for the 基本支出表, else the 政府 one); rows of one code are added up, exactly in 分, into
 * one row standing where the code first came; the other code cells are left blank in place, so the
 * amounts stay under their heads. Said once for the table. Null where no row prints two codes.
 */
export function foldCrossCodes(t: MappedTable, sink: FigureSink): MappedTable | null {
  const economic = isEconomicTable(t.table);
  let crossed = 0;
  const read: { row: Row; code: string | null; name: string; codeAt: number; amountsFrom: number }[] = [];
  for (const row of t.body) {
    const codes: { at: number; code: string; name: string }[] = [];
    // A 序号 column's number is no code (西安 气象 2022).
    let at = row.cells.findIndex((c, i) => c !== '' && !(t.hasSeq && i === 0));
    for (; at >= 0 && at < row.cells.length; at++) {
      const c = row.cells[at].trim();
      if (c === '') continue;
      const joined = joinedCode(c);
      if (joined) {
        codes.push({ at, code: joined[0], name: joined[1] });
        continue;
      }
      // A code and its name in cells of their own (西安: 「30101 | 基本工资 | 50101 | 工资奖金津补贴」).
      const nameAt = CODE_ALONE.test(c) ? nextFilled(row.cells, at + 1) : -1;
      // The other code run into this name's cell (西安 气象 2022: 「30101 | 基本工资 50501 | 工资福利支出」).
      const run = nameAt < 0 ? null : NAME_THEN_CODE.exec(row.cells[nameAt].trim());
      const otherAt = run ? nextFilled(row.cells, nameAt + 1) : -1;
      if (run && otherAt >= 0 && NAME.test(row.cells[otherAt].trim())) {
        codes.push({ at, code: c, name: run[1] }, { at: nameAt, code: run[2], name: row.cells[otherAt].trim() });
        at = otherAt;
        continue;
      }
      if (nameAt < 0 || !NAME.test(row.cells[nameAt].trim())) break;
      codes.push({ at, code: c, name: row.cells[nameAt].trim() });
      at = nameAt;
    }
    if (codes.length >= 2) crossed++;
    const own = codes.length >= 2 ? pick(codes, economic) : null;
    read.push({ row, code: own ? nationalItem(own.code, economic) : null, name: own?.name ?? '', codeAt: own?.at ?? -1, amountsFrom: at });
  }
  // A row or two that print a code in a name's cell (「2080505-机关事业单位基本养老」 over 「保险缴费支出」)
  // are no such table: it takes several rows printing two codes.
  if (crossed < 3) return null;
  const body: Row[] = [];
  const folded = new Map<string, { row: Row; fen: (number | 'bad' | 'blank')[]; raw: string[] }>();
  let added = 0;
  for (const { row, code, name, codeAt, amountsFrom } of read) {
    if (code === null) {
      body.push(row);
      continue;
    }
    // The row's own code first, where the reader looks for it; the other code and name cells blank.
    const cells = row.cells.map((c, i) => (i < amountsFrom ? '' : c));
    cells[0] = `${code}-${name}`;
    const fen = cells.map((c, i) => (i < amountsFrom || c === '' ? 'blank' as const : cellFen(c, t.fenPerUnit)));
    const prior = folded.get(code);
    if (!prior) {
      const entry = { row: { ...row, cells, lines: [...row.lines] }, fen, raw: cells };
      folded.set(code, entry);
      body.push(entry.row);
      continue;
    }
    added++;
    for (let i = amountsFrom; i < cells.length; i++) {
      const a = prior.fen[i];
      const b = fen[i];
      if (b === 'blank') continue;
      prior.fen[i] = a === 'blank' ? b : a === 'bad' || b === 'bad' ? 'bad' : a + b;
      prior.raw[i] = prior.fen[i] === 'bad' ? (a === 'bad' ? prior.raw[i] : cells[i]) : printFen(prior.fen[i] as number, t.fenPerUnit);
      if (prior.row.lines[i] === undefined) prior.row.lines[i] = row.lines[i];
    }
  }
  if (added) sink.warn(`${t.where}按${economic ? '经济分类' : '功能分类'}和其他分类逐行列示，同一科目的 ${added + folded.size} 行已相加为 ${folded.size} 个科目的数`, t.line, { table: undefined });
  return { ...t, body };
}

const CODE_ALONE = /^[1-9]\d{2}(?:\d{2}){0,2}$/;
const NAME_THEN_CODE = /^([^\d\s.,-].*[\u4e00-\u9fff）)])\s+([1-9]\d{2}(?:\d{2}){1,2})$/;
/** A name: words, not an amount nor a code. */
const NAME = /^[^\d\s.,-][^]*[\u4e00-\u9fff]/;

function nextFilled(cells: readonly string[], from: number): number {
  for (let i = from; i < cells.length; i++) if (cells[i].trim() !== '') return i;
  return -1;
}


/**
 * The code a row is read by: in an expense table by 功能分类 the one of a 功能分类 类 (2xx); in a table by
 * 经济分类 the 部门 one (3xx) the national 基本支出表 prints, else the 政府 one (5xx).
 */
function pick<C extends { code: string }>(codes: readonly C[], economic: boolean): C | null {
  const starting = (d: string) => codes.find((c) => c.code.startsWith(d));
  return economic ? (starting('3') ?? starting('5') ?? null) : (starting('2') ?? null);
}

/**
 * Beijing prints some 经济分类 款 by its own 目 (「3021101-差旅费」 under 30211 差旅费, 「3021503-三类会议费」
 * under 30215 会议费): no national code has seven digits there, and read as a 项 it stood under the 款
 * printed before it. Its 款 is the row, the 目 of one 款 added up. A 功能分类 项 has seven digits anyway.
 */
function nationalItem(code: string, economic: boolean): string {
  return economic && code.length === 7 ? code.slice(0, 5) : code;
}
