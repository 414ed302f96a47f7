import type { ExecutionResult } from '../compare/execution';
import type { PeersResult } from '../compare/peers';
import type { YoyResult } from '../compare/yoy';
import type { StoredDocument } from '../model/document';
import type { Stage } from '../model/keys';
import type { ArchiveUnit } from './archive';
import type { ArchiveCatalog } from './format';
import type { Transfer } from './http';
import type { RankingRow } from './ranking';
import type { ArchiveDocRow } from './viewDb';

/**
 * The archive worker's protocol (archiveWorker.ts), its own and self-contained: the archive does
 * not go through the library's database worker, so a slow network read never queues behind an
 * import, and the library code can move without touching this.
 */
export type ArchiveRequest =
  | { type: 'open'; url: string; origin: string; base: string }
  /** Units whose name or code contains `text` (all when empty), in a province or city when given; at most `limit`. */
  | { type: 'search'; text: string; province: string | null; city: string | null; limit: number }
  | { type: 'yoy'; unit: ArchiveUnit; stage: Stage }
  | { type: 'peers'; province: string; city: string; year: number; stage: Stage }
  | { type: 'ranking'; province: string; year: number; metric: string; stage: Stage }
  | { type: 'execution'; unit: ArchiveUnit; year: number }
  | { type: 'executionYears'; unit: ArchiveUnit }
  | { type: 'unitDocuments'; unit: ArchiveUnit }
  | { type: 'document'; province: string; docRow: number };

export interface ArchiveResponses {
  open: ArchiveCatalog;
  search: { units: ArchiveUnit[]; total: number };
  yoy: YoyResult | null;
  peers: PeersResult;
  ranking: RankingRow[];
  execution: ExecutionResult | null;
  executionYears: number[];
  unitDocuments: ArchiveDocRow[];
  document: StoredDocument;
}

export type ArchiveReply =
  | { id: number; ok: true; value: unknown; transfer: Transfer }
  | { id: number; ok: false; error: string; transfer: Transfer }
  | { id: 0; event: 'progress'; transfer: Transfer };
