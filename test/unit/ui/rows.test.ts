import { describe, expect, it } from 'vitest';
import { firstRows } from '../../../src/ui/compare/rows';

const groups = [
  { g: 'metric', rows: ['m1', 'm2', 'm3'] },
  { g: 'function', rows: ['f1', 'f2'] },
  { g: 'economic', rows: ['e1', 'e2', 'e3'] },
];

describe('firstRows: the rows a table draws in the frame that shows it', () => {
  it('takes rows across groups in order and leaves out the groups it does not reach', () => {
    expect(firstRows(groups, 4)).toEqual([{ g: 'metric', rows: ['m1', 'm2', 'm3'] }, { g: 'function', rows: ['f1'] }]);
    expect(firstRows(groups, 3)).toEqual([{ g: 'metric', rows: ['m1', 'm2', 'm3'] }]);
    expect(firstRows(groups, 6)).toEqual([...groups.slice(0, 2), { g: 'economic', rows: ['e1'] }]);
  });

  it('gives every row when there are no more than n', () => {
    expect(firstRows(groups, 8)).toEqual(groups);
    expect(firstRows(groups, 100)).toEqual(groups);
    expect(firstRows([], 5)).toEqual([]);
  });
});
