import { describe, expect, it } from 'vitest';
import { AnswerMemo } from '../../../src/ui/state/answers';
import type { DbClient } from '../../../src/lib/worker/client';

/** A stand-in for the page's two signals: the document list (replaced on every change) and the client's generation. */
function setup() {
  const db = { generation: 0 };
  let documents: object = [];
  const memo = new AnswerMemo(db as DbClient, () => documents);
  return { memo, db, replaceList: () => (documents = []) };
}

describe('the views’ memo of answers (issue 17: a view opened again on an unchanged library)', () => {
  it('answers the same question on an unchanged library, and only that question', () => {
    const { memo } = setup();
    memo.keep('peers', 'q1', memo.stamp(), { rows: 1 });
    expect(memo.get('peers', 'q1')).toEqual({ rows: 1 });
    expect(memo.get('peers', 'q2')).toBeUndefined();
    expect(memo.get('yoy', 'q1')).toBeUndefined();
    // A null answer (nothing to compare) is an answer too.
    memo.keep('yoy', 'none', memo.stamp(), null);
    expect(memo.get('yoy', 'none')).toBeNull();
  });

  it('keeps one answer per view', () => {
    const { memo } = setup();
    memo.keep('peers', 'q1', memo.stamp(), 1);
    memo.keep('peers', 'q2', memo.stamp(), 2);
    expect(memo.get('peers', 'q1')).toBeUndefined();
    expect(memo.get('peers', 'q2')).toBe(2);
  });

  it('forgets answers when the document list is replaced', () => {
    const { memo, replaceList } = setup();
    memo.keep('peers', 'q', memo.stamp(), 1);
    replaceList();
    expect(memo.get('peers', 'q')).toBeUndefined();
  });

  it('forgets answers after a change that keeps the list (linking units, a layout profile)', () => {
    const { memo, db } = setup();
    memo.keep('yoy', 'q', memo.stamp(), 1);
    db.generation++;
    expect(memo.get('yoy', 'q')).toBeUndefined();
  });

  it('does not keep an answer read while the library changed', () => {
    const { memo, db, replaceList } = setup();
    const asked = memo.stamp();
    db.generation++;
    memo.keep('peers', 'q', asked, 'stale');
    expect(memo.get('peers', 'q')).toBeUndefined();
    const again = memo.stamp();
    replaceList();
    memo.keep('peers', 'q', again, 'stale');
    expect(memo.get('peers', 'q')).toBeUndefined();
  });
});

describe('answers read ahead in idle time (issue 17: a view’s first visit)', () => {
  /** An answer the test settles by hand. */
  function later<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  it('keeps the answer; a view opened while it is on its way waits for it instead of asking again', async () => {
    const { memo } = setup();
    const a = later<number>();
    let asked = 0;
    const ahead = memo.readAhead('yoy', 'q', () => (asked++, a.promise));
    expect(memo.get('yoy', 'q')).toBeUndefined();
    const waiting = memo.pending<number>('yoy', 'q');
    expect(waiting).toBeDefined();
    expect(memo.pending('yoy', 'other')).toBeUndefined();
    // Asked again meanwhile (the next idle moment): not sent twice.
    await memo.readAhead('yoy', 'q', () => (asked++, Promise.resolve(2)));
    a.resolve(1);
    await ahead;
    expect(await waiting).toBe(1);
    expect(memo.get('yoy', 'q')).toBe(1);
    expect(memo.pending('yoy', 'q')).toBeUndefined();
    // Held: not asked again.
    await memo.readAhead('yoy', 'q', () => (asked++, Promise.resolve(3)));
    expect(asked).toBe(1);
    expect(memo.get('yoy', 'q')).toBe(1);
  });

  it('an answer on its way for a library that changed since is neither waited for nor kept', async () => {
    const { memo, replaceList } = setup();
    const a = later<number>();
    const ahead = memo.readAhead('peers', 'q', () => a.promise);
    replaceList();
    expect(memo.pending('peers', 'q')).toBeUndefined();
    a.resolve(1);
    await ahead;
    expect(memo.get('peers', 'q')).toBeUndefined();
  });

  it('a failure is the waiting view’s to report; nothing is kept and the next reading asks again', async () => {
    const { memo } = setup();
    const a = later<number>();
    const ahead = memo.readAhead('audit', 'q', () => a.promise);
    const waiting = memo.pending<number>('audit', 'q')!;
    a.reject(new Error('worker gone'));
    await expect(waiting).rejects.toThrow('worker gone');
    await ahead;
    expect(memo.get('audit', 'q')).toBeUndefined();
    expect(memo.pending('audit', 'q')).toBeUndefined();
    await memo.readAhead('audit', 'q', () => Promise.resolve(5));
    expect(memo.get('audit', 'q')).toBe(5);
  });
});
