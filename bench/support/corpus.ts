/** Synthetic disclosure files for the benchmarks (src/lib/synth), rendered once per process. */
import { documents, renderDocument, type Layout } from '../../src/lib/synth';

export interface BenchFile {
  name: string;
  bytes: Uint8Array;
  layout: Layout;
}

export function syntheticFiles(n: number, seed: number): BenchFile[] {
  const enc = new TextEncoder();
  return documents(n, seed).map((d) => {
    const r = renderDocument(d);
    return { name: r.fileName, bytes: enc.encode(r.text), layout: d.layout };
  });
}

export const totalBytes = (files: readonly BenchFile[]) => files.reduce((s, f) => s + f.bytes.length, 0);
