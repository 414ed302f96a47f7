import { describe, expect, it } from 'vitest';
import { ComparisonState } from '../../../src/ui/compare/comparison.svelte';
import type { Choices } from '../../../src/ui/state/route.svelte';
import { ShownView, type ViewContent } from '../../../src/ui/state/view.svelte';
import { FakeLibrary } from './fakeLibrary.svelte';

/** A comparison whose worker answers when the test says so: `answer(choice)` settles the oldest question for that choice. */
class Held extends ComparisonState<string> {
  readonly waiting: { choice: string; resolve: (r: string) => void }[] = [];

  constructor(library: FakeLibrary, route: Choices, shown: ShownView) {
    super(library.asLibrary, route, shown);
  }

  protected override question() {
    const choice = this.p.choice ?? '';
    return { view: 'held', key: choice, ask: () => new Promise<string>((resolve) => this.waiting.push({ choice, resolve })) };
  }

  load(): Promise<void> {
    const q = this.question();
    return this.run(q.ask, '查询失败', q);
  }

  answer(choice: string): void {
    const i = this.waiting.findIndex((w) => w.choice === choice);
    this.waiting.splice(i, 1)[0].resolve(`answer to ${choice}`);
  }

  protected describe(r: string): ViewContent {
    return { title: r, docs: [], sources: [], grid: null };
  }
}

function setup() {
  const route = { params: { choice: 'a' } as Record<string, string>, update(c: Record<string, string | null>) { this.params = { ...this.params, ...c } as Record<string, string>; } };
  const shown = new ShownView();
  const state = new Held(new FakeLibrary(), route, shown);
  return { route, shown, state };
}

/** The user picks `choice` and its answer arrives. */
async function chosen(route: ReturnType<typeof setup>['route'], state: Held, choice: string): Promise<void> {
  route.update({ choice });
  const asked = state.load();
  state.answer(choice);
  await asked;
}

describe('an answer to the previous choices is marked while the current ones are asked', () => {
  it('is stale from the new choice until its answer arrives, and never before a first answer', async () => {
    const { route, shown, state } = setup();
    const first = state.load();
    // Nothing on screen yet: loading, but nothing to mark.
    expect([state.loading, state.stale]).toEqual([true, false]);
    state.answer('a');
    await first;
    expect([state.result, state.stale]).toEqual(['answer to a', false]);

    route.update({ choice: 'b' });
    const second = state.load();
    // The table on screen is still a's while b is asked: it must say so.
    expect([state.result, state.stale]).toEqual(['answer to a', true]);
    expect(shown.content?.title).toBe('answer to a');
    state.answer('b');
    await second;
    expect([state.result, state.stale, shown.content?.title]).toEqual(['answer to b', false, 'answer to b']);
  });

  it('an answer the memo holds is shown at once, never marked', async () => {
    const { route, state } = setup();
    await chosen(route, state, 'a');
    await chosen(route, state, 'b');
    route.update({ choice: 'b' });
    await state.load();
    expect([state.result, state.stale, state.waiting.length]).toEqual(['answer to b', false, 0]);
  });

  it('a slower earlier answer neither replaces the later one nor ends the mark early', async () => {
    const { route, state } = setup();
    await chosen(route, state, 'a');
    route.update({ choice: 'b' });
    const b = state.load();
    route.update({ choice: 'c' });
    const c = state.load();
    state.answer('b');
    await b;
    expect([state.result, state.stale]).toEqual(['answer to a', true]);
    state.answer('c');
    await c;
    expect([state.result, state.stale]).toEqual(['answer to c', false]);
  });
});
