/**
 * The last answer of each comparison, given again while the library is unchanged. Leaving a view
 * and coming back asks the same question: at thousands of documents a 横比 of a year or the
 * whole-library ranking costs a few hundred milliseconds of reading and building, and the answer
 * cannot have changed. One answer per kind of question, so memory stays one result each.
 *
 * "Unchanged" is the library object and its version (SQLite's total_changes(): every row written
 * on the connection, imports, removals, unit links, profiles and audits alike), so any write, or
 * another library (a share link's data, a library file), asks afresh.
 */
export class LastAnswers {
  private readonly slots = new Map<string, { lib: object; version: number; key: string; value: unknown }>();

  answer<T>(kind: string, lib: object, version: number, question: unknown, compute: () => T): T {
    const key = JSON.stringify(question) ?? '';
    const hit = this.slots.get(kind);
    if (hit && hit.lib === lib && hit.version === version && hit.key === key) return hit.value as T;
    const value = compute();
    this.slots.set(kind, { lib, version, key, value });
    return value;
  }
}
