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
