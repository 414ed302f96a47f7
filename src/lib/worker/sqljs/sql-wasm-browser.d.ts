import type { SqlJsConfig, SqlJsStatic } from 'sql.js';

/** The database file as scripts/sqljs-file.ts exposes it: the MEMFS node SQLite writes. */
export interface LibraryFile {
  /**
   * Calls `f(position, length)` for every write to the file from now on (one watcher per file). A
   * watched file's buffer also grows in larger steps than MEMFS's (scripts/sqljs-file.ts GROW_STEP).
   */
  watch(f: (position: number, length: number) => void): void;
  unwatch(): void;
  /** The live file: a view, valid until the next write; copy what must outlast it. */
  bytes(): Uint8Array;
}

export type SqlJsWithFiles = SqlJsStatic & { libraryFile(name: string): LibraryFile };

export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsWithFiles>;
