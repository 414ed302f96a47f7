import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { Archive } from './archive';
import { ArchiveError } from './http';
import type { ArchiveReply, ArchiveRequest, ArchiveResponses } from './protocol';
import { searchUnits } from './search';

/**
 * The archive worker: reads the archive over the network (hyparquet, range requests) and runs the
 * views in throw-away sql.js databases. Loaded only when the user opens an archive; its chunk is
 * kept out of the offline precache, since the archive's views need the network anyway.
 */
let SQL: SqlJsStatic | null = null;
let archive: Archive | null = null;
const post = (m: ArchiveReply) => (self as unknown as Worker).postMessage(m);
const transfer = () => archive?.transfer ?? { bytes: 0, requests: 0 };

async function handle(req: ArchiveRequest): Promise<ArchiveResponses[ArchiveRequest['type']]> {
  if (req.type === 'open') {
    SQL ??= await initSqlJs({ locateFile: () => wasmUrl });
    archive = await Archive.open(req.url, SQL, { origin: req.origin, base: req.base, onProgress: (t) => post({ id: 0, event: 'progress', transfer: t }) });
    return archive.catalog;
  }
  const a = archive;
  if (!a) throw new ArchiveError('尚未打开数据档案');
  switch (req.type) {
    case 'search': return searchUnits(await a.units(), req);
    case 'yoy': return a.yoy(req.unit, req.stage);
    case 'peers': return a.peers(req.province, req.city, req.year, req.stage);
    case 'ranking': return a.ranking(req.province, req.year, req.metric, req.stage);
    case 'execution': return a.execution(req.unit, req.year);
    case 'executionYears': return a.executionYears(req.unit);
    case 'unitDocuments': return a.unitDocuments(req.unit);
    case 'document': return a.document(req.province, req.docRow);
  }
}

self.onmessage = async (e: MessageEvent<{ id: number; request: ArchiveRequest }>) => {
  const { id, request } = e.data;
  try {
    const value = await handle(request);
    post({ id, ok: true, value, transfer: transfer() });
  } catch (err) {
    // ArchiveError carries the user's sentence; anything else is a defect, said as such.
    const message = err instanceof ArchiveError ? err.message : `读取数据档案时出错：${(err as Error).message}`;
    post({ id, ok: false, error: message, transfer: transfer() });
  }
};
