import { tokenize, type Token } from './sqlTokens';

/**
 * The console's statement check: one statement that reads. It is the first of two locks, not the
 * only one: the engine runs every console query with PRAGMA query_only on a copy of the library
 * (consoleWorker.ts), so a write this check missed would still fail and change nothing.
 */
export type ReadOnlyVerdict = { ok: true } | { ok: false; error: string };

/** Statements a query may start with: they read (EXPLAIN only describes the plan of one that reads). */
const FIRST = new Set(['SELECT', 'WITH', 'VALUES', 'EXPLAIN']);

/**
 * Words that write, change the schema or the connection, wherever they stand outside strings and
 * quoted names: a CTE can hide a write (WITH x AS (…) DELETE …), and PRAGMA could turn query_only off.
 * REPLACE is also a function (replace(x, y, z)): only the statement word is refused.
 */
const REFUSED: Record<string, string> = {
  INSERT: '写入数据', UPDATE: '修改数据', DELETE: '删除数据', REPLACE: '写入数据',
  DROP: '删除表或视图', CREATE: '创建表、视图或索引', ALTER: '修改表结构', ATTACH: '附加其他数据库',
  DETACH: '分离数据库', PRAGMA: '修改数据库设置', VACUUM: '重写数据库', REINDEX: '重建索引', ANALYZE: '写入统计信息',
  BEGIN: '开启事务', COMMIT: '提交事务', ROLLBACK: '回滚事务', SAVEPOINT: '设置保存点', RELEASE: '释放保存点',
};

const significant = (t: Token) => t.kind !== 'space' && t.kind !== 'comment';

export function checkReadOnly(sql: string): ReadOnlyVerdict {
  const tokens = tokenize(sql).filter(significant);
  // A trailing semicolon is allowed; anything after it is a second statement.
  const semi = tokens.findIndex((t) => t.kind === 'punct' && t.text === ';');
  if (semi >= 0 && semi < tokens.length - 1) return { ok: false, error: '一次只能运行一条查询语句（分号后面还有内容）。' };
  const body = semi >= 0 ? tokens.slice(0, semi) : tokens;
  if (!body.length) return { ok: false, error: '请输入一条 SELECT 查询。' };
  const first = body[0].text.toUpperCase();
  for (let i = 0; i < body.length; i++) {
    const t = body[i];
    if (t.kind !== 'keyword' && t.kind !== 'word') continue;
    const word = t.text.toUpperCase();
    const what = REFUSED[word];
    if (!what) continue;
    if (word === 'REPLACE' && body[i + 1]?.text === '(') continue;
    return { ok: false, error: `查询控制台只读，不能${what}（${word}）。资料库没有任何改变。` };
  }
  if (!FIRST.has(first)) return { ok: false, error: `查询控制台只运行读取数据的语句（SELECT、WITH、VALUES），不能运行 ${body[0].text}。` };
  return { ok: true };
}
