import { Workbox } from 'workbox-window';

/**
 * The service worker and the 「有新版本」 prompt. A new version waits until the user agrees; before
 * it takes over, the library is flushed so an update can never lose what was loaded.
 */
export class UpdateState {
  waiting = $state(false);
  offlineReady = $state(false);
  private wb: Workbox | null = null;

  init(): void {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    // Relative to the page, so the scope is whatever folder the app is served from.
    this.wb = new Workbox('./sw.js', { scope: './' });
    this.wb.addEventListener('waiting', () => (this.waiting = true));
    this.wb.addEventListener('activated', (e) => {
      if (!e.isUpdate) this.offlineReady = true;
    });
    void this.wb.register().catch(() => undefined);
  }

  async apply(beforeReload: () => Promise<unknown>): Promise<void> {
    if (!this.wb) return;
    await beforeReload();
    this.wb.addEventListener('controlling', () => window.location.reload());
    this.wb.messageSkipWaiting();
  }
}
