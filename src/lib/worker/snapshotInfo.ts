// What the snapshot store (snapshots.ts) tells about saves, and the errors it throws.
import type { SnapshotRecord } from './manifests';

export interface SnapshotInfo {
  id: number;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
  size: number;
}

/** What one save wrote: chunks and bytes (the manifest not counted), and source files (about their bytes in memory). */
export interface SaveStats {
  chunks: number;
  bytes: number;
  sources: number;
  sourceBytes: number;
}

export interface DamagedRecord extends SnapshotRecord {
  /** Why it could not be opened, as the user was told. */
  reason: string;
  foundAt: string;
}

export interface DamagedInfo {
  id: number;
  savedAt: string;
  foundAt: string;
  reason: string;
  size: number;
}

/** The browser refused a save for lack of space. */
export class QuotaError extends Error {}

/** A save of some chunks whose base is no longer the current snapshot: the caller saves the whole file. */
export class StaleBase extends Error {}

/** An IndexedDB error that means the disk or the origin's quota is full (Chromium's and Firefox's names). */
export function isQuota(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}
