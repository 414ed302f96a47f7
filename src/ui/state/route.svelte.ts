/**
 * The view's choices live in the URL fragment (#view=yoy&unit=202&years=2023,2024), so a reload or
 * a shared link restores the same view. Views read their own parameters from `params` and write
 * them with `update`; only strings go in, and every view validates what it reads back.
 */
export const VIEWS = ['library', 'yoy', 'peers', 'execution', 'story', 'brief', 'audit', 'sql', 'data', 'archive'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_NAMES: Record<View, string> = {
  library: '资料库',
  yoy: '同比（跨年）',
  peers: '横比（跨单位）',
  execution: '执行（预算对决算）',
  story: '变化最大',
  brief: '简报（一页）',
  audit: '审核（勾稽）',
  sql: 'SQL 查询',
  data: '数据导入导出',
  archive: '数据档案（联网）',
};

/** Where a view's state reads and writes its choices: the route while the view is shown (RouteState.choicesOf). */
export interface Choices {
  readonly params: Record<string, string>;
  update(changes: Record<string, string | null>): void;
}

/** A view's choices before it was ever shown: one object, so that a view drawn ahead (hidden) and then shown reads the same choices and draws nothing again. */
const NO_CHOICES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function parse(hash: string): { view: View; params: Record<string, string> } {
  const sp = new URLSearchParams(hash.replace(/^#/, ''));
  const params: Record<string, string> = {};
  for (const [k, v] of sp) if (k !== 'view') params[k] = v;
  // #archive=… alone opens the archive view (a link to an archive).
  const v = sp.get('view') ?? (sp.has('archive') ? 'archive' : null);
  return { view: (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'library', params };
}

/** The route and nothing else: what the view shows lives in ShownView (view.svelte.ts). */
export class RouteState {
  view = $state<View>('library');
  params = $state.raw<Record<string, string>>({});
  /** The fragment as last read or written here: another one in the address bar is a navigation whose hashchange is still queued. */
  private seen = '';
  /** Each view's choices as last shown: going back to a view by its tab shows what it showed (and a kept view, ui/state/kept.svelte.ts, stays as drawn). */
  private readonly lastParams = new Map<View, Record<string, string>>();
  /**
   * Made with the route, not on a view's first drawing: a derivation made while a view is drawn
   * belongs to that drawing and stops following the route when the drawing is thrown away.
   */
  private readonly choices = new Map<View, Choices>(VIEWS.map((v) => [v, new ViewChoices(this, v)]));

  constructor() {
    this.read();
    // A followed link fires popstate at once and hashchange a task (often a frame) later: reading on
    // the first means a view switch draws in the click's own frame (issue 17). The second then
    // finds the fragment already read; a fragment typed in the address bar fires only hashchange.
    const changed = () => {
      if (location.hash !== this.seen) this.read();
    };
    addEventListener('popstate', changed);
    addEventListener('hashchange', changed);
  }

  private read(): void {
    this.seen = location.hash;
    const r = parse(location.hash);
    this.view = r.view;
    this.params = r.params;
    this.lastParams.set(r.view, r.params);
  }

  private write(push: boolean): void {
    // A link followed or a fragment typed is newer than a change made here from what was on screen
    // before it (a view writing its parameters when data arrives): read it instead of writing over it.
    if (location.hash !== this.seen) {
      this.read();
      return;
    }
    const sp = new URLSearchParams({ view: this.view });
    for (const [k, v] of Object.entries(this.params)) if (v !== '') sp.set(k, v);
    const url = `${location.pathname}${location.search}#${sp.toString()}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.seen = location.hash;
  }

  go(view: View, params: Record<string, string> = {}): void {
    this.view = view;
    this.params = params;
    this.lastParams.set(view, params);
    this.write(true);
  }

  /**
   * A click on a view's tab: back to that view as the user left it (its last choices), or, on the
   * tab of the view shown, to its first screen (no choices).
   */
  open(view: View): void {
    this.go(view, view === this.view ? NO_CHOICES : this.lastOf(view));
  }

  /** One view's choices (ViewChoices): the route's while the view is shown. */
  choicesOf(view: View): Choices {
    return this.choices.get(view)!;
  }

  /** The choices `view` was last shown with. */
  lastOf(view: View): Record<string, string> {
    return this.lastParams.get(view) ?? NO_CHOICES;
  }

  /** Changes some parameters of the current view (replacing the history entry, not adding one). */
  update(changes: Record<string, string | null>): void {
    const next = { ...this.params };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') delete next[k];
      else next[k] = v;
    }
    this.params = next;
    this.lastParams.set(this.view, next);
    this.write(false);
  }
}

/**
 * One view's choices: the route's while the view is shown; while it is not (a kept view, drawn and
 * hidden: ui/state/kept.svelte.ts), the ones it was left with, unchanging, and its writes go nowhere,
 * so that it never follows another view's choices or writes to the address bar.
 *
 * A derivation, so that leaving the view and coming back (the same object either way: `open` goes
 * back with the choices the view was left with) changes nothing the view reads: its effects do not
 * run again, its chart is not drawn again.
 */
class ViewChoices implements Choices {
  readonly params: Record<string, string>;

  constructor(private readonly route: RouteState, private readonly view: View) {
    this.params = $derived(route.view === view ? route.params : route.lastOf(view));
  }

  update(changes: Record<string, string | null>): void {
    if (this.route.view === this.view) this.route.update(changes);
  }
}
