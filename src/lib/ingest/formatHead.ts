import { FORMAT_COLUMNS } from '../model/formatCsv';

/**
 * Whether a file's first line is the FORMAT CSV header. Its own small module: the database worker
 * tells a file's kind by it at once (worker/entry.ts) while the readers themselves (file.ts and what
 * it pulls in) are a chunk loaded on the first file, not on a first visit (issue 17).
 */
export function looksLikeFormatCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return FORMAT_COLUMNS.every((c) => cells.includes(c));
}
