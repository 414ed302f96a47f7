import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotStore, type SnapshotRecord } from '../../../src/lib/worker/snapshots';
import { isQuota } from '../../../src/lib/worker/snapshotInfo';

/**
 * The snapshot store in Node, on fake-indexeddb (an IndexedDB implementation that runs the W3C
 * tests): the browser tests cover it inside Chromium; these pin its rules one by one. The chunked
 * layout itself (only changed chunks written, crashes, version 2 records) is chunkedStore.test.ts.
 */
let n = 0;
const stores: SnapshotStore[] = [];
async function fresh(): Promise<SnapshotStore> {
  const s = await SnapshotStore.open(`budget-lens-test-${++n}`);
  stores.push(s);
  return s;
}
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const snap = (byte: number, savedAt = `2026-01-0${byte}`): SnapshotRecord => ({ bytes: new Uint8Array([byte, byte]), savedAt, schemaVersion: 5, buildId: 't' });

async function bytesOf(s: SnapshotStore, id: number | undefined): Promise<number[]> {
  const read = await s.read(id!);
  if ('damage' in read) throw new Error(read.damage);
  return [...read.bytes];
}

describe('SnapshotStore', () => {
  it('keeps the current snapshot and the one before, and drops older ones', async () => {
    const s = await fresh();
    expect(await s.load()).toEqual({ current: undefined, previous: undefined });
    await s.save(snap(1));
    await s.save(snap(2));
    await s.save(snap(3));
    const { current, previous } = await s.load();
    expect(await bytesOf(s, current?.id)).toEqual([3, 3]);
    expect(await bytesOf(s, previous?.id)).toEqual([2, 2]);
    expect([current!.savedAt, current!.size]).toEqual(['2026-01-03', 2]);
  });

  it('moves a damaged current snapshot aside, falls back to the previous one, and keeps it until discarded', async () => {
    const s = await fresh();
    await s.save(snap(1));
    await s.save(snap(2));
    const { current } = await s.load();
    const damagedId = await s.quarantine(current!.id, '无法打开');
    const after = await s.load();
    expect(await bytesOf(s, after.current?.id)).toEqual([1, 1]);
    expect(after.previous).toBeUndefined();
    // Later saves never touch it.
    await s.save(snap(3));
    await s.save(snap(4));
    const damaged = await s.listDamaged();
    expect(damaged.map((d) => [d.id, d.reason, d.size])).toEqual([[damagedId, '无法打开', 2]]);
    expect([...(await s.damagedBytes(damagedId!))!]).toEqual([2, 2]);
    await s.discardDamaged(damagedId!);
    expect(await s.listDamaged()).toEqual([]);
    expect(await s.damagedBytes(damagedId!)).toBeNull();
  });

  it('reopens a connection that was closed under it, and saves', async () => {
    const s = await fresh();
    await s.save(snap(1));
    s.close();
    await s.save(snap(2));
    expect(await bytesOf(s, (await s.load()).current?.id)).toEqual([2, 2]);
  });

  it('tells a full disk from other failures', () => {
    expect(isQuota(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuota(new DOMException('closing', 'InvalidStateError'))).toBe(false);
    expect(isQuota(new Error('QuotaExceededError'))).toBe(false);
  });
});
