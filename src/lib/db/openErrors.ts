import { SCHEMA_VERSION } from './schema';

/** A library file that cannot be opened (damaged, not ours, incomplete): the message says why, in Chinese. */
export class SnapshotError extends Error {}

/**
 * A library saved by a newer build than this one (its schema is ahead of ours): not damaged, only
 * not ours to open. Nothing may be written over it (worker/startup.ts).
 */
export class NewerSchemaError extends SnapshotError {
  constructor(readonly version: number) {
    super(`数据库版本 ${version} 比本程序支持的版本 ${SCHEMA_VERSION} 新`);
  }
}
