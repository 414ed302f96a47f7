import type { Attachment } from 'svelte/attachments';

/** One option of a <select>. */
export interface Choice {
  value: string;
  text: string;
  disabled?: boolean;
}

/** A list this long is made at once; a longer one waits (below). */
const AT_ONCE = 12;

/** Runs `f` once the page is idle (within a second); returns what cancels it. */
function whenIdle(f: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(f, { timeout: 1000 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(f, 200);
  return () => clearTimeout(t);
}
/** What a person does before a <select>'s list opens or its value moves: each one makes the whole list first. */
const REACH = ['pointerdown', 'mousedown', 'touchstart', 'focus', 'keydown'] as const;

function made(list: readonly Choice[]): HTMLOptionElement[] {
  return list.map((c) => {
    const o = new Option(c.text, c.value);
    o.disabled = c.disabled ?? false;
    return o;
  });
}

/**
 * A <select>'s options, made with the DOM's own `new Option()` in one pass (text, never HTML), and
 * its value set after them: `<select {@attach options(list, value)}>`. As an {#each}, every option
 * was a block of its own, with its effect, text update and anchor: the 168 departments of 横比's
 * chooser were 16 ms of a first 横比 at 5,000 documents on the busy 2-core machine (issue 17).
 *
 * A long list is made with the chosen option only, the rest once the page is idle, or at once when
 * the user reaches for the <select> (pointer, focus, key), before its list can open: the frame that
 * first shows a view builds and styles one option instead of ~200 (同比's units, 横比's departments).
 * A new list or value, read where the attachment is written, makes them again.
 */
export function options(list: readonly Choice[], value: string): Attachment<HTMLSelectElement> {
  return (select) => {
    const chosen = list.find((c) => c.value === value);
    if (list.length <= AT_ONCE || !chosen) {
      select.replaceChildren(...made(list));
      select.value = value;
      return;
    }
    select.replaceChildren(...made([chosen]));
    select.value = value;
    let waiting = true;
    const whole = () => {
      if (!waiting) return;
      stop();
      select.replaceChildren(...made(list));
      select.value = value;
    };
    const cancel = whenIdle(whole);
    function stop() {
      waiting = false;
      cancel();
      for (const type of REACH) select.removeEventListener(type, whole, true);
    }
    for (const type of REACH) select.addEventListener(type, whole, true);
    return stop;
  };
}
