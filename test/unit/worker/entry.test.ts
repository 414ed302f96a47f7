import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf, kindOfHead } from '../../../src/lib/worker/entry';
import { corpusDir, seedsDir } from '../../support/shared';

const bytes = (p: string) => new Uint8Array(readFileSync(p));

describe('the one way in: a file goes where its first bytes say, whatever its name', () => {
  it('tells a PDF, a disclosure text, a FORMAT CSV (with or without BOM) and a SQLite library apart', async () => {
    expect(kindOfHead(bytes(path.join(corpusDir, 'shanghai/putuo-czj-2025-department.pdf')))).toBe('pdf');
    expect(kindOfHead(bytes(path.join(seedsDir, '003_3753cf426c7ec0a0.txt')))).toBe('text');
    const csv = 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n';
    expect(kindOfHead(new TextEncoder().encode(csv))).toBe('csv');
    expect(kindOfHead(new TextEncoder().encode(`\uFEFF${csv}`))).toBe('csv');
    expect(kindOfHead(new TextEncoder().encode('SQLite format 3\0rest of the header'))).toBe('sqlite');
    // Named .csv but a disclosure inside: the content decides.
    expect(await kindOf(new Blob([bytes(path.join(seedsDir, '000_90f61d72552513ea.txt'))]))).toBe('text');
  });
});
