import { describe, expect, it } from 'vitest';
import { readDisclosure, type ReadResult } from '../../../src/lib/ingest';
import type { StoredDocument } from '../../../src/lib/model/document';
import { documentsToRows, parseFormatCsv, rowsToCsv } from '../../../src/lib/model/formatCsv';
import { TABLE_KEYS } from '../../../src/lib/model/keys';
import { seedBytes, seedFiles } from './seeds';
import { mulberry32 } from '../../support/mutate';

/**
 * Property test: mangled seeds and random bytes never make the importer throw, hang or return
 * malformed figures. Deterministic (mulberry32), so a failure names a case that can be replayed.
 */

// A limit for a hang, not a speed goal (speed lives in bench/): a hang or a quadratic scan of a seed
// blows far past it, while a GC pause or a neighbour's load on a busy 2-core CI machine never gets near.
const TIME_LIMIT_MS = 30_000;
const enc = new TextEncoder();
const seeds = seedFiles.map((f) => ({ file: f, text: new TextDecoder().decode(seedBytes(f)) }));
const GARBAGE = [
  '部门预算收支总表', '单位：元', '预算年度：', '栏次\t1\t2', '注：空表列示', '合计\t\t\t', '\t', '\t\t\t\t', '1、某某绩效目标表',
  '六、政府采购预算情况', '较上年增加 -- 万元', '三公经费预算为万元', '99999999999999999999.99', '-0.00', '（12.5）',
  '201 05 01\t名\t1,2,3', '\u0000\u0001', '\uFFFD\uFFFD', '𠀀𠀁', '😀', '#'.repeat(300), '\t'.repeat(500), '1'.repeat(400),
];

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** A window of a seed, at most `max` characters, cut at line starts, so most cases stay fast. */
function window(rng: Rng, text: string, max: number): string[] {
  const lines = text.split('\n');
  const start = Math.floor(rng() * lines.length);
  const out: string[] = [];
  let size = 0;
  for (let i = start; i < lines.length && size < max; i++) {
    out.push(lines[i]);
    size += lines[i].length + 1;
  }
  return out;
}

function mutate(rng: Rng, lines: string[]): string[] {
  const out = [...lines];
  const ops = 1 + Math.floor(rng() * 4);
  for (let k = 0; k < ops && out.length; k++) {
    const i = Math.floor(rng() * out.length);
    switch (Math.floor(rng() * 7)) {
      case 0: out.splice(i, 0, pick(rng, GARBAGE)); break;
      case 1: out.splice(i, 1 + Math.floor(rng() * 20)); break;
      case 2: { const j = Math.floor(rng() * out.length); [out[i], out[j]] = [out[j], out[i]]; break; }
      case 3: out[i] = out[i].slice(0, Math.floor(rng() * out[i].length)); break;
      case 4: out[i] = out[i].replace(/\t/g, '\n\t'); break;
      case 5: out.splice(i, 0, ...out.slice(i, i + 30)); break;
      default: out[i] = out[i].replace(/\d/g, () => String(Math.floor(rng() * 10))); break;
    }
  }
  return out;
}

function shuffle(rng: Rng, lines: string[]): string[] {
  const out = [...lines];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function insertBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = Array.from(bytes);
  const n = 1 + Math.floor(rng() * 8);
  for (let k = 0; k < n; k++) out.splice(Math.floor(rng() * out.length), 0, Math.floor(rng() * 256));
  return new Uint8Array(out);
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * 256);
  return out;
}

/** Runs one case and returns what is wrong with its result (empty when all is well). */
function check(name: string, bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const t0 = performance.now();
  let r: ReadResult;
  try {
    r = readDisclosure(bytes, name);
  } catch (e) {
    return [`${name}: threw ${String(e)}`];
  }
  const ms = performance.now() - t0;
  if (ms > TIME_LIMIT_MS) problems.push(`${name}: took ${ms.toFixed(0)} ms`);
  if (!r.ok) {
    if (!r.error.includes(`「${name}」`)) problems.push(`${name}: error does not name the file: ${r.error}`);
    if (r.error.includes('内部错误')) problems.push(`${name}: internal error: ${r.error}`);
    return problems;
  }
  if (!r.docs.length) problems.push(`${name}: ok without documents`);
  const lineCount = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length + 1;
  for (const doc of r.docs) {
    if (!Number.isInteger(doc.meta.year)) problems.push(`${name}: year ${doc.meta.year}`);
    for (const f of doc.figures) {
      if (!(TABLE_KEYS as readonly string[]).includes(f.table)) problems.push(`${name}: table ${f.table}`);
      if (!Number.isSafeInteger(f.amount)) problems.push(`${name}: amount ${f.amount}`);
      if (!f.rowCode || !f.column) problems.push(`${name}: empty key ${f.table}/${f.rowCode}/${f.column}`);
      if (!(f.source.line >= 1 && f.source.line <= lineCount)) problems.push(`${name}: line ${f.source.line}`);
    }
    for (const p of doc.projects) {
      for (const a of [p.amount, p.fiscalAmount, p.otherAmount]) if (a !== null && !Number.isSafeInteger(a)) problems.push(`${name}: project amount ${a}`);
    }
    for (const w of doc.warnings) if (!w.message) problems.push(`${name}: empty warning`);
  }
  // What was read must survive the FORMAT CSV unchanged in count (only documents with a real year
  // make valid CSV rows).
  const stored: StoredDocument[] = r.docs.filter((d) => d.meta.year >= 1000).map((d, i) => ({ ...d, docId: `d${i}`, fileName: name }));
  const back = parseFormatCsv(rowsToCsv(documentsToRows(stored)));
  if (back.errors.length) problems.push(`${name}: CSV errors ${JSON.stringify(back.errors.slice(0, 3))}`);
  const count = stored.reduce((n, d) => n + d.figures.length, 0);
  if (back.docs.reduce((n, d) => n + d.figures.length, 0) !== count) problems.push(`${name}: CSV round trip lost figures`);
  return problems;
}

describe('fuzz: the importer never throws, hangs or returns malformed figures', () => {
  const run = (label: string, cases: number, seed: number, make: (rng: Rng, i: number) => Uint8Array) => {
    it(`${label} (${cases} cases)`, () => {
      const rng = mulberry32(seed);
      const problems: string[] = [];
      for (let i = 0; i < cases; i++) problems.push(...check(`${label}-${i}.txt`, make(rng, i)));
      expect(problems.slice(0, 20)).toEqual([]);
    }, 120_000);
  };

  run('mutated windows', 1500, 1, (rng) => enc.encode(mutate(rng, window(rng, pick(rng, seeds).text, 12_000)).join(pick(rng, ['\n', '\r\n']))));
  run('shuffled windows', 500, 2, (rng) => enc.encode(shuffle(rng, window(rng, pick(rng, seeds).text, 8_000)).join('\n')));
  run('truncated seeds', 400, 3, (rng) => {
    const b = seedBytes(pick(rng, seedFiles));
    return b.slice(0, Math.floor(rng() * Math.min(b.length, 40_000)));
  });
  run('bytes inserted into windows', 400, 4, (rng) => insertBytes(rng, enc.encode(window(rng, pick(rng, seeds).text, 8_000).join('\n'))));
  run('random bytes', 400, 5, (rng) => randomBytes(rng, Math.floor(rng() * 3000)));
  run('whole seeds mutated', 25, 6, (rng) => enc.encode(mutate(rng, pick(rng, seeds).text.split('\n')).join('\n')));
});
