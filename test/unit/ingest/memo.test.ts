import { describe, expect, it } from 'vitest';
import { rememberingReader } from '../../../src/lib/ingest/memo';

describe('rememberingReader', () => {
  it('reads each text once (a text read as null too), hands out copies, and starts over past its bound', () => {
    const calls: string[] = [];
    const read = rememberingReader((t: string) => (calls.push(t), t.startsWith('x') ? null : { t }), 3);
    const a = read('a')!;
    const b = read('a')!;
    expect(a).toEqual({ t: 'a' });
    expect(b).toEqual(a);
    expect(b).not.toBe(a); // a caller may change its copy
    a.t = 'changed';
    expect(read('a')).toEqual({ t: 'a' });
    expect(read('x1')).toBeNull();
    expect(read('x1')).toBeNull();
    expect(calls).toEqual(['a', 'x1']);
    read('c');
    read('d'); // a fourth text: the three kept are dropped first
    read('a');
    expect(calls).toEqual(['a', 'x1', 'c', 'd', 'a']);
  });
});
