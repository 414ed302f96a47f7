import type { SynthFinal } from './final';
import { finalRows, finalTotals, type FinalRow } from './finalFigures';
import { formatMoney } from './money';

/**
 * A 决算 as disclosure text (the seeds' tab layout): 支出决算表 and 一般公共预算财政拨款支出决算表 with
 * 年初预算数 | 全年预算数 | 决算数 (合计 | 基本支出 | 项目支出), and the 三公 决算 table across with
 * 预算数 | 决算数 per item. What it prints is `finalFigures` of those tables (finalFigures.ts): the
 * importer's budget columns are tested end to end on it (test/unit/synth/finalText.test.ts).
 */
/** A zero prints as a blank cell, as FigurePrinter records it (no figure). */
const wan = (fen: number) => (fen === 0 ? '' : formatMoney(fen, 'wan', false));

function classified(final: SynthFinal, title: string): string[] {
  const rows: FinalRow[] = [finalTotals(final), ...finalRows(final)];
  return [
    title, `${final.unitCode} ${final.unitName}`, `预算年度：${final.year}`, '单位：万元',
    ['科目编码', '科目名称', '年初预算数', '全年预算数', '决算数', '', ''].join('\t'),
    ['', '', '', '', '合计', '基本支出', '项目支出'].join('\t'),
    ...rows.map((r) => [r.code === 'total' ? '' : r.code, r.name, wan(r.initial), wan(r.fullYear), wan(r.actual), wan(r.basic), wan(r.project)].join('\t')),
    '',
  ];
}

function threePublic(final: SynthFinal): string[] {
  const parts = (tp: SynthFinal['threePublic']['actual']) => [
    tp.overseas + tp.vehiclePurchase + tp.vehicleOperation + tp.reception, tp.overseas, tp.vehiclePurchase + tp.vehicleOperation, tp.vehiclePurchase, tp.vehicleOperation, tp.reception,
  ];
  const a = parts(final.threePublic.initial);
  const b = parts(final.threePublic.actual);
  return [
    '财政拨款“三公”经费支出决算表', `${final.unitCode} ${final.unitName}`, `预算年度：${final.year}`, '单位：万元',
    ['合计', '', '因公出国（境）费', '', '公务用车购置及运行费', '', '', '', '', '', '公务接待费', ''].join('\t'),
    ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', '', ''].join('\t'),
    Array.from({ length: 6 }, () => ['预算数', '决算数']).flat().join('\t'),
    a.flatMap((v, i) => [wan(v), wan(b[i])]).join('\t'),
    '',
  ];
}

export function renderFinalText(final: SynthFinal): string {
  return [
    ...classified(final, '支出决算表'), ...classified(final, '一般公共预算财政拨款支出决算表'), ...threePublic(final),
  ].join('\n');
}
