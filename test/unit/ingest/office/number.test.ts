import { describe, expect, it } from 'vitest';
import { displayNumber, numberFormat } from '../../../../src/lib/ingest/office/number';
import { readXml } from '../../../../src/lib/ingest/office/xml';

describe('displayNumber: a stored double as the cell shows it, by string arithmetic', () => {
  const general = numberFormat(0);
  const twoDecimals = numberFormat(4);
  it.each([
    ['1234.5600000000001', general, '1234.56'],
    ['0.30000000000000004', general, '0.3'],
    ['1234.56', twoDecimals, '1234.56'],
    ['1234.5', twoDecimals, '1234.50'],
    ['1234.565', twoDecimals, '1234.57'],
    ['-1234.565', twoDecimals, '-1234.57'],
    ['9999.995', twoDecimals, '10000.00'],
    ['12.3456789', general, '12.345679'],
    ['1.2345E-3', general, '0.001235'],
    ['1.5E3', general, '1500'],
    ['91016775.35', general, '91016775.35'],
    ['0', twoDecimals, '0.00'],
    ['-0.000000001', general, '0'],
    ['0.125', numberFormat(10), '12.50%'],
    ['7', numberFormat(164, '#,##0.00_ ;[Red]\\-#,##0.00\\ '), '7.00'],
    ['7.5', numberFormat(165, '0"万元"'), '8'],
    ['1234.5', numberFormat(164, '#,##0.00####'), '1234.50'],
    ['1234.567891', numberFormat(164, '#,##0.00####'), '1234.567891'],
  ])('%s → %s', (v, fmt, want) => {
    expect(displayNumber(v, fmt)).toBe(want);
  });

  it('is null for what is not a number', () => {
    expect(displayNumber('abc')).toBeNull();
    expect(displayNumber('')).toBeNull();
  });
});

describe('readXml: the OOXML subset, safely', () => {
  function texts(xml: string): string[] {
    const out: string[] = [];
    readXml(xml, { text: (t) => out.push(t) });
    return out;
  }

  it('decodes the predefined and numeric entities, CDATA, and leaves unknown ones as text', () => {
    expect(texts('<a>&lt;&amp;&#x4E2D;&#25991;&bogus;</a>')).toEqual(['<&中文&bogus;']);
    expect(texts('<a><![CDATA[<b>&amp;</b>]]></a>')).toEqual(['<b>&amp;</b>']);
  });

  it('never expands entities a DTD defines (no entity bomb)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>';
    expect(texts(bomb)).toEqual(['&b;']);
  });

  it('gives attributes as an object without a prototype (no prototype pollution)', () => {
    let attrs: Record<string, string> = {};
    readXml('<c __proto__="x" constructor="y" r="A1"/>', { open: (_n, a) => (attrs = a) });
    expect(Object.getPrototypeOf(attrs)).toBeNull();
    expect(attrs.r).toBe('A1');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads a long run of unclosed quotes in linear time, then reports the damage', () => {
    const xml = `<a b="${'x'.repeat(2_000_000)}`;
    expect(() => readXml(xml, {})).toThrow(/没有结束/);
  });
});
