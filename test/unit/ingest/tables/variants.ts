import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { seedsDir } from '../../../support/shared';

/**
 * The real seed 003 (a 2024 预算) with one table re-printed in a layout of the national template the
 * corpus does not have, its amounts the seed's: what the layout tests read as text
 * (basicSplit, incomeSources, partTotals, summaryParts, threePublicRows) and as PDF (pdf/nationalLayouts).
 */
export const SEED = '003_3753cf426c7ec0a0.txt';
export const seedText = readFileSync(path.join(seedsDir, SEED), 'utf8');

const fen = (s: string) => Math.round(Number(s) * 100);
const wan = (n: number) => (n / 100).toFixed(2);

/** The seed's lines with those from the first line matching `from` up to the next table's heading replaced. */
function replaced(text: string, heading: (l: string) => boolean, from: (l: string) => boolean, rows: readonly string[]): { text: string; old: string[] } {
  const lines = text.split('\n');
  const h = lines.findIndex(heading);
  const start = lines.findIndex((l, i) => i > h && from(l));
  let end = start;
  while (end < lines.length && !(lines[end].startsWith('#') && lines[end].endsWith('表')) && !(end > start && lines[end].startsWith('# '))) end++;
  expect(start).toBeGreaterThan(h);
  return { text: [...lines.slice(0, start), ...rows, '', ...lines.slice(end)].join('\n'), old: lines.slice(start, end) };
}

/**
 * Parts of a coded column that add up down the table: a 项 gets `part(its amount)`, a 款, a 类 and
 * 合计 the sum of theirs, as the seed's own column does.
 */
function additive(cells: readonly string[][], amountAt: number, part: (fen: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  const sumOf = (pick: (code: string) => boolean) => cells.filter((c) => c[amountAt] && pick(c[1])).reduce((a, c) => a + out.get(c[1])!, 0);
  for (const len of [7, 5, 3]) {
    for (const c of cells) {
      if (c[1].length !== len || !c[amountAt]) continue;
      const children = cells.some((d) => d[amountAt] && d[1].length > len && d[1].startsWith(c[1]));
      out.set(c[1], children ? sumOf((code) => code.length === len + 2 && code.startsWith(c[1])) : part(fen(c[amountAt])));
    }
  }
  out.set('', sumOf((code) => code.length === 3));
  return out;
}

/**
 * 一般公共预算支出表 with 基本支出 over (小计 |) 人员经费 | 公用经费: 人员经费 nine tenths of each 项's
 * 基本支出. `off`: a row code whose 公用经费 is printed 1.00 too high. `expected`: row/column → 万元.
 */
export function basicSplit(withSubtotal: boolean, off = 'none'): { text: string; expected: Map<string, string> } {
  const expected = new Map<string, string>();
  const head = withSubtotal
    ? ['序号\t功能分类科目\t\t合计\t基本支出\t\t\t项目支出', '\t科目编码\t科目名称\t\t小计\t人员经费\t公用经费\t']
    : ['序号\t功能分类科目\t\t合计\t基本支出\t\t项目支出', '\t科目编码\t科目名称\t\t人员经费\t公用经费\t'];
  const probe = replaced(seedText, (l) => l === '## 部门预算一般公共预算财政拨款支出表', (l) => l.startsWith('序号\t功能分类科目'), []);
  const cells = probe.old.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const personnel = additive(cells, 4, (f) => Math.round(f * 0.9));
  const rows = cells.map(([seq, code, name, total, basic = '', project = '']) => {
    const b = basic ? fen(basic) : null;
    const p = b === null ? null : personnel.get(code)!;
    const pub = b === null ? null : b - p! + (code === off ? 100 : 0);
    const key = code || 'total';
    if (p !== null) expected.set(`${key}/personnel`, wan(p)).set(`${key}/public`, wan(pub!));
    if (project) expected.set(`${key}/project`, project);
    return [seq, code, name, total, ...(withSubtotal ? [basic] : []), p === null ? '' : wan(p), pub === null ? '' : wan(pub), project].join('\t');
  });
  expect(rows.length).toBeGreaterThan(10);
  return { text: replaced(seedText, (l) => l === '## 部门预算一般公共预算财政拨款支出表', (l) => l.startsWith('序号\t功能分类科目'), [...head, ...rows]).text, expected };
}

/**
 * The national 收入预算表 by source: each row's 合计 split between 一般公共预算拨款收入 and 事业收入 (a
 * tenth of each 项's, to the fen), 单位资金 over (小计 |) 事业收入 | 事业单位经营收入 | 其他收入.
 */
export function incomeBySource(unitSubtotal: boolean, off = 'none'): { text: string; expected: Map<string, string> } {
  const probe = replaced(seedText, (l) => l === '## 部门预算收入总表', (l) => l.startsWith('序号'), []);
  const cells = probe.old.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const business = additive(cells, 3, (f) => Math.round(f / 10));
  const expected = new Map<string, string>();
  const rows = cells.map(([seq, code, name, total]) => {
    const b = business.get(code)!;
    const general = fen(total) - b + (code === off ? 100 : 0);
    const key = code || 'total';
    expected.set(`${key}/total`, total).set(`${key}/general`, wan(general)).set(`${key}/business`, wan(b));
    if (unitSubtotal) expected.set(`${key}/unit_funds`, wan(b));
    return [seq, code, name, total, '', wan(general), '', '', '', ...(unitSubtotal ? [wan(b)] : []), wan(b), '', ''].join('\t');
  });
  const head = unitSubtotal
    ? ['序号\t科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t财政专户管理资金收入\t单位资金\t\t\t',
      '\t\t\t\t\t\t\t\t\t小计\t事业收入\t事业单位经营收入\t其他收入']
    : ['序号\t科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t财政专户管理资金收入\t单位资金\t\t',
      '\t\t\t\t\t\t\t\t\t事业收入\t事业单位经营收入\t其他收入'];
  expect(rows.length).toBeGreaterThan(10);
  return { text: replaced(seedText, (l) => l === '## 部门预算收入总表', (l) => l.startsWith('序号'), [...head, ...rows]).text, expected };
}

/**
 * 一般公共预算支出表 with a column per year instead of per purpose: 科目编码 | 科目名称 | `head`
 * (e.g. 2023年预算数 | 2024年预算数 | 增减额 | 增减%), the seed's 合计 as this year's, last year's
 * nine tenths of it. `expected`: row → this year's 万元, as the seed prints it.
 */
export function generalByYear(head: readonly string[], stage: 'budget' | 'final' = 'budget'): { text: string; expected: Map<string, string> } {
  const text = stage === 'final' ? seedText.replaceAll('部门预算', '部门决算') : seedText;
  const heading = (l: string) => l === `## ${stage === 'final' ? '部门决算' : '部门预算'}一般公共预算财政拨款支出表`;
  const probe = replaced(text, heading, (l) => l.startsWith('序号\t功能分类科目'), []);
  const cells = probe.old.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const expected = new Map<string, string>();
  const rows = cells.map(([, code, name, total]) => {
    const now = fen(total);
    const before = Math.round(now * 0.9);
    expected.set(code || 'total', wan(now));
    const byWord: Record<string, string> = { prior: wan(before), own: wan(now), change: wan(now - before), pct: ((now / before - 1) * 100).toFixed(1) };
    return [code, name, ...head.map((h) => byWord[h.split('=')[0]])].join('\t');
  });
  return { text: replaced(text, heading, (l) => l.startsWith('序号\t功能分类科目'), [['科目编码', '科目名称', ...head.map((h) => h.split('=')[1])].join('\t'), ...rows]).text, expected };
}

/** The seed's table under the heading `heading` (「## 部门预算支出总表」; all of its pages) printed as `rows`. */
export function reprinted(heading: string, rows: readonly string[]): string {
  return replaced(seedText, (l) => l === heading, (l) => l.startsWith('序号'), rows).text;
}

/**
 * 一般公共预算支出表 with its columns in another order than the template's (`order`: a permutation of
 * total, basic, project), the seed's rows and amounts. `expected`: row/column → 万元.
 */
export function generalReordered(order: readonly ('total' | 'basic' | 'project')[]): { text: string; expected: Map<string, string> } {
  const heading = (l: string) => l === '## 部门预算一般公共预算财政拨款支出表';
  const probe = replaced(seedText, heading, (l) => l.startsWith('序号\t功能分类科目'), []);
  const cells = probe.old.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const names = { total: '合计', basic: '基本支出', project: '项目支出' };
  const expected = new Map<string, string>();
  const rows = cells.map(([, code, name, total, basic = '', project = '']) => {
    const by = { total, basic, project };
    for (const k of order) if (by[k]) expected.set(`${code || 'total'}/${k}`, by[k]);
    return [code, name, ...order.map((k) => by[k])].join('\t');
  });
  return { text: replaced(seedText, heading, (l) => l.startsWith('序号\t功能分类科目'), [['科目编码', '科目名称', ...order.map((k) => names[k])].join('\t'), ...rows]).text, expected };
}

/** The 收支总表 (both of its pages) printed as `rows`. */
export function summaryTable(rows: readonly string[]): string {
  return replaced(seedText, (l) => l === '# 部门预算收支总表', (l) => l.startsWith('序号\t收入'), rows).text;
}

/**
 * The 收支总表 with its expense side by purpose, 人员经费 and 公用经费 as rows beneath 基本支出 (an
 * older national template), the amounts the seed's 支出总表 and 基本支出表 print (基本 1,082.00 =
 * 人员 959.08 + 公用 122.92; 项目 468.13). `personnel`: what the 人员经费 row prints.
 */
export function summaryByPurpose(personnel = '959.08', basicLabel = '一、基本支出', parts: readonly [string, string] = ['人员经费', '公用经费']): string {
  return summaryTable([
    '序号\t收入\t\t支出\t',
    '\t项目\t预算数\t项目\t预算数',
    '栏次\t1\t2\t3\t4',
    `1\t一、一般公共预算拨款收入\t1550.13\t${basicLabel}\t1082.00`,
    `2\t二、政府性基金预算拨款收入\t\t${parts[0]}\t${personnel}`,
    `3\t三、国有资本经营预算拨款收入\t\t${parts[1]}\t122.92`,
    '4\t四、财政专户管理资金收入\t\t二、项目支出\t468.13',
    '5\t五、单位资金\t\t\t',
    '6\t本年收入合计\t1550.13\t本年支出合计\t1550.13',
    '7\t上年结转结余\t\t年终结转结余\t',
    '8\t收入总计\t1550.13\t支出总计\t1550.13',
  ]);
}

/** The 基本支出表 (both of its pages) printed as `rows`. */
export function basicTable(rows: readonly string[]): string {
  return replaced(seedText, (l) => l === '## 部门预算一般公共预算财政拨款基本支出表', (l) => l.startsWith('序号\t支出部门经济分类科目'), rows).text;
}

/**
 * The 基本支出表 as the national 决算 template prints it: panels of 科目编码 | 科目名称 | 决算数 side by
 * side, 人员经费 (301, 303) in the first, 公用经费 (302, 310) in the others (`panels` 2 or 3), and a
 * last row 「人员经费合计 … 公用经费合计 …」 across them; the seed's rows and amounts, titled 部门决算.
 * `expected`: row/column → 万元.
 */
export function basicPanels(panels: 2 | 3): { text: string; expected: Map<string, string> } {
  const probe = replaced(seedText, (l) => l === '## 部门预算一般公共预算财政拨款基本支出表', (l) => l.startsWith('序号\t支出部门经济分类科目'), []);
  const rows = probe.old.filter((l) => /^\d+\t3\d\d/.test(l)).map((l) => l.split('\t').slice(1, 4));
  const personnel = rows.filter((r) => /^30[13]/.test(r[0]));
  const pub = rows.filter((r) => /^3(?:02|10)/.test(r[0]));
  const columns = panels === 2 ? [personnel, pub] : [personnel, pub.slice(0, Math.ceil(pub.length / 2)), pub.slice(Math.ceil(pub.length / 2))];
  const blank = ['', '', ''];
  const out = [
    ['人员经费', '', '', '公用经费', ...Array(3 * panels - 4).fill('')].join('\t'),
    Array(panels).fill('科目编码\t科目名称\t决算数').join('\t'),
  ];
  for (let i = 0; i < Math.max(...columns.map((c) => c.length)); i++) out.push(columns.flatMap((c) => c[i] ?? blank).join('\t'));
  out.push(['人员经费合计', '', '959.08', '公用经费合计', ...Array(3 * panels - 5).fill(''), '122.92'].join('\t'));
  const expected = new Map(rows.map((r) => [`${r[0]}/total`, r[2]]));
  expected.set('total/personnel', '959.08').set('total/public', '122.92');
  return { text: basicTable(out).replaceAll('部门预算', '部门决算'), expected };
}

/** The 三公 table printed across under `rows` (in a 决算, `final`: the same document titled 部门决算). */
export function threePublicAcross(rows: readonly string[], final = false): string {
  const text = final ? seedText.replaceAll('部门预算', '部门决算') : seedText;
  const head = ['项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费', '\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t'];
  return replaced(text, (l) => l.startsWith('## ') && l.includes('财政拨款“三公”经费支出表'), (l) => l.startsWith('序号'), [...head, ...rows]).text;
}

/** The 三公 table printed down, as `rows` (in a 决算, `final`: the same document titled 部门决算). */
export function threePublicDown(rows: readonly string[], final = false): string {
  const text = final ? seedText.replaceAll('部门预算', '部门决算') : seedText;
  return replaced(text, (l) => l.startsWith('## ') && l.includes('财政拨款“三公”经费支出表'), (l) => l.startsWith('序号'), rows).text;
}

/** A re-printed seed as the importer reads it: its one document. */
export async function readText(text: string): Promise<StoredDocument> {
  const r = await importFile(new TextEncoder().encode(text), 'variant.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

/**
 * 一般公共预算支出表 (`general`) or 基本支出表 (`basic`) with each code printed as a reader indents it:
 * a 类 whole, a 款 or 项 by its own two digits (「201」, 「40」 for 20140, 「01」 for 2014001); with
 * `wholeKuan`, a 款 whole and only 项 by its digits. The seed's rows and amounts.
 * `expected`: row/column → 万元.
 */
export function relativeCodes(table: 'general' | 'basic', wholeKuan = false): { text: string; expected: Map<string, string> } {
  const heading = table === 'general' ? '## 部门预算一般公共预算财政拨款支出表' : '## 部门预算一般公共预算财政拨款基本支出表';
  const head = table === 'general' ? '序号\t功能分类科目' : '序号\t支出部门经济分类科目';
  const keys = table === 'general' ? ['total', 'basic', 'project'] : ['total', 'personnel', 'public'];
  const probe = replaced(seedText, (l) => l === heading, (l) => l.startsWith(head), []);
  const expected = new Map<string, string>();
  const rows = probe.old.map((l) => {
    const c = l.split('\t');
    if (!/^\d+$/.test(c[0])) return l;
    c.slice(3).forEach((v, i) => v && expected.set(`${c[1] || 'total'}/${keys[i]}`, v));
    if (c[1].length > 3 && !(wholeKuan && c[1].length === 5)) c[1] = c[1].slice(-2);
    return c.join('\t');
  });
  return { text: replaced(seedText, (l) => l === heading, (l) => l.startsWith(head), rows).text, expected };
}

/**
 * 一般公共预算支出表 with a header of periods over parts, the seed's rows: `priorFirst` 上年预算数 |
 * 本年预算数 (合计 | 基本支出 | 项目支出) | 增减; `bothGroups` 2023年预算数 (合计 | 基本 | 项目) |
 * 2024年预算数 (合计 | 基本 | 项目); `ownFirst` 2024年预算数 (合计 | 基本 | 项目) | 2023年预算数;
 * `finalBudget`, titled 部门决算: 年初预算数 (小计 | 基本 | 项目) | 决算数 (小计 | 基本 | 项目) |
 * 决算数为预算数的%. Last year's (or the budget's) 合计 nine tenths of this year's, adding up as the
 * seed's do. `expected`: row/column → 万元.
 */
export function generalGrouped(layout: 'priorFirst' | 'bothGroups' | 'ownFirst' | 'finalBudget'): { text: string; expected: Map<string, string> } {
  const final = layout === 'finalBudget';
  const text = final ? seedText.replaceAll('部门预算', '部门决算') : seedText;
  const heading = (l: string) => l === `## ${final ? '部门决算' : '部门预算'}一般公共预算财政拨款支出表`;
  const probe = replaced(text, heading, (l) => l.startsWith('序号\t功能分类科目'), []);
  const cells = probe.old.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
  const prior = additive(cells, 3, (f) => Math.round(f * 0.9));
  const expected = new Map<string, string>();
  const head = {
    priorFirst: ['科目编码\t科目名称\t上年预算数\t本年预算数\t\t\t比上年增减', '\t\t\t合计\t基本支出\t项目支出\t'],
    bothGroups: ['科目编码\t科目名称\t2023年预算数\t\t\t2024年预算数\t\t', '\t\t合计\t基本支出\t项目支出\t合计\t基本支出\t项目支出'],
    ownFirst: ['科目编码\t科目名称\t2024年预算数\t\t\t2023年预算数', '\t\t合计\t基本支出\t项目支出\t'],
    finalBudget: ['科目编码\t科目名称\t年初预算数\t\t\t决算数\t\t\t决算数为预算数的%', '\t\t小计\t基本支出\t项目支出\t小计\t基本支出\t项目支出\t'],
  }[layout];
  const rows = cells.map(([, code, name, total, basic = '', project = '']) => {
    const key = code || 'total';
    const before = prior.get(code)!;
    const own = { total, basic, project };
    for (const [k, v] of Object.entries(own)) if (v) expected.set(`${key}/${k}`, v);
    expected.set(`${key}/${final ? 'initial_budget' : 'prior_year'}`, wan(before));
    if (layout === 'priorFirst') expected.set(`${key}/change`, wan(fen(total) - before));
    const lastYear = [wan(before), basic ? wan(Math.round(fen(basic) * 0.9)) : '', project ? wan(Math.round(fen(project) * 0.9)) : ''];
    const amounts = {
      priorFirst: [wan(before), total, basic, project, wan(fen(total) - before)],
      bothGroups: [...lastYear, total, basic, project],
      ownFirst: [total, basic, project, wan(before)],
      finalBudget: [...lastYear, total, basic, project, (fen(total) / before * 100).toFixed(1)],
    }[layout];
    return [code, name, ...amounts].join('\t');
  });
  return { text: replaced(text, heading, (l) => l.startsWith('序号\t功能分类科目'), [...head, ...rows]).text, expected };
}
