import type { PdfOpenFailure, PdfPageText } from './types';

/** Messages between node.ts and its pdf.js worker_thread (nodeWorker.ts). */
export type EngineRequest =
  | { id: number; op: 'open'; bytes: Uint8Array }
  | { id: number; op: 'page'; doc: number; n: number }
  | { id: number; op: 'close'; doc: number };

export type OpenReply = { ok: true; doc: number; pageCount: number } | { ok: false; reason: PdfOpenFailure; detail?: string };

export type EngineReply =
  | { id: number; ok: true; value: OpenReply | PdfPageText | null }
  | { id: number; ok: false; error: string };
