import type { LayoutProfile } from '../../lib/profiles/types';
import type { ProfileChange, ProfileInfo, RawTableInfo } from '../../lib/worker/protocol';
import type { LibraryState } from '../state/library.svelte';
import { sourceOf } from '../source/source.svelte';

/**
 * The page's side of layout profiles: a document's unmapped tables, the library's profiles, and the
 * requests that change them. After a change the library's list (figure counts) is read again; the
 * views that show figures reload on `version`.
 */
export class ProfilesState {
  tables = $state.raw<RawTableInfo[]>([]);
  kinds = $state.raw<string[]>([]);
  list = $state.raw<ProfileInfo[]>([]);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  /** Bumped after every change, so that a document's figures are read again. */
  version = $state(0);

  constructor(private readonly library: LibraryState) {}

  async loadTables(docId: string): Promise<void> {
    const r = await this.library.db.call({ type: 'rawTables', docId });
    this.tables = r.tables;
    this.kinds = r.kinds;
  }

  async loadList(): Promise<void> {
    this.list = await this.library.db.call({ type: 'profiles' });
  }

  private async after(change: Promise<ProfileChange & { imported?: number }>, done: (c: { changed: number; imported?: number }) => string): Promise<boolean> {
    this.error = null;
    this.message = null;
    try {
      const r = await change;
      if (!r.ok) {
        this.error = r.error;
        return false;
      }
      this.message = done(r);
      sourceOf(this.library).forgetFigures();
      this.version++;
      await Promise.all([this.library.refresh(), this.loadList()]);
      return true;
    } catch (e) {
      this.error = `操作失败：${(e as Error).message}`;
      return false;
    }
  }

  save(profile: LayoutProfile): Promise<boolean> {
    // $state proxies cannot cross to the worker: send a plain copy.
    const plain = JSON.parse(JSON.stringify(profile)) as LayoutProfile;
    return this.after(this.library.db.call({ type: 'saveProfile', profile: plain }), (c) => `已保存版式配置「${plain.name}」，${c.changed} 份文档按它读取了数字。`);
  }

  rename(from: string, to: string): Promise<boolean> {
    return this.after(this.library.db.call({ type: 'renameProfile', from, to }), () => `已改名为「${to}」。`);
  }

  remove(name: string): Promise<boolean> {
    return this.after(this.library.db.call({ type: 'deleteProfile', name }), (c) => `已删除版式配置「${name}」，${c.changed} 份文档中按它读取的数字已撤回。`);
  }

  importFile(fileName: string, text: string): Promise<boolean> {
    return this.after(this.library.db.call({ type: 'importProfiles', fileName, text }), (c) => `已导入 ${c.imported ?? 0} 个版式配置，${c.changed} 份文档按它们读取了数字。`);
  }

  exportText(names: string[] | null): Promise<string> {
    return this.library.db.call({ type: 'exportProfiles', names });
  }
}
