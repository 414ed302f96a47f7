/**
 * Where the time goes: a CPU profile of one benchmark stage, summarised by self time per function
 * and by total time (the function and what it calls: which step of the pipeline is slow, when self
 * time is spread thin) (node:inspector, no flags needed). Used to write the notes on missed goals.
 *
 *   npx tsx bench/profile.ts parse|import|audit [--docs 300]
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

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[] }

const stage = process.argv[2] ?? 'parse';
const n = Number(arg('--docs', '300'));
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
const self = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(src|node_modules)\//, '$1/');
  const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + node.hitCount);
}
// Group by file as well: which module the time is spent in.
const byFile = new Map<string, number>();
for (const [key, hits] of self) {
  const file = key.split(' ').slice(1).join(' ').replace(/:\d+$/, '') || key;
  byFile.set(file, (byFile.get(file) ?? 0) + hits);
}
// Total time: each sample counts once for every function on its stack (recursion counted once).
const keyOf = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(src|node_modules)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};
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
for (const [k, h] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
console.log('\nself time by file:');
for (const [k, h] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
console.log('\ntotal time by function (itself and what it calls), src/ only:');
for (const [k, h] of [...inclusive].filter(([k]) => k.includes('src/')).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${pct(h).padStart(6)}  ${k}`);
