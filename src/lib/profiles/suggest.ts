import type { RawTable } from '../model/document';
import { compact } from '../ingest/normalize';
import { codeKind } from '../ingest/tables/kind';
import { assetLabel, expenseLabel, incomeLabel, labelText, threePublicLabel } from '../ingest/tables/labels';
import { columnSpecs } from '../ingest/tables/columns';
import { applyProfile } from './apply';
import { sumChecks, type SumCheck } from './checks';
import { columnShapes, dataRows } from './columnsGuess';
import { tableSignature } from './signature';
import { PROFILE_VERSION, type LabelRow, type LayoutProfile } from './types';
import { columnKeysOf } from './vocabulary';
import { isLabelKind, PROFILE_KINDS, type ProfileKind } from './kinds';

/**
 * The most likely mapping of a raw table, for a person to confirm or correct: the kind from the
 * rows' codes, the labels and the header words (the known vocabulary, model/tables and the
 * importer's own label and column lists), the role of each column from its cells and the words over
 * it, each label's row key, and the sums that confirm it. `taken`: kinds the document already has,
 * so that three tables alike (一般公共预算 / 政府性基金 / 国有资本经营, same columns) are proposed
 * in the national order instead of all as the first.
 */
/** Suggestions for a document's unmapped tables in print order, each kind proposed once. */
export function suggestAll(raws: readonly RawTable[], names: readonly string[], taken: Iterable<string>): Suggestion[] {
  const used = new Set(taken);
  return raws.map((raw, i) => {
    const s = suggestProfile(raw, names[i], used);
    used.add(s.profile.kind);
    return s;
  });
}

export interface Suggestion {
  profile: LayoutProfile;
  /** Kinds in order of likelihood (the first not taken is the profile's). */
  ranked: ProfileKind[];
  checks: SumCheck[];
  /** How many figures the suggestion reads. */
  figures: number;
  /** Labels (label tables) that matched no row key: the person maps them or leaves them out. */
  unmatched: { column: number; label: string }[];
}

/** `kind`: the kind a person picked (the roles and row keys are then proposed for it). */
export function suggestProfile(raw: RawTable, name: string, taken: ReadonlySet<string> = new Set(), picked?: ProfileKind): Suggestion {
  const signature = tableSignature(raw);
  const shapes = columnShapes(raw, signature.columns);
  const ranked = rankKinds(raw, shapes);
  const kind = picked ?? ranked.find((k) => !taken.has(k)) ?? ranked[0];
  const columns = columnRoles(raw, shapes, kind);
  const { rows, unmatched } = isLabelKind(kind) ? labelRows(raw, columns, kind) : { rows: [], unmatched: [] };
  const profile: LayoutProfile = { version: PROFILE_VERSION, name, signature, kind, columns, rows };
  const figures = applyProfile(raw, profile).figures;
  return { profile, ranked, checks: sumChecks(kind, figures), figures: figures.length, unmatched };
}

/** Scores per kind from structure and vocabulary; higher first, ties in the national order. */
function rankKinds(raw: RawTable, shapes: readonly string[]): ProfileKind[] {
  const rows = dataRows(raw);
  const header = raw.header.flat().map(compact).join('|');
  const labels = rows.flatMap((r) => r.filter((_, i) => shapes[i] === 'name'));
  const count = (f: (c: string) => unknown) => labels.filter((c) => f(c)).length;
  const codes = codeKind(rows.map((cells, line) => ({ cells, lines: [line], line })));
  const fn = codes === 'function' || (codes === 'none' && /功能(?:分类|科目)/.test(header));
  const ec = codes === 'economic' || (codes === 'none' && /经济(?:分类|科目)/.test(header));
  const headerHits = (kind: ProfileKind) => raw.header.flat().filter((c) => columnSpecs(kind).some((s) => s.header.test(compact(c)))).length;
  const score: Partial<Record<ProfileKind, number>> = {};
  // Label tables have no classification codes (an economic table's 30217 公务接待费 is not a 三公 row).
  const coded = codes !== 'none' || shapes.includes('code');
  const three = count(threePublicLabel);
  if (three >= 3 && !coded) score.three_public = 20 + three;
  if (count(assetLabel) >= 2 && !coded && /面积|数量|价值|资产/.test(header)) score.assets = 15;
  const sides = Math.min(count(incomeLabel), count(expenseLabel));
  if (sides >= 2 && !coded) {
    const byFund = /一般公共预算/.test(header) && /政府性基金|国有资本/.test(header);
    score.summary = byFund ? 10 : 12;
    score.fiscal_summary = byFund ? 12 : 10;
  }
  if (/政府采购|采购/.test(header)) score.procurement = 9;
  if (fn) {
    const income = headerHits('income') - headerHits('expense');
    score.income = income > 1 ? 14 : 4;
    score.expense = /经营支出|上[缴解]上级|附属单位补助/.test(header) ? 13 : 6;
    Object.assign(score, { general_expense: 8, fund_expense: 7.9, soe_expense: 7.8, fiscal_expense: 5 });
  }
  if (ec) Object.assign(score, { basic_expense: /人员经费|公用经费/.test(header) ? 9 : 7, fiscal_basic_expense: 6.9, operating_cost: 6 });
  return [...PROFILE_KINDS].sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0));
}

/** A role per column: skip, code, name, or the column key its header words name (else the template's next). */
function columnRoles(raw: RawTable, shapes: readonly string[], kind: ProfileKind): string[] {
  const keys = columnKeysOf(kind);
  const specs = columnSpecs(kind);
  const roles = shapes.map((s) => (s === 'seq' || s === 'blank' ? 'skip' : s === 'amount' ? '' : s));
  const used = new Set<string>();
  roles.forEach((r, i) => {
    if (r !== '') return;
    const words = raw.header.map((h) => compact(h[i] ?? '')).reverse();
    const named = keyFromWords(kind, words, specs);
    if (named && keys.includes(named) && !used.has(named)) {
      roles[i] = named;
      used.add(named);
    }
  });
  // fiscal_summary: the income side's single column is `amount`, the expense side's are by fund.
  if (kind === 'fiscal_summary') {
    const first = roles.findIndex((r) => r === '' || keys.includes(r));
    if (first >= 0 && (roles[first] === '' || roles[first] === 'total') && roles[first + 1] === 'name') {
      used.delete(roles[first]);
      roles[first] = 'amount';
      used.add('amount');
    }
  }
  const rest = keys.filter((k) => !used.has(k) && !(kind === 'fiscal_summary' && k === 'amount'));
  return roles.map((r) => (r !== '' ? r : kind === 'summary' ? 'amount' : (rest.shift() ?? 'skip')));
}

function keyFromWords(kind: ProfileKind, words: readonly string[], specs: ReturnType<typeof columnSpecs>): string | null {
  for (const w of words) {
    if (!w) continue;
    if (kind === 'fiscal_summary' || kind === 'three_public') {
      if (/^(?:合计|总计|小计)$/.test(w)) return 'total';
      if (/一般公共预算/.test(w)) return 'general';
      if (/政府性基金/.test(w)) return 'fund';
      if (/国有资本/.test(w)) return 'soe';
      continue;
    }
    const spec = specs.find((s) => s.header.test(w));
    if (spec) return spec.key;
  }
  return null;
}

/** Each label's row key from the importer's label vocabulary; a 收支总表 column is income or expense by its majority. */
function labelRows(raw: RawTable, columns: readonly string[], kind: ProfileKind): { rows: LabelRow[]; unmatched: { column: number; label: string }[] } {
  const rows: LabelRow[] = [];
  const unmatched: { column: number; label: string }[] = [];
  const body = dataRows(raw);
  columns.forEach((role, column) => {
    if (role !== 'name') return;
    const labels = [...new Set(body.map((r) => labelText(r[column] ?? '')).filter(Boolean))];
    const printed = body.map((r) => labelText(r[column] ?? '')).filter(Boolean);
    let read: (l: string) => string | null = () => null;
    if (kind === 'three_public') read = threePublicLabel;
    else if (kind === 'assets') read = assetLabel;
    else if (kind === 'procurement') read = procurementLabel;
    else {
      const income = labels.filter((l) => incomeLabel(l)).length >= labels.filter((l) => expenseLabel(l)).length;
      read = income ? incomeLabel : expenseLabel;
    }
    // In print order: a label printed again after 上年结转 (「一般公共预算拨款」) is that fund's carry-over.
    const times = new Map<string, number>();
    let carryover = false;
    for (const label of printed) {
      const occurrence = times.get(label) ?? 0;
      times.set(label, occurrence + 1);
      let row = read(label);
      if (row === 'income.carryover') carryover = true;
      else if (row === 'income.grand_total' || row === 'income.current_total') carryover = false;
      else if (carryover && row && /^income\.(?:general|fund|soe)$/.test(row)) row = row.replace('income.', 'income.carryover.');
      if (row) rows.push(occurrence ? { column, label, row, occurrence } : { column, label, row });
      else if (!occurrence) unmatched.push({ column, label });
    }
  });
  return { rows, unmatched };
}

function procurementLabel(l: string): string | null {
  if (/^(?:合计|总计)$/.test(l)) return 'total';
  if (/货物/.test(l)) return 'goods';
  if (/工程/.test(l)) return 'works';
  if (/服务/.test(l)) return 'services';
  return null;
}
