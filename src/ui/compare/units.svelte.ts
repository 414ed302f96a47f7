import type { Department } from '../../lib/compare/departments';
import type { UnitGroup } from '../../lib/compare/types';
import type { LibraryState } from '../state/library.svelte';

/**
 * The library's units as the comparisons group them (codes, names, hand-made links): one for the
 * app, shared by 同比 and 横比, read again only when the library's document list changes.
 */
export class UnitsState {
  units = $state.raw<UnitGroup[]>([]);
  departments = $state.raw<Department[]>([]);
  error = $state<string | null>(null);
  private readFor: unknown = null;
  /** The read under way for `readFor`, so that a second caller waits for it too. */
  private reading: Promise<void> | null = null;
  /** The document list `units` were read for: read ahead in idle time, they may be an older list's a moment. */
  private loadedFor = $state.raw<unknown>(null);

  constructor(private readonly library: LibraryState) {}

  /**
   * Reads the units unless they were read, or are being read, for the library's current document
   * list. A caller that came while they were being read waits for them: the read ahead after an
   * import had gone on without 同比's answer, its units not current yet (issue 17).
   */
  refresh(): Promise<void> {
    if (this.readFor === this.library.documents) return this.reading ?? Promise.resolve();
    return this.load();
  }

  load(): Promise<void> {
    const reading = this.read();
    this.reading = reading;
    void reading.finally(() => {
      if (this.reading === reading) this.reading = null;
    });
    return reading;
  }

  private async read(): Promise<void> {
    const docs = this.library.documents;
    this.readFor = docs;
    try {
      const r = await this.library.db.call({ type: 'compareUnits' });
      if (this.readFor !== docs) return; // the library changed meanwhile; a newer read is on its way
      this.units = r.units;
      this.departments = r.departments;
      this.loadedFor = docs;
      this.error = null;
    } catch (e) {
      this.readFor = null;
      this.error = `单位列表读取失败：${(e as Error).message}`;
    }
  }

  /** The units are the current document list's (a view that picks a default unit waits for this). */
  get current(): boolean {
    return this.loadedFor === this.library.documents;
  }

  byKey(key: string): UnitGroup | undefined {
    return this.units.find((u) => u.key === key);
  }

  /** Links `fromKey` to `toKey` (saved in the library); errors come back as the message to show. */
  async link(fromKey: string, toKey: string): Promise<string | null> {
    try {
      await this.library.db.call({ type: 'linkUnits', fromKey, toKey });
      await this.load();
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  async unlink(key: string): Promise<void> {
    await this.library.db.call({ type: 'unlinkUnit', unitKey: key });
    await this.load();
  }
}

export function unitLabel(u: { code: string; name: string }): string {
  return u.code ? `${u.code} ${u.name}` : u.name;
}

/** A unit key as the user reads it: 「代码 543」 or 「名称 信访局」. */
export function keyLabel(key: string): string {
  const [kind, ...rest] = key.split(':');
  return `${kind === 'code' ? '代码' : '名称'} ${rest.join(':')}`;
}

