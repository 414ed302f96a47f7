import { FUNCTION_CODES, nameSimilarity } from '../../model/classification';
import { FUNCTION_CLASSES } from '../../model/keys';

export interface CodedRow {
  code: string;
  name: string;
}

/** Names by code: the document's own coded rows first (they name its items as printed), then the classification. */
function candidates(coded: readonly CodedRow[], own = false): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (code: string, name: string) => {
    if (!/^2\d{2}(?:\d{2}){0,2}$/.test(code) || !name) return;
    const list = out.get(code);
    if (!list) out.set(code, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const c of coded) add(c.code, c.name);
  if (own) return out;
  for (const [code, name] of Object.entries(FUNCTION_CLASSES)) add(code, name);
  for (const [code, names] of Object.entries(FUNCTION_CODES)) for (const n of names) add(code, n);
  return out;
}

const cache = new WeakMap<readonly CodedRow[], Map<string, string[]>>();
const ownCache = new WeakMap<readonly CodedRow[], Map<string, string[]>>();

function best(names: Map<string, string[]>, name: string, length: number, parent: string): string {
  let top = '';
  let score = 0;
  let tie = false;
  for (const [code, list] of names) {
    if (code.length !== length || !code.startsWith(parent)) continue;
    const sc = Math.max(...list.map((n) => nameSimilarity(n, name)));
    if (sc > score) [top, score, tie] = [code, sc, false];
    else if (sc === score && code !== top) tie = true;
  }
  // Within a known parent a looser match is safe (few siblings); without one, only a close one.
  const needed = parent ? 0.6 : 0.85;
  return score >= needed && !tie ? top : '';
}

/**
 * The 功能分类 code a narrative names by 类/款/项 (「法院（款）行政运行（项）」 under 「公共安全（类）」):
 * each level matched by name under the one above it. '' when a level cannot be matched.
 */
export function resolveItem(path: readonly [string, string, string], coded: readonly CodedRow[]): string {
  let names = cache.get(coded);
  if (!names) cache.set(coded, (names = candidates(coded)));
  const [cls, kind, item] = path;
  // 「1.行政运行（项）」 alone: 行政运行 stands under every 款 of the classification, but the document's
  // own tables print it under one.
  if (!cls && (kind || item)) {
    let own = ownCache.get(coded);
    if (!own) ownCache.set(coded, (own = candidates(coded, true)));
    const found = item ? best(own, item, 7, kind ? best(own, kind, 5, '') : '') : best(own, kind, 5, '');
    if (found) return found;
  }
  let code = '';
  if (cls) {
    code = best(names, cls, 3, '');
    // 「行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）」: a 款 tagged 类 by mistake, with no 款
    // of its own. Matched as a 款 only where its name is close to one (best's strict threshold).
    if (!code && !kind) code = best(names, cls, 5, '');
    if (!code) return '';
  }
  if (kind) {
    const k = best(names, kind, 5, code);
    if (!k) return '';
    code = k;
  }
  if (item) {
    const i = best(names, item, 7, code);
    if (!i) return '';
    code = i;
  }
  return code;
}
