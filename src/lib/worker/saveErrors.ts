import { QuotaError } from './snapshotInfo';

/** What a failed save says (persistence.ts), in Chinese: the change is kept in the page, and what to do. */
const KEEP = '最近的更改还没有保存，仍保留在本页中：请不要关闭或刷新本页。';
const TODO = '请删除一些文档，或清理浏览器中其他网站的数据、释放磁盘空间；有了空间后会自动保存（下一次更改时或稍后自动重试）。也可以先在「数据导入导出」中下载资料库作为备份。';
export const SAVE_MESSAGES = {
  quota: `存储空间不足，${KEEP}${TODO}`,
  // A full disk reaches IndexedDB as QuotaExceededError, but also as DataError, UnknownError or an
  // aborted transaction on a closed connection: those are most likely the disk too.
  failed: (what: string) => `保存失败（${what}），多半是存储空间不足。${KEEP}${TODO}`,
};

/**
 * A failed write in words: a full disk shows as QuotaExceededError, but also as a write error or a
 * connection the browser closed; when the storage estimate says there is no room, it is the disk.
 */
export async function describeFailure(e: unknown): Promise<string> {
  if (e instanceof QuotaError) return SAVE_MESSAGES.quota;
  try {
    const est = await navigator.storage?.estimate?.();
    if (est?.quota !== undefined && est.usage !== undefined && est.quota - est.usage < 16 * 1024 * 1024) return SAVE_MESSAGES.quota;
  } catch {
    /* no estimate: fall through */
  }
  return SAVE_MESSAGES.failed(e instanceof DOMException ? e.name : e instanceof Error ? e.name : '未知错误');
}
