const WRITER_LOCK = 'budget-lens-writer';

/**
 * One writer across tabs, with the Web Locks API: the first tab holds the lock for its lifetime;
 * a later tab waits for it and takes over when the writer tab closes. release() lets the lock go,
 * or withdraws the wait, for a page that will not save at all (persistence.ts refuse()).
 */
export class WriterLock {
  /** Lets the held lock go, or aborts the wait for it. */
  private letGo: (() => void) | null = null;

  /**
   * Whether this tab holds the lock now. When it does not, `takeover` runs once the lock comes to
   * this tab; the lock is kept only if it returns true (false: this page will not write after all).
   */
  async claim(takeover: () => Promise<boolean>): Promise<boolean> {
    if (!('locks' in navigator)) return true;
    // Held until the tab goes away, or until release().
    const hold = () => new Promise<void>((r) => (this.letGo = r));
    const held = await new Promise<boolean>((resolve) => {
      void navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, async (lock) => {
        resolve(lock !== null);
        if (lock) await hold();
      });
    });
    if (!held) {
      const waiting = new AbortController();
      this.letGo = () => waiting.abort();
      navigator.locks.request(WRITER_LOCK, { signal: waiting.signal }, async () => {
        if (await takeover()) await hold();
      }).catch(() => undefined);
    }
    return held;
  }

  release(): void {
    this.letGo?.();
    this.letGo = null;
  }
}
