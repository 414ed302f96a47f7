import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { options, type Choice } from '../../../src/ui/compare/options';

/**
 * A <select>'s options (ui/compare/options.ts): a long list starts with the chosen option only and
 * is made whole when the page is idle or the user reaches for it. The unit project has no DOM, so
 * the select, Option and the idle queue are small stand-ins with the few behaviours it relies on:
 * a select's value is one of its options' (or the first), listeners by type.
 */
class FakeOption {
  disabled = false;
  constructor(readonly text: string, readonly value: string) {}
}

class FakeSelect {
  children: FakeOption[] = [];
  private chosen = '';
  readonly listeners = new Map<string, Set<() => void>>();
  get value(): string {
    return this.chosen;
  }
  set value(v: string) {
    this.chosen = this.children.some((o) => o.value === v) ? v : (this.children[0]?.value ?? '');
  }
  replaceChildren(...c: FakeOption[]): void {
    this.children = c;
    this.value = this.chosen;
  }
  addEventListener(type: string, f: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(f);
  }
  removeEventListener(type: string, f: () => void): void {
    this.listeners.get(type)?.delete(f);
  }
  dispatch(type: string): void {
    for (const f of [...(this.listeners.get(type) ?? [])]) f();
  }
  get listening(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

let idleQueue: Map<number, () => void>;
let nextHandle: number;
const runIdle = () => {
  const due = [...idleQueue.values()];
  idleQueue.clear();
  for (const f of due) f();
};

beforeEach(() => {
  idleQueue = new Map();
  nextHandle = 1;
  vi.stubGlobal('Option', FakeOption);
  vi.stubGlobal('requestIdleCallback', (f: () => void) => {
    idleQueue.set(nextHandle, f);
    return nextHandle++;
  });
  vi.stubGlobal('cancelIdleCallback', (h: number) => idleQueue.delete(h));
});
afterEach(() => vi.unstubAllGlobals());

const departments = (n: number): Choice[] => [
  { value: 'all', text: '资料库中全部单位' },
  ...Array.from({ length: n }, (_, i) => ({ value: `dep:${100 + i}`, text: `部门 ${100 + i}` })),
  { value: 'units', text: '手动选择…' },
];

function attach(list: Choice[], value: string): { select: FakeSelect; teardown: (() => void) | void } {
  const select = new FakeSelect();
  const teardown = options(list, value)(select as unknown as HTMLSelectElement);
  return { select, teardown };
}

const values = (s: FakeSelect) => s.children.map((o) => o.value);

describe('options: a long list waits until the page is idle or the user reaches for it', () => {
  it('makes a short list whole at once, with its value', () => {
    const { select } = attach(departments(3), 'dep:101');
    expect(values(select)).toEqual(['all', 'dep:100', 'dep:101', 'dep:102', 'units']);
    expect(select.value).toBe('dep:101');
    expect(idleQueue.size).toBe(0);
  });

  it('starts a long list with the chosen option only, and makes the rest when the page is idle', () => {
    const list = departments(168);
    const { select } = attach(list, 'dep:150');
    expect(values(select)).toEqual(['dep:150']);
    expect(select.value).toBe('dep:150');
    runIdle();
    expect(values(select)).toEqual(list.map((c) => c.value));
    expect(select.value).toBe('dep:150');
    expect(select.listening).toBe(0);
  });

  it.each(['pointerdown', 'mousedown', 'touchstart', 'focus', 'keydown'])('makes the whole list on %s, before the list can open', (type) => {
    const list = departments(168);
    const { select } = attach(list, 'all');
    select.dispatch(type);
    expect(values(select)).toEqual(list.map((c) => c.value));
    expect(select.value).toBe('all');
    // Made once: the idle callback is cancelled and nothing listens any more.
    expect(idleQueue.size).toBe(0);
    expect(select.listening).toBe(0);
  });

  it('keeps each option disabled as listed', () => {
    const list = [...departments(20), { value: '-', text: '另有 5 个单位未列出', disabled: true }];
    const { select } = attach(list, 'dep:100');
    runIdle();
    expect(select.children.filter((o) => o.disabled).map((o) => o.value)).toEqual(['-']);
  });

  it('stops waiting when the attachment is replaced (a new list or value)', () => {
    const { select, teardown } = attach(departments(168), 'all');
    expect(typeof teardown).toBe('function');
    (teardown as () => void)();
    expect(idleQueue.size).toBe(0);
    expect(select.listening).toBe(0);
    select.dispatch('focus');
    expect(values(select)).toEqual(['all']);
  });

  it('makes a list whole at once when its value is not in it', () => {
    const list = departments(168);
    const { select } = attach(list, 'dep:999');
    expect(select.children).toHaveLength(list.length);
    expect(idleQueue.size).toBe(0);
  });
});
