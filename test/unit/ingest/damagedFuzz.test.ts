import { describe, expect, it } from 'vitest';
import { readDisclosure, type ReadResult } from '../../../src/lib/ingest';
import { damage, mulberry32, type Rng } from '../../support/mutate';
import { seedBytes, seedFiles } from './seeds';

/**
 * Issue 14: a seeded fuzz of damaged disclosure texts — the damage of the real world (bits flipped,
 * NULs, a file cut short, tabs turned into spaces), not arbitrary edits. Every case must end in the
 * documents or one message naming the file (never an exception or an internal error), and a case
 * that gives fewer figures than the whole file must say so with a warning the whole file does not
 * have: no silent loss. Deterministic (mulberry32): a failure names a case that can be replayed.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();
type Outcome = 'same' | 'fewer, warned' | 'refused' | 'more or changed';

interface Case { name: string; bytes: Uint8Array; file: string }

function figureCount(r: ReadResult): number {
  return r.ok ? r.docs.reduce((n, d) => n + d.figures.length, 0) : 0;
}

function makeCases(seed: number, perSeed: number): Case[] {
  const rng: Rng = mulberry32(seed);
  const cases: Case[] = [];
  for (const file of seedFiles) {
    const bytes = seedBytes(file);
    for (let i = 0; i < perSeed; i++) {
      const kind = i % 4;
      let out: Uint8Array;
      if (kind === 0) out = damage(bytes, seed, i, 4); // bits flipped
      else if (kind === 1) out = damage(bytes, seed, i, 4); // NULs (odd index)
      else if (kind === 2) out = bytes.slice(0, Math.floor(bytes.length * (0.2 + rng() * 0.8))); // cut short
      else {
        // Tabs turned into two spaces, in the whole file or from a point on.
        const text = dec.decode(bytes);
        const from = rng() < 0.5 ? 0 : Math.floor(rng() * text.length);
        out = enc.encode(text.slice(0, from) + text.slice(from).replace(/\t/g, '  '));
      }
      cases.push({ name: `${file}#${seed}.${i}`, bytes: out, file });
    }
  }
  return cases;
}

describe('fuzz: damaged disclosure texts are read or refused, never lost silently', () => {
  it('300 seeded cases', () => {
    const whole = new Map(seedFiles.map((f) => {
      const r = readDisclosure(seedBytes(f), f);
      return [f, { figures: figureCount(r), warnings: new Set(r.ok ? r.docs.flatMap((d) => d.warnings.map((w) => w.message)) : []) }];
    }));
    const counts: Record<Outcome, number> = { same: 0, 'fewer, warned': 0, refused: 0, 'more or changed': 0 };
    const problems: string[] = [];
    for (const c of makeCases(14, 60)) {
      let r: ReadResult;
      try {
        r = readDisclosure(c.bytes, c.name);
      } catch (e) {
        problems.push(`${c.name}: threw ${String(e)}`);
        continue;
      }
      if (!r.ok) {
        if (!r.error.includes(`「${c.name}」`) || r.error.includes('内部错误')) problems.push(`${c.name}: ${r.error}`);
        counts.refused++;
        continue;
      }
      const base = whole.get(c.file)!;
      const n = figureCount(r);
      const fresh = r.docs.flatMap((d) => d.warnings.map((w) => w.message)).filter((w) => !base.warnings.has(w));
      if (n < base.figures) {
        if (!fresh.length) problems.push(`${c.name}: ${base.figures} → ${n} figures with no warning`);
        else counts['fewer, warned']++;
      } else counts[n === base.figures ? 'same' : 'more or changed']++;
    }
    console.log('damaged texts:', JSON.stringify(counts), 'problems:', problems.length);
    expect(problems).toEqual([]);
  }, 180_000);
});
