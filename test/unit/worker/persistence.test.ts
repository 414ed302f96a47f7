import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Persistence, SAVE_MESSAGES } from '../../../src/lib/worker/persistence';
import type { SaveState } from '../../../src/lib/worker/protocol';
import { QuotaError } from '../../../src/lib/worker/snapshots';

/**
 * Saving in Node (fake-indexeddb, and a navigator without Web Locks, so this tab writes): a burst of changes is
 * one write, 「已保存」 comes only when nothing is left, a full disk keeps the change and retries on
 * the next change, and a share link's temporary data is never saved.
 */
function persistence(opts: { fail?: () => boolean; temporary?: boolean } = {}) {
  const states: SaveState[] = [];
  let snapshots = 0;
  const p = new Persistence({
    buildId: 't',
    snapshot: () => {
      snapshots++;
      if (opts.fail?.()) throw new QuotaError('存储空间不足');
      return new Uint8Array([snapshots]);
    },
    temporary: () => opts.temporary ?? false,
    emit: (s) => states.push(s),
  });
  return { p, states, snapshots: () => snapshots };
}

describe('Persistence', () => {
  beforeAll(() => vi.stubGlobal('navigator', {}));
  afterAll(() => vi.unstubAllGlobals());

  it('writes a burst of changes once, and says 已保存 only when nothing is left', async () => {
    const { p, states, snapshots } = persistence();
    expect(await p.open()).toBeNull();
    expect(await p.claimWriter(async () => undefined)).toBe(true);
    p.changed();
    p.changed();
    p.changed();
    expect(p.unsaved).toBe(true);
    const state = await p.save();
    expect(state.status).toBe('saved');
    expect(snapshots()).toBe(1);
    expect(p.unsaved).toBe(false);
    expect(states.map((s) => s.status)).toEqual(['pending', 'pending', 'pending', 'saved']);
    const { current } = await p.load();
    expect(await p.read(current!.id)).toEqual({ bytes: new Uint8Array([1]), verified: true });
  });

  it('keeps the change on a full disk, says so in Chinese, and saves on the next change', async () => {
    let full = true;
    const { p, states } = persistence({ fail: () => full });
    await p.open();
    await p.claimWriter(async () => undefined);
    p.changed();
    const failed = await p.save();
    expect(failed).toEqual({ status: 'error', message: SAVE_MESSAGES.quota });
    expect(p.unsaved).toBe(true);
    full = false;
    p.changed();
    expect((await p.save()).status).toBe('saved');
    expect(p.unsaved).toBe(false);
    expect(states.at(-1)!.status).toBe('saved');
  });

  it('never saves a share link’s temporary data', async () => {
    const { p, states, snapshots } = persistence({ temporary: true });
    await p.open();
    await p.claimWriter(async () => undefined);
    p.changed();
    await p.save();
    expect(snapshots()).toBe(0);
    expect(states).toEqual([{ status: 'temporary' }]);
  });
});
