import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeptViews } from '../../../src/ui/state/kept.svelte';
import { RouteState } from '../../../src/ui/state/route.svelte';
import { FakeLibrary } from './fakeLibrary.svelte';

/** An address bar for RouteState: pushState and replaceState write the fragment, as a browser does. */
function addressBar() {
  const location = { hash: '', pathname: '/', search: '' };
  const write = (_s: unknown, _t: string, url: string) => (location.hash = url.slice(url.indexOf('#')));
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { pushState: write, replaceState: write });
  vi.stubGlobal('addEventListener', () => undefined);
}

function setup() {
  const library = new FakeLibrary();
  const route = new RouteState();
  const kept = new KeptViews(route, library.asLibrary);
  const onPage = () => kept.onPage.map((p) => `${p.key}${p.view === route.view ? '' : ' hidden'}`);
  /** A click on a tab, and the page drawn after it (the page reads onPage on every change). */
  const open = (view: Parameters<RouteState['open']>[0]) => {
    route.open(view);
    return onPage();
  };
  onPage();
  return { library, route, kept, onPage, open };
}

describe('kept views (issue 17: going back to a view at 5,000 documents shows its drawing)', () => {
  beforeEach(addressBar);
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the views drawn when the user leaves them, and not 数据', () => {
    const { onPage, open } = setup();
    expect(onPage()).toEqual(['library-1']);
    open('yoy');
    expect(open('data')).toEqual(['library-1 hidden', 'yoy-2 hidden', 'data-3']);
    // 数据 is not kept: it is drawn anew on its next visit.
    expect(open('audit')).toEqual(['library-1 hidden', 'yoy-2 hidden', 'audit-4']);
    expect(open('yoy')).toEqual(['library-1 hidden', 'yoy-2', 'audit-4 hidden']);
    expect(open('data')).toEqual(['library-1 hidden', 'yoy-2 hidden', 'audit-4 hidden', 'data-5']);
  });

  it('drops the hidden views when the document list changes, and keeps the one shown', () => {
    const { library, onPage, open } = setup();
    open('yoy');
    open('peers');
    library.documents = [{ docId: 'new' }];
    expect(onPage()).toEqual(['peers-3']);
    expect(open('yoy')).toEqual(['yoy-4', 'peers-3 hidden']);
  });

  it('draws a view anew on return when a changing request was sent since the user left it', () => {
    const { library, open } = setup();
    open('yoy');
    open('peers');
    expect(open('yoy')).toEqual(['library-1 hidden', 'yoy-2', 'peers-3 hidden']);
    open('peers');
    library.db.generation++; // units linked: the same document list, other answers
    expect(open('yoy')).toEqual(['library-1 hidden', 'yoy-4', 'peers-3 hidden']);
    // 横比 was on screen when the change was made: a view shown follows the library itself.
    expect(open('peers')).toEqual(['library-1 hidden', 'yoy-4 hidden', 'peers-3']);
  });
});

describe('views drawn ahead of their first visit', () => {
  beforeEach(addressBar);
  afterEach(() => vi.unstubAllGlobals());

  it('are drawn hidden on the library as it is, shown as drawn, and not drawn again after a change until asked', () => {
    const { library, route, kept, onPage, open } = setup();
    kept.drawAhead(['yoy', 'peers', 'data']);
    // 数据 is not a kept view: it is drawn when it is visited.
    expect(onPage()).toEqual(['library-1', 'yoy-2 hidden', 'peers-3 hidden']);
    const drawnWith = route.choicesOf('yoy').params;
    expect(open('yoy')).toEqual(['library-1 hidden', 'yoy-2', 'peers-3 hidden']);
    // The tab opened it with the choices it was drawn with: the same object, nothing to draw again.
    expect(route.choicesOf('yoy').params).toBe(drawnWith);
    library.documents = [{ docId: 'new' }];
    expect(onPage()).toEqual(['yoy-2']);
    expect(open('library')).toEqual(['library-4', 'yoy-2 hidden']);
  });
});

describe('a view’s choices while it is kept', () => {
  beforeEach(addressBar);
  afterEach(() => vi.unstubAllGlobals());

  it('are the ones it was left with, the same object, and its writes go nowhere', () => {
    const { route } = setup();
    const yoy = route.choicesOf('yoy');
    route.open('yoy');
    yoy.update({ unit: '202' });
    const left = yoy.params;
    expect(left).toEqual({ unit: '202' });
    route.open('peers');
    route.choicesOf('peers').update({ year: '2024' });
    expect(yoy.params).toBe(left);
    yoy.update({ unit: '999' });
    expect(location.hash).toBe('#view=peers&year=2024');
    expect(yoy.params).toBe(left);
  });

  it('come back with the tab: the view as the user left it; its own tab again opens its first screen', () => {
    const { route } = setup();
    route.open('yoy');
    route.choicesOf('yoy').update({ unit: '202', years: '2023,2024' });
    route.open('library');
    route.open('yoy');
    expect(location.hash).toBe('#view=yoy&unit=202&years=2023%2C2024');
    expect(route.choicesOf('yoy').params).toEqual({ unit: '202', years: '2023,2024' });
    route.open('yoy');
    expect(location.hash).toBe('#view=yoy');
  });
});
