import type { RunOutcome } from './run';

/** Between the page and the console worker: a copy of the library in, queries over it. */
export type ConsoleRequest =
  /** A copy of the library (the bytes of an export): replaces the one the console held. */
  | { type: 'open'; bytes: Uint8Array }
  | { type: 'run'; sql: string; maxRows: number };

export interface ConsoleResponses {
  open: { documents: number };
  run: RunOutcome;
}

export type ConsoleReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
