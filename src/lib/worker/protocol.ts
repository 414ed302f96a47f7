import type { RawTable, StoredDocument } from '../model/document';
import type { LayoutProfile } from '../profiles/types';
import type { DocumentListAnswer, DocumentSummary, FigureRow, ListCursor, SourceKind } from '../db/library';
/** The store's rows the page reads: it imports them from here, never from the store itself. */
export type { DocumentListAnswer, DocumentSummary, FigureRow, ListCursor, SourceKind };
import type { DocumentAudit, Severity } from '../audit/types';
import type { AuditPage } from './audits';
import type { Stage } from '../model/keys';
import type { Department } from '../compare/departments';
import type { PeersRequest, PeersResult } from '../compare/peers';
import type { PeerPage } from '../compare/peersPage';
import type { UnitGroup } from '../compare/types';
import type { YoyResult } from '../compare/yoy';
import type { ExecutionResult } from '../compare/execution';
import type { ExecutionPeer } from '../compare/executionPeers';
import type { RankingOptions, RankingResult } from '../compare/ranking';
import type { TrendResult } from '../compare/trend';
import type { DamagedInfo } from './snapshotInfo';

/**
 * The one protocol between the page and the database worker. Each request names its type; the
 * worker answers with the same id and either a value or an error message (errors are values, never
 * exceptions crossing the boundary). Add a request here, in Responses, and in the worker's handler
 * table; the compiler then checks both ends.
 */
export type Request =
  /** sampleUrl: the bundled sample's documents as a FORMAT CSV, read on a first visit only. */
  | { type: 'init'; sampleUrl: string | null; buildId: string }
  /**
   * The bundled sample's source texts (model/sample.ts), asked for once its documents are on screen:
   * each still-present sample document is read again from its text, as today's importer reads it.
   */
  | { type: 'sampleTexts'; url: string }
  | { type: 'addDocuments'; docs: StoredDocument[]; sourceKind: SourceKind; contentHash: string }
  /**
   * The one way in for a file: the worker tells its kind by content (worker/entry.ts). Disclosure
   * text and PDF are read whole (a PDF reports page progress); a FORMAT CSV is streamed in chunks
   * (byte progress), and when some rows are bad the result asks for the user's decision (settleCsv).
   * A ZIP of files (ingest/bundle.ts) comes back as its files, for the page to send one by one;
   * `depth`: how many bundles this file was taken out of (a bundle that deep is not opened).
   */
  | { type: 'importFile'; fileName: string; file: Blob; depth?: number }
  /** The PDF a document was read from (kept for the page view of its figures), or null; `file`: a row's other file (FigureRow.file). */
  | { type: 'sourcePdf'; docId: string; file?: string | null }
  | { type: 'removeDocument'; docId: string }
  /** The document list: whole, or what changed since the page's `since` (db/listChanges.ts). */
  | { type: 'listDocuments'; since?: ListCursor | null }
  | { type: 'figures'; docId: string }
  | { type: 'warnings'; docId: string }
  /** The lines around `line` of the text a document (or a row's other `file`) was read from (its source, for citing a figure). */
  | { type: 'sourceLines'; docId: string; line: number; context: number; file?: string | null }
  /** Audit (勾稽) results, after auditing whatever is pending: checks per document, findings when asked. */
  | { type: 'audits'; docIds: string[] | null; withFindings: boolean }
  /** A page of the library's audit summary (no findings): `size` documents from `from`, or the page holding `docId`. */
  | { type: 'auditPage'; from: number; size: number; docId: string | null }
  /** The audit findings of the given documents (or all) and severities as CSV, cells protected from formula injection. */
  | { type: 'auditCsv'; docIds: string[] | null; severities: Severity[] }
  /** The user's decision on a CSV whose bad rows were listed: import the good rows, or nothing. */
  | { type: 'settleCsv'; token: number; accept: boolean }
  /** Stops a running CSV import between chunks, or a PDF import between pages. Handled at once, not queued behind the import. */
  | { type: 'cancelImport' }
  /** Documents (figures and meta) for a share link. */
  | { type: 'shareDocs'; docIds: string[] }
  /** Shows shared documents as a temporary library; the user's own stays saved and untouched. */
  | { type: 'openShared'; docs: StoredDocument[] }
  /** A share link's `data`, decoded and checked here, like every file (inline figures are shown at once). */
  | { type: 'openSharedLink'; data: string }
  /** A link's dataset from the site's catalog, read the one way in and shown as a temporary library. */
  | { type: 'openSharedFile'; fileName: string; file: Blob }
  /** Adds the shared documents to the user's own library and returns to it. */
  | { type: 'keepShared' }
  /** Returns to the user's own library, dropping the shared documents. */
  | { type: 'leaveShared' }
  /** The library file; `withSources`: with the files its documents were read from inside (a download), else without (the SQL console). */
  | { type: 'exportSqlite'; withSources?: boolean }
  /** Replaces the library with a .sqlite file of ours (migrated forward); the current one stays if it is refused. */
  | { type: 'openSqlite'; fileName: string; bytes: Uint8Array }
  /**
   * The figures of the given documents (null: the whole library) as CSV: `format` the FORMAT CSV for
   * programs and re-import (no BOM), `excel` a table for people (Chinese headers and names, BOM).
   */
  | { type: 'exportCsv'; docIds: string[] | null; kind: 'format' | 'excel' }
  /** 同比 / 横比 (src/lib/compare): the units, one unit across years, units side by side; hand-made unit links. */
  | { type: 'compareUnits' }
  | { type: 'yoy'; unitKey: string; stage: Stage }
  | { type: 'peers'; query: PeersRequest; page?: PeerPage }
  | { type: 'linkUnits'; fromKey: string; toKey: string }
  | { type: 'unlinkUnit'; unitKey: string }
  | { type: 'flush' }
  /** Saved snapshots that could not be opened, kept aside until the user downloads or discards them. */
  | { type: 'damagedSnapshots' }
  | { type: 'damagedSnapshot'; id: number }
  | { type: 'discardDamaged'; id: number }
  /** Issue 19 (execution and ranking, src/lib/compare/execution.ts, ranking.ts): 预算 vs 决算 of a unit-year, its 横比, the largest changes. */
  | { type: 'execution'; unitKey: string; year: number }
  | { type: 'executionPeers'; year: number }
  | { type: 'ranking'; options: RankingOptions }
  | { type: 'trend'; unitKey: string; item: string }
  // Layout profiles (issue 18, src/lib/profiles): a document's unmapped tables, the library's
  // profiles, and changes to them; every change re-reads the library's raw tables and audits what changed.
  | { type: 'rawTables'; docId: string }
  | { type: 'profiles' }
  | { type: 'saveProfile'; profile: LayoutProfile }
  | { type: 'renameProfile'; from: string; to: string }
  | { type: 'deleteProfile'; name: string }
  | { type: 'importProfiles'; fileName: string; text: string }
  | { type: 'exportProfiles'; names: string[] | null };

export interface InitResult {
  /** Where the library came from on start. */
  restoredFrom: 'current' | 'previous' | 'sample' | 'empty';
  /** Plain-language notices for the user (a snapshot was damaged, storage is read-only, …). */
  notices: string[];
  /** False while another tab holds the writer lock: this tab's changes are not saved. */
  writer: boolean;
}

export interface AddResult {
  added: string[];
  skipped: string[];
}

export interface ImportedDoc {
  docId: string;
  unitName: string;
  year: number;
  figureCount: number;
  warningCount: number;
  /** Set when the file's narrative and another file's tables became one document (db/pairing.ts). */
  merged?: string;
}

export type ImportFileResult =
  /**
   * `replaced`: documents a CSV, share link or .sqlite file had put under this file's ids, now
   * replaced by what the file says (worker/imports.ts).
   * `sameAs`: documents of the file left out because the library has them from another file;
   * `differs`: documents added although the library has the same unit's from another file, whose
   * figures differ in `cells` cells (db/sameDisclosure.ts).
   */
  | { status: 'added'; docs: ImportedDoc[]; skipped: number; replaced?: number; rowErrors: { line: number; message: string }[]; sameAs?: SameAs[]; differs?: SameAs[] }
  | { status: 'duplicate'; message: string }
  | { status: 'error'; message: string };

/** A document of an imported file and the library's of the same unit and year, read from `fileName`: `cells` of their figures differ. */
export interface SameAs {
  unitName: string;
  year: number;
  fileName: string;
  cells: number;
}

/** A bundle's file, named by the bundle and its path inside (「预算.zip/市直部门/财政局.pdf」). */
export interface BundleFile {
  name: string;
  file: Blob;
}

export type CsvImportResult =
  | ImportFileResult
  /** A ZIP of files: what it held, and its files for the page to send one by one. */
  | { status: 'bundle'; message: string; files: BundleFile[] }
  | { status: 'confirm'; token: number; documents: number; goodRows: number; errorCount: number; errors: { line: number; message: string }[] };

export interface Responses {
  init: InitResult;
  sampleTexts: { replaced: number };
  addDocuments: AddResult;
  importFile: CsvImportResult;
  sourcePdf: Uint8Array | null;
  removeDocument: null;
  listDocuments: DocumentListAnswer;
  figures: FigureRow[];
  warnings: { message: string; line: number | null; page: number | null; kind?: string | null; title?: string | null }[];
  sourceLines: { line: number; text: string }[];
  audits: DocumentAudit[];
  auditPage: AuditPage;
  auditCsv: string;
  settleCsv: ImportFileResult;
  cancelImport: null;
  shareDocs: StoredDocument[];
  openShared: { documents: number };
  openSharedLink: { documents: number } | { catalog: string } | { error: string };
  openSharedFile: { documents: number } | { error: string };
  keepShared: AddResult;
  leaveShared: null;
  exportSqlite: Uint8Array;
  openSqlite: { ok: true; documents: number } | { ok: false; error: string };
  exportCsv: string;
  compareUnits: { units: UnitGroup[]; departments: Department[] };
  yoy: YoyResult | null;
  peers: PeersResult;
  linkUnits: null;
  unlinkUnit: null;
  flush: SaveState;
  damagedSnapshots: DamagedInfo[];
  damagedSnapshot: Uint8Array | null;
  discardDamaged: null;
  execution: ExecutionResult | null;
  executionPeers: ExecutionPeer[];
  ranking: RankingResult;
  trend: TrendResult | null;
  rawTables: { tables: RawTableInfo[]; kinds: string[] };
  profiles: ProfileInfo[];
  saveProfile: ProfileChange;
  renameProfile: ProfileChange;
  deleteProfile: ProfileChange;
  importProfiles: ProfileChange & { imported?: number };
  exportProfiles: string;
}

/** An unmapped table of a document, and the profile that reads it now (null: none matches). */
export interface RawTableInfo {
  table: RawTable;
  profile: string | null;
}

export interface ProfileInfo {
  profile: LayoutProfile;
  /** Documents of the library that have a table read through it. */
  documents: number;
}

/** `changed`: documents whose figures the change added, altered or took back (they are audited again). */
export type ProfileChange = { ok: true; changed: number } | { ok: false; error: string };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type SaveState =
  | { status: 'saved'; savedAt: string }
  | { status: 'pending' }
  /** Another tab writes; `unsaved`: this tab has changes, merged and saved when it takes over (merge.ts). */
  | { status: 'readonly'; unsaved?: boolean }
  /** A shared link's data is on screen: nothing is saved until the user keeps it. */
  | { status: 'temporary' }
  | { status: 'error'; message: string }
  /** This page saves nothing (the browser refuses storage, or the stored library is a newer build's): `message` says why. */
  | { status: 'off'; message: string; unsaved?: boolean };

export type Envelope = { id: number; request: Request };

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  /** Unsolicited: the save state changed (shown in the status bar). */
  | { id: 0; event: 'save'; state: SaveState }
  /** Unsolicited: this tab became the writer after another tab closed. */
  | { id: 0; event: 'writer'; notice: string }
  /** Unsolicited: bytes read so far of a streamed CSV, or pages read so far of a PDF, of request `requestId`. */
  | { id: 0; event: 'progress'; requestId: number; unit: ProgressUnit; loaded: number; total: number };

export type ProgressUnit = 'bytes' | 'pages';
