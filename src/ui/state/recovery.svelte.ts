import type { DamagedInfo } from '../../lib/worker/snapshotInfo';
import { download } from '../download';
import type { LibraryState } from './library.svelte';

/**
 * Saved snapshots that could not be opened (db/startup.ts keeps them aside, never deletes them):
 * listed so the user can download each as a .sqlite file, or discard it.
 */
export class RecoveryState {
  damaged = $state.raw<DamagedInfo[]>([]);
  error = $state<string | null>(null);

  constructor(private readonly library: LibraryState) {}

  async refresh(): Promise<void> {
    try {
      this.damaged = await this.library.db.call({ type: 'damagedSnapshots' });
    } catch (e) {
      this.error = `无法列出损坏的保存：${(e as Error).message}`;
    }
  }

  async download(d: DamagedInfo): Promise<void> {
    const bytes = await this.library.db.call({ type: 'damagedSnapshot', id: d.id });
    if (!bytes) {
      this.error = '这份保存已不在浏览器存储中。';
      return;
    }
    download(`预算透镜-无法打开的保存-${d.savedAt.slice(0, 19).replace(/[:T]/g, '-') || d.id}.sqlite`, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.sqlite3');
  }

  async discard(d: DamagedInfo): Promise<void> {
    await this.library.db.call({ type: 'discardDamaged', id: d.id });
    await this.refresh();
  }
}
