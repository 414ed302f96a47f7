import { rebase } from '../db/merge';
import { parseSample } from '../model/sample';
import type { FileImport } from '../ingest/file';
import { removeDocument } from './audits';
import { importFile } from './reader';
import { ParsePool } from './parsePool';
import type { HandlersFor, WorkerState } from './state';

/**
 * The second half of a first visit (issue 17: ≤ 500 KB before data is on screen). The sample's
 * documents come first from their FORMAT CSV (worker/startup.ts, 13 KB gzip), which carries every
 * figure but no source text, tables, projects or narrative; once they are on screen the page asks
 * for the texts (public/data/sample.json, 80 KB gzip) and each document still in the library as
 * sample is replaced by what today's importer reads from its text: the same document id, now with
 * its source lines, tables, projects and warnings, exactly as if the sample had been read whole.
 * Documents the user removed meanwhile (清空示例) stay removed; one imported by hand is not touched.
 */
export function sampleTextHandlers(w: WorkerState, pool: ParsePool = new ParsePool(null, 1)): HandlersFor<'sampleTexts'> {
  return {
    async sampleTexts(req) {
      const res = await fetch(req.url);
      if (!res.ok) throw new Error(`示例原文加载失败：HTTP ${res.status}`);
      const sample = parseSample(await res.json());
      const reads: Extract<FileImport, { ok: true }>[] = [];
      // Read in the pool, as any file is: this thread stays free for the page's first requests, and
      // the pool's workers are up and their parser warm when the user's first files come.
      const outcomes = await Promise.all(sample.files.map((file) => pool.parse(new Blob([file.text]), file.fileName)));
      for (const [i, file] of sample.files.entries()) {
        const outcome = outcomes[i];
        const read = outcome.pass ? await importFile(new TextEncoder().encode(file.text), file.fileName) : outcome.read;
        if (!read.ok) throw new Error(`示例原文无法读取：${read.error}`);
        reads.push(read);
      }
      // Read after the texts: a removal that ran while they were fetched is seen here.
      const asSample = new Set(w.lib.listDocuments().filter((d) => d.sourceKind === 'sample').map((d) => d.docId));
      const touched: string[] = [];
      const replaced: string[] = [];
      w.lib.transaction(() => {
        for (const read of reads) {
          const docs = read.docs.filter((d) => asSample.has(d.docId));
          if (!docs.length) continue;
          for (const d of docs) {
            replaced.push(d.docId);
            touched.push(d.docId, ...removeDocument(w.lib, d.docId));
          }
          w.lib.addDocuments(docs, 'sample', read.contentHash, read.text);
        }
      });
      // A tab that is not the writer merges its own changes later (db/merge.ts): this is not one.
      if (w.base) rebase(w.base, w.lib, replaced);
      if (touched.length) w.changed([...new Set(touched)]);
      return { replaced: replaced.length };
    },
  };
}
