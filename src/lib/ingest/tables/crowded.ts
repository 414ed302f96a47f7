import { compact } from '../normalize';
import type { CodeResolver } from './codeResolver';
import { TOTAL_ROW, type CodeParts } from './codes';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/** The amounts at the end of a crowded name (「一般公共服务支出 485.78 485.78」 → 「485.78 485.78」). */
const TRAILING_AMOUNTS = /(?:\s+[(（]?[-－−]?\d[\d,]*\.\d+[)）]?)+$/;

/**
 * A row whose name cell also holds its first amounts (codeParts' `crowded`): reported under its code,
 * so the audit knows that row was not read and does not take its absence for the document's.
 * Its code still goes through the resolver: the rows after it are placed under it as printed.
 */
export function reportCrowded(t: MappedTable, read: CodeParts, codes: CodeResolver, line: number, sink: FigureSink): void {
  const tail = TRAILING_AMOUNTS.exec(read.name)?.[0] ?? '';
  const name = read.name.slice(0, read.name.length - tail.length).trim();
  const code = read.parts.every((p) => p === '') ? (TOTAL_ROW.test(compact(name)) ? 'total' : undefined) : codes.resolve(read.parts)?.code;
  sink.warn(
    `${t.where}「${name}」一行的金额「${tail.trim()}」与名称挤在一格，无法确定各数属于哪一列，该行未导入`,
    line,
    code ? { kind: 'unread_row', rowCode: code } : { kind: 'unread_row' },
  );
}
