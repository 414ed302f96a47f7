import { describe, expect, it } from 'vitest';
import { UnitsState } from '../../../src/ui/compare/units.svelte';
import type { LibraryState } from '../../../src/ui/state/library.svelte';

/** A library whose worker answers compareUnits when the test says so. */
function library() {
  const answers: ((v: unknown) => void)[] = [];
  const lib = {
    documents: [{}] as object[],
    db: { call: () => new Promise((resolve) => answers.push(resolve)) },
  };
  const answer = (name: string) => answers.shift()!({ units: [{ key: `name:${name}`, code: '', name, names: [name], years: [2024] }], departments: [] });
  return { lib, state: new UnitsState(lib as unknown as LibraryState), asked: () => answers.length, answer };
}

describe('UnitsState.refresh', () => {
  it('waits for a read under way for the same document list instead of going on without the units (issue 17)', async () => {
    const { state, asked, answer } = library();
    void state.load();
    let done = false;
    const refreshed = state.refresh().then(() => (done = true));
    await Promise.resolve();
    expect(asked()).toBe(1); // not asked twice
    expect(done).toBe(false);
    expect(state.current).toBe(false);
    answer('甲');
    await refreshed;
    expect(state.current).toBe(true);
    expect(state.units.map((u) => u.name)).toEqual(['甲']);
    await state.refresh(); // read: nothing asked
    expect(asked()).toBe(0);
  });

  it('reads again for a new document list', async () => {
    const { lib, state, asked, answer } = library();
    const first = state.refresh();
    answer('甲');
    await first;
    lib.documents = [{}, {}];
    expect(state.current).toBe(false);
    const second = state.refresh();
    expect(asked()).toBe(1);
    answer('乙');
    await second;
    expect(state.units.map((u) => u.name)).toEqual(['乙']);
  });
});
