/**
 * Where the time goes: a CPU profile of one benchmark stage, summarised by self time per function
 * and by total time (the function and what it calls: which step of the pipeline is slow, when self
 * time is spread thin) (node:inspector, no flags needed). Used to write the notes on missed goals.
 *
 *   npx tsx bench/profile.ts parse|import|audit [--docs 300] [--top 30] [--callers functionName]
 */
import { Session } from 'node:inspector/promises';
import initSqlJs from 'sql.js';
import { auditDocuments } from '../src/lib/audit/audit';
import { LibraryDb } from '../src/lib/db/library';
import { importFile } from '../src/lib/ingest/file';
import { readDisclosure } from '../src/lib/ingest/index';
import type { StoredDocument } from '../src/lib/model/document';
import { syntheticFiles } from './support/corpus';
import { arg } from './support/measure';
import { auditPending } from '../src/lib/worker/audits';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount: number; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[] }

const stage = process.argv[2] ?? 'parse';
const n = Number(arg('--docs', '300'));
const top = Number(arg('--top', '30'));
const files = syntheticFiles(n, 1);
const SQL = await initSqlJs();
const docs: StoredDocument[] = [];
for (const f of files) {
  const r = await importFile(f.bytes, f.name);
  if (r.ok) docs.push(...r.docs);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
if (stage === 'parse') {
  for (let i = 0; i < 3; i++) for (const f of files) readDisclosure(f.bytes, f.name);
} else if (stage === 'import') {
  const lib = LibraryDb.create(SQL);
  for (const f of files) {
    const r = await importFile(f.bytes, f.name);
    if (!r.ok) continue;
    lib.addDocuments(r.docs, r.kind, r.contentHash, r.text);
    auditPending(lib);
  }
  lib.close();
} else {
  for (let i = 0; i < 3; i++) auditDocuments(docs);
}
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();

const total = profile.samples.length;
// tsx hands V8 each module on one line: the column tells two functions of a file apart.
const fileOf = (node: Node) => node.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
const keyOf = (node: Node) => {
  const { functionName, lineNumber, columnNumber } = node.callFrame;
  const file = fileOf(node);
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
};
const self = new Map<string, number>();
// Group by file as well: which module the time is spent in.
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + node.hitCount);
  const file = fileOf(node) || keyOf(node);
  byFile.set(file, (byFile.get(file) ?? 0) + node.hitCount);
}
// Total time: each sample counts once for every function on its stack (recursion counted once).
const parent = new Map<number, Node>();
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd);
const inclusive = new Map<string, number>();
for (const id of profile.samples) {
  const seen = new Set<string>();
  for (let nd = byId.get(id); nd; nd = parent.get(nd.id)) seen.add(keyOf(nd));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
}
const pct = (h: number) => `${((h / total) * 100).toFixed(1)}%`;
console.log(`profile of '${stage}' on ${files.length} synthetic files: ${total} samples, ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
console.log('\nself time by function:');
for (const [k, h] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
console.log('\nself time by file:');
for (const [k, h] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
console.log('\ntotal time by function (itself and what it calls), src/ only:');
for (const [k, h] of [...inclusive].filter(([k]) => k.includes('src/')).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
// --callers NAME: who calls a function, by the time spent in it (and what it calls) under each caller.
// (Under tsx, esbuild's keepNames makes every const arrow created in a function call __name: a
// closure made per row shows here as __name's time.)
const callersOf = process.argv.includes('--callers') ? arg('--callers', '') : '';
if (callersOf) {
  const subtree = (nd: Node): number => nd.hitCount + (nd.children ?? []).reduce((a, c) => a + subtree(byId.get(c)!), 0);
  const callers = new Map<string, number>();
  for (const nd of profile.nodes) {
    if (nd.callFrame.functionName !== callersOf) continue;
    const p = parent.get(nd.id);
    const k = p ? keyOf(p) : '(root)';
    callers.set(k, (callers.get(k) ?? 0) + subtree(nd));
  }
  console.log(`\ncallers of ${callersOf}, by total time under each:`);
  for (const [k, h] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
}
