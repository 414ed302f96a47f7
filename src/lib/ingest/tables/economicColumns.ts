import type { Row } from '../lines';
import { economicItemByName } from '../../model/classification';
import { classCodeByName } from './labels';
import { headWords } from './unknownHeads';

/**
 * A 基本支出表 printed as a matrix: 功能分类 rows (201, 2010101 …) by 经济分类 columns (合计 | 工资福利支出 |
 * 商品和服务支出 | 对个人和家庭的补助, or the 款: 基本工资 | 津贴补贴 …), as some counties print it. Each
 * row's 合计 is its 基本支出 (classified.ts basicOnly); the 合计 row under each 经济分类 column is that
 * class's 基本支出, the one figure the 经济分类 基本支出表 would have printed on its own row. The cells of
 * the other rows (a function by an economic class) have no place in the tables the model knows.
 *
 * Column → the code and name its head gives, where two columns or more are headed by a 经济分类 类 or 款
 * name (a lone such head is no matrix: a 人员经费 column printed as 「工资福利支出」); else null.
 */
export function economicColumns(headers: readonly Row[], filled: ReadonlySet<number>, placed: ReadonlyMap<number, string>): Map<number, { code: string; name: string }> | null {
  const out = new Map<number, { code: string; name: string }>();
  let classLeft: string | undefined;
  for (const i of [...filled].sort((a, b) => a - b)) {
    if (placed.has(i)) continue;
    // A group's word above (基本支出) is taken off by reading the head from the end.
    const words = headWords(headers, i);
    const head = endingName(words, classLeft);
    if (!head) continue;
    if (head.code.length === 3) classLeft = head.code;
    out.set(i, head);
  }
  return out.size >= 2 ? out : null;
}

/** The longest ending of `words` that names a 经济分类 类, or a 款 (under the 类 of a column to its left). */
function endingName(words: string, classLeft: string | undefined): { code: string; name: string } | undefined {
  for (let k = 0; k <= words.length - 2; k++) {
    const name = words.slice(k);
    const code = classCodeByName(name, true) ?? economicItemByName(name, classLeft) ?? (classLeft ? economicItemByName(name) : undefined);
    if (code) return { code, name };
  }
  return undefined;
}
