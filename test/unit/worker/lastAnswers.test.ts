import { describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import { LastAnswers } from '../../../src/lib/worker/lastAnswers';

describe('LastAnswers', () => {
  it('answers the same question on the same library version once, and afresh after any change', () => {
    const last = new LastAnswers();
    const lib = {};
    let computed = 0;
    const ask = (l: object, version: number, q: unknown, kind = 'peers') => last.answer(kind, l, version, q, () => ({ n: ++computed }));
    const first = ask(lib, 1, { year: 2024 });
    expect(ask(lib, 1, { year: 2024 })).toBe(first);
    expect(computed).toBe(1);
    expect(ask(lib, 2, { year: 2024 }).n).toBe(2); // the library changed
    expect(ask(lib, 2, { year: 2025 }).n).toBe(3); // another question
    expect(ask({}, 2, { year: 2025 }).n).toBe(4); // another library (a share link's data)
    expect(ask(lib, 2, { year: 2025 }, 'ranking').n).toBe(5); // each kind has its own answers
    expect(ask(lib, 2, { year: 2025 }, 'peers').n).toBe(6); // the other library's answer holds nothing for this one
  });

  it('keeps the last three answers of a kind: two views asking the same kind do not push out each other’s', () => {
    const last = new LastAnswers();
    const lib = {};
    let computed = 0;
    const ask = (q: string, version = 1) => last.answer('ranking', lib, version, q, () => ({ n: ++computed }));
    const story = ask('变化最大');
    const brief = ask('简报');
    expect(ask('变化最大')).toBe(story);
    expect(ask('简报')).toBe(brief);
    expect(computed).toBe(2);
    ask('a');
    ask('b'); // the latest three: b, a, 简报
    expect(ask('简报')).toBe(brief);
    expect(ask('变化最大')).not.toBe(story);
    expect(computed).toBe(5);
    // A change to the library: none of them holds.
    expect(ask('简报', 2)).not.toBe(brief);
  });

  it('sees a write as a new version through the connection the comparisons read (total_changes)', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    const version = () => Number(db.exec('SELECT total_changes()')[0].values[0][0]);
    db.run('CREATE TABLE t (x)');
    const last = new LastAnswers();
    const count = () => Number(db.exec('SELECT count(*) FROM t')[0].values[0][0]);
    expect(last.answer('n', db, version(), null, count)).toBe(0);
    db.run('INSERT INTO t VALUES (1)');
    expect(last.answer('n', db, version(), null, count)).toBe(1);
    db.run('DELETE FROM t');
    expect(last.answer('n', db, version(), null, count)).toBe(0);
    db.close();
  });
});
