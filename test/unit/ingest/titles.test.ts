import { describe, expect, it } from 'vitest';
import { readTitle } from '../../../src/lib/ingest/titles';

describe('a table title numbered as provinces print it', () => {
  it.each([
    '部门预算收支总表', '表1 部门预算收支总表', '附表1：部门预算收支总表', '1.部门预算收支总表', '公开01表 部门预算收支总表',
    '部门预算收支总表（表1）', '部门预算收支总表(表一)', '部门预算收支总表（附表1）', '2023年部门预算收支总表（公开01表）',
  ])('「%s」 is the 收支总表 of a department', (text) => {
    expect(readTitle(text)).toMatchObject({ table: 'summary', scope: 'department', stage: 'budget', core: '部门预算收支总表' });
  });

  it('a number in brackets inside a name is no table number', () => {
    expect(readTitle('部门预算收支总表（续）')).toMatchObject({ table: 'summary' });
    expect(readTitle('一般公共预算财政拨款支出表（按经济分类）')).toMatchObject({ classification: 'economic' });
  });
});
