import { flushSync, mount, unmount, type Component } from 'svelte';

/**
 * Draws a view once off the page and throws the drawing away, so that its first real visit runs
 * warm code (issue 17). A view's first drawing is slow for reasons that have nothing to do with its
 * data: V8 compiles each function the first time it is called and its inline caches start empty. At
 * 5,000 documents the first 同比 ran 40–70 ms of script in the click's task, a return to it 10–20 ms.
 *
 * The drawing is never attached to the document: no style, layout or paint, nothing a screen reader
 * or a test of the page finds. The caller gives props that write nowhere (FIRST_CLICK for the
 * route, a ShownView of its own), and the answer should be in the memo already (AheadOfUser reads
 * it ahead first): a view drawn off the page asks the worker what its first click would, no more.
 *
 * `drawn` says when the view has drawn its table; it is given up to `pauses` task boundaries for
 * that (the memo's answer arrives a microtask or two after mount). Effects that wait longer (a
 * chart drawn after the first frame) find themselves unmounted and stop. Returns whether it drew.
 */
export async function drawAhead<P extends Record<string, unknown>>(
  view: Component<P>,
  props: P,
  drawn: (root: HTMLElement) => boolean,
  pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
  pauses = 20,
): Promise<boolean> {
  const root = document.createElement('div');
  const instance = mount(view, { target: root, props });
  try {
    flushSync();
    for (let i = 0; i < pauses && !drawn(root); i++) await pause();
    return drawn(root);
  } finally {
    void unmount(instance);
  }
}
