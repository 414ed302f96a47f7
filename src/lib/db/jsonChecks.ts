/**
 * Checks for the JSON columns of a .sqlite file from outside (doc_raw_tables.tables: RawTable[],
 * doc_narrative.narrative: model/narrative.ts). The audit and the views read these objects as typed:
 * a string where a number belongs, or an amount that is not integer fen, would break them or let
 * float drift decide. So every field is checked against its type, as the share link's payload is.
 * A shape returns null when the value fits, else the path of the first field that does not.
 */
import { MONEY_UNITS } from '../model/amount';

type Shape = (v: unknown, at: string) => string | null;

const str: Shape = (v, at) => (typeof v === 'string' && v.length <= 100_000 ? null : at);
const int: Shape = (v, at) => (typeof v === 'number' && Number.isSafeInteger(v) ? null : at);
const finite: Shape = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? null : at);
const oneOf = (values: readonly string[]): Shape => (v, at) => (typeof v === 'string' && values.includes(v) ? null : at);
const nullable = (s: Shape): Shape => (v, at) => (v === null ? null : s(v, at));
const optional = (s: Shape): Shape => (v, at) => (v === undefined ? null : s(v, at));

const array = (item: Shape, max = 100_000): Shape => (v, at) => {
  if (!Array.isArray(v) || v.length > max) return at;
  for (let i = 0; i < v.length; i++) {
    const bad = item(v[i], `${at}[${i}]`);
    if (bad) return bad;
  }
  return null;
};

const tuple = (items: readonly Shape[]): Shape => (v, at) => {
  if (!Array.isArray(v) || v.length !== items.length) return at;
  for (let i = 0; i < items.length; i++) {
    const bad = items[i](v[i], `${at}[${i}]`);
    if (bad) return bad;
  }
  return null;
};

/** An object of any keys (at most `max`, each short), every value of one shape. */
const record = (value: Shape, max = 1_000): Shape => (v, at) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return at;
  const entries = Object.entries(v);
  if (entries.length > max) return at;
  for (const [k, x] of entries) {
    if (k.length > 100) return at;
    const bad = value(x, `${at}.${k}`);
    if (bad) return bad;
  }
  return null;
};

const object = (fields: Readonly<Record<string, Shape>>): Shape => (v, at) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return at;
  const o = v as Record<string, unknown>;
  // Fields we do not know are refused too: nothing of a stranger's is kept that we would not write.
  for (const k of Object.keys(o)) if (!(k in fields)) return `${at}.${k}`;
  for (const [k, s] of Object.entries(fields)) {
    const bad = s(o[k], `${at}.${k}`);
    if (bad) return bad;
  }
  return null;
};

// file: a narrative joined from another PDF names the file its lines count in (SourceRef.file, db/pairing.ts).
const source = object({ line: int, page: optional(int), box: optional(tuple([finite, finite, finite, finite])), file: optional(str) });

const rawTable = object({ title: str, header: array(array(str)), body: array(array(str)), source, unit: optional(oneOf(Object.keys(MONEY_UNITS))) });

const amount = nullable(object({ fen: int, text: str, decimals: int, unit: oneOf(Object.keys(MONEY_UNITS)) }));
const percent = object({ value: str, decimals: int });

const statement = object({
  key: str, level: oneOf(['total', 'class', 'kind', 'item']), subject: str, path: optional(tuple([str, str, str])),
  codes: optional(tuple([str, str, str])), amount, arranged: amount, base: amount, baseLabel: str, baseYear: nullable(int), change: amount, direction: str,
  percent: nullable(percent), reason: str, sentence: str, source,
});

const share = object({
  kind: oneOf(['share', 'completion']), subject: str, key: str, amount, whole: amount, wholeLabel: str, percent,
  group: int, sentence: str, source,
});

const precision = object({ decimals: int, unit: oneOf(Object.keys(MONEY_UNITS)) });
const narrative = object({ paragraphs: array(object({ text: str, source })), statements: array(statement), shares: array(share), factPrecision: optional(record(precision)) });

function jsonCheck(shape: Shape, what: string): (v: unknown) => string | null {
  return (v) => {
    if (typeof v !== 'string') return `${what}应为 JSON 文字`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      return `${what}不是有效的 JSON`;
    }
    const bad = shape(parsed, '');
    return bad === null ? null : `${what}格式不对（${bad || '整体'}）`;
  };
}

export const rawTablesJson = jsonCheck(array(rawTable), '未归类表格的内容');
export const narrativeJson = jsonCheck(narrative, '情况说明的内容');
