import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Persistence, SAVE_MESSAGES } from '../../../src/lib/worker/persistence';
import type { SaveState } from '../../../src/lib/worker/protocol';
import { QuotaError } from '../../../src/lib/worker/snapshotInfo';

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
    // 「正在保存」 is said once for the burst, not once per change.
    expect(states.map((s) => s.status)).toEqual(['pending', 'saved']);
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

  it('while more files are queued saves once per gap, not after every change; when they are done, or on a flush, at once', async () => {
    const states: SaveState[] = [];
    let snapshots = 0;
    let midWrite: (() => void) | null = null;
    let queued = true; // files of a burst wait behind the one being stored
    const p = new Persistence({
      buildId: 't',
      snapshot: () => {
        snapshots++;
        midWrite?.(); // a file stored while this save writes
        midWrite = null;
        return new Uint8Array([snapshots]);
      },
      temporary: () => false,
      busy: () => queued,
      emit: (s) => states.push(s),
    }, 60_000);
    await p.open();
    await p.claimWriter(async () => undefined);
    // A first change after a quiet time is saved soon.
    midWrite = () => p.changed();
    const afterFirst = new Promise<void>((resolve) => {
      const emit = states.push.bind(states);
      states.push = (...s: SaveState[]) => {
        const n = emit(...s);
        if (snapshots === 1 && s[0].status === 'pending' && p.scheduledIn !== null) resolve();
        return n;
      };
    });
    p.changed();
    expect(p.scheduledIn).toBe(30);
    await afterFirst;
    // The change made during that write waits for the gap: one write so far, still 「正在保存」.
    expect(snapshots).toBe(1);
    expect(p.scheduledIn!).toBeGreaterThan(50_000);
    expect(p.unsaved).toBe(true);
    expect(states.at(-1)).toEqual({ status: 'pending' });
    // More changes in the burst do not bring it forward.
    p.changed();
    expect(p.scheduledIn!).toBeGreaterThan(50_000);
    expect(snapshots).toBe(1);
    // Leaving the page flushes: written now, and 已保存.
    expect((await p.save()).status).toBe('saved');
    expect(snapshots).toBe(2);
    expect(p.scheduledIn).toBeNull();
    expect(p.unsaved).toBe(false);
    const { current } = await p.load();
    expect(await p.read(current!.id)).toEqual({ bytes: new Uint8Array([2]), verified: true });

    // Another change in the burst waits for the gap; the burst's last file brings the save forward.
    p.changed();
    expect(p.scheduledIn!).toBeGreaterThan(50_000);
    queued = false;
    p.changed();
    expect(p.scheduledIn).toBe(30);
    expect((await p.save()).status).toBe('saved');
    expect(snapshots).toBe(3);
  });

  it('saves soon after a change when nothing more is queued, however recent the last save', async () => {
    let snapshots = 0;
    const p = new Persistence({
      buildId: 't', snapshot: () => new Uint8Array([++snapshots]), temporary: () => false, busy: () => false, emit: () => undefined,
    }, 60_000);
    await p.open();
    await p.claimWriter(async () => undefined);
    p.changed();
    expect((await p.save()).status).toBe('saved');
    // A removal right after: saved in 30 ms, not a gap later (a reload then finds it saved).
    p.changed();
    expect(p.scheduledIn).toBe(30);
    expect((await p.save()).status).toBe('saved');
    expect(snapshots).toBe(2);
  });
});
