import { describe, expect, it } from 'vitest';
import { codeKind } from '../../../../src/lib/ingest/tables/kind';
import type { Row } from '../../../../src/lib/ingest/lines';

const rows = (...lines: string[][]): Row[] => lines.map((cells) => ({ cells, lines: cells.map(() => 1), line: 1 }));

describe('codeKind: the rows\' codes, a name ending the search at once', () => {
  it.each([
    { name: 'function codes, whole', body: rows(['201', '一般公共服务支出', '1.00'], ['20101', '人大事务', '1.00']), expected: 'function' },
    { name: 'economic codes after a 序号', body: rows(['1', '301', '工资福利支出', '1.00'], ['2', '30101', '基本工资', '1.00']), expected: 'economic' },
    { name: 'spaced and split codes', body: rows(['', '208 05 01', '行政单位离退休', '1.00'], ['502', '01', '办公经费', '1.00'], ['208', '05', '', '1.00']), expected: 'function' },
    { name: 'a name before any code', body: rows(['合计', '201', '1.00'], [' 一般公共服务支出', '20101', '1.00']), expected: 'none' },
    { name: 'a code and its name in one cell', body: rows(['  301 工资福利支出', '1.00'], ['302 商品和服务支出', '2.00']), expected: 'economic' },
    { name: 'no codes', body: rows(['项目', '金额'], ['合计', '1.00']), expected: 'none' },
    { name: 'an even split', body: rows(['201', 'a', '1'], ['301', 'b', '1']), expected: 'none' },
  ])('$name', ({ body, expected }) => {
    expect(codeKind(body)).toBe(expected);
  });
});
