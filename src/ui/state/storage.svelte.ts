/** Storage persistence and usage, shown in the status bar so users know their library is safe. */
export class StorageState {
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  async init(): Promise<void> {
    if (!navigator.storage) return;
    try {
      this.persisted = (await navigator.storage.persisted?.()) ?? null;
      // Ask once; Chromium grants it to installed or frequently used apps without a prompt.
      if (this.persisted === false && navigator.storage.persist) this.persisted = await navigator.storage.persist();
    } catch {
      this.persisted = null;
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const est = await navigator.storage?.estimate?.();
      this.usage = est?.usage ?? null;
      this.quota = est?.quota ?? null;
    } catch {
      this.usage = null;
    }
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
