/**
 * The house plan, checked: folders of src/ sit on floors in the order the data flows, and an import
 * may only run down or sideways to a folder the plan allows, never back up, never in a loop.
 *
 *   model → ingest, share → profiles → db (the store) → compare, audit → worker → ui
 *
 * `synth` (test documents) may use anything below the worker, and nothing in the app imports it.
 * Prints the folder-level picture and every import that breaks it; exits 1 on any. Run in CI.
 *   npx tsx scripts/deps.ts [--graph]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'src');

/** What each folder may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  ingest: ['model'],
  share: ['model'],
  // Layout profiles (issue 18) read raw tables with the importer's own vocabulary and amount parser.
  profiles: ['model', 'ingest', 'share'],
  // A .sqlite file's values are checked with the share payload's limits (share/limits.ts).
  db: ['model', 'ingest', 'share', 'profiles'],
  compare: ['model'],
  // The audit re-reads the narrative's sentences and amounts with the importer's own grammar.
  audit: ['model', 'ingest'],
  archive: ['model', 'db', 'compare', 'share'],
  // The SQL console reads a copy of the store's file; its people's views read metrics where compare does.
  console: ['model', 'compare'],
  worker: ['model', 'ingest', 'share', 'profiles', 'db', 'compare', 'audit', 'archive'],
  synth: ['model', 'ingest', 'share', 'profiles', 'db', 'compare', 'audit'],
  // The source view renders stored PDF pages with the importer's pdf.js loader.
  ui: ['model', 'ingest', 'share', 'profiles', 'compare', 'audit', 'worker', 'archive', 'console'],
  main: ['ui', 'worker', 'model'],
};

/** The folder a file belongs to: src/lib/<folder>/… or src/ui/… or the entry (src/main.ts). */
function folderOf(file: string): string {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'lib') return rel[1];
  if (rel[0] === 'ui') return 'ui';
  return 'main';
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

/** Relative imports of a file, resolved to paths (type-only imports count: they are coupling too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]/g)) {
    out.push(path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]));
  }
  return out;
}

export interface Breach { from: string; to: string; file: string; target: string }

export function checkPlan(): { edges: Map<string, Set<string>>; breaches: Breach[]; cycles: string[][] } {
  const edges = new Map<string, Set<string>>();
  const breaches: Breach[] = [];
  for (const file of sources(root)) {
    const from = folderOf(file);
    for (const target of importsOf(file)) {
      if (!target.startsWith(root)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      if (!(ALLOWED[from] ?? []).includes(to)) {
        breaches.push({ from, to, file: path.relative(root, file), target: path.relative(root, target) });
      }
    }
  }
  return { edges, breaches, cycles: cyclesOf(edges) };
}

/** Folder-level loops (Tarjan's strongly connected components of more than one folder). */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) (visit(w), low.set(v, Math.min(low.get(v)!, low.get(w)!)));
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do (w = stack.pop()!, on.delete(w), comp.push(w)); while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { edges, breaches, cycles } = checkPlan();
  if (process.argv.includes('--graph')) {
    for (const [from, to] of [...edges].sort()) console.log(`${from} → ${[...to].sort().join(', ')}`);
  }
  for (const b of breaches) console.log(`${b.from} → ${b.to} is against the plan: ${b.file} imports ${b.target}`);
  for (const c of cycles) console.log(`loop between folders: ${c.join(' ⇄ ')}`);
  const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const unknown = [...folders].filter((f) => !(f in ALLOWED));
  for (const f of unknown) console.log(`folder ${f} has no floor in the plan (scripts/deps.ts ALLOWED)`);
  const bad = breaches.length + cycles.length + unknown.length;
  console.log(bad ? `house plan: ${bad} problem(s)` : `house plan: ${folders.size} folders, no import against the plan, no loop`);
  process.exit(bad ? 1 : 0);
}
