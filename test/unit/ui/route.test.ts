import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouteState } from '../../../src/ui/state/route.svelte';

/** An address bar: the fragment, and the history calls made to it. */
function addressBar() {
  const location = { hash: '', pathname: '/', search: '' };
  const calls: string[] = [];
  const write = (kind: string) => (_s: unknown, _t: string, url: string) => {
    calls.push(`${kind} ${url.slice(url.indexOf('#'))}`);
    location.hash = url.slice(url.indexOf('#'));
  };
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { pushState: write('push'), replaceState: write('replace') });
  vi.stubGlobal('addEventListener', () => undefined);
  return { location, calls };
}

describe('RouteState writes the address bar after the frame (issue 17: pushState in the click cost 1–17 ms)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('changes the route at once and the address bar a moment later, as one history entry', () => {
    const bar = addressBar();
    const route = new RouteState();
    route.open('peers');
    expect(route.view).toBe('peers');
    expect(bar.location.hash).toBe('');
    // The view writes its choices as it draws, in the same frame: one entry, with them.
    route.update({ year: '2024' });
    vi.runAllTimers();
    expect(bar.calls).toEqual(['push #view=peers&year=2024']);
    route.update({ year: '2023' });
    vi.runAllTimers();
    expect(bar.calls.at(-1)).toBe('replace #view=peers&year=2023');
    expect(bar.calls).toHaveLength(2);
  });

  it('lets a fragment typed or a link followed before the write win over it', () => {
    const bar = addressBar();
    const route = new RouteState();
    route.open('yoy');
    bar.location.hash = '#view=audit';
    vi.runAllTimers();
    expect(bar.calls).toEqual([]);
    expect(route.view).toBe('audit');
  });
});
