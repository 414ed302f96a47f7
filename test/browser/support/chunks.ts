import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** How the built chunks name each other: `from"./x.js"`, `import"./x.js"` (static), `import(\`./x.js\`)` (on use). */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["`]\.\/([\w.-]+\.js)["`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["`]\.\/([\w.-]+\.js)["`]\s*\)/g;

/** A chunk with every chunk it imports statically, and theirs: what loading it fetches. */
export function staticClosure(assets: string, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const code = readFileSync(path.join(assets, queue.pop()!), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        queue.push(m[1]);
      }
    }
  }
  return seen;
}

/** The chunks a chunk loads on use (its dynamic imports). */
export function loadedOnUse(assets: string, chunk: string): string[] {
  return [...new Set([...readFileSync(path.join(assets, chunk), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]))];
}

export const gzipBytes = (file: string): number => gzipSync(readFileSync(file)).length;
