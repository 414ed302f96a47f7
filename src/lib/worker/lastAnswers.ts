/** Answers kept per kind: 简报 asks the 执行 and 变化最大 questions for its own unit and year, and must not push out those views' answers. */
const PER_KIND = 3;

interface Slot {
  lib: object;
  version: number;
  key: string;
  value: unknown;
}

/**
 * The last answers of each comparison, given again while the library is unchanged. Leaving a view
 * and coming back asks the same question: at thousands of documents a 横比 of a year or the
 * whole-library ranking costs a few hundred milliseconds of reading and building, and the answer
 * cannot have changed. A few answers per kind of question (the latest first), so memory stays a few
 * results each: with one, 简报 and 变化最大 took turns pushing out each other's ranking, and going
 * between them at 5,000 documents computed it every time (230–350 ms).
 *
 * "Unchanged" is the library object and its version (SQLite's total_changes(): every row written
 * on the connection, imports, removals, unit links, profiles and audits alike), so any write, or
 * another library (a share link's data, a library file), asks afresh.
 */
export class LastAnswers {
  private readonly slots = new Map<string, Slot[]>();

  answer<T>(kind: string, lib: object, version: number, question: unknown, compute: () => T): T {
    const key = JSON.stringify(question) ?? '';
    const current = (this.slots.get(kind) ?? []).filter((s) => s.lib === lib && s.version === version);
    const hit = current.find((s) => s.key === key);
    const slot = hit ?? { lib, version, key, value: compute() };
    this.slots.set(kind, [slot, ...current.filter((s) => s !== hit)].slice(0, PER_KIND));
    return slot.value as T;
  }
}
