import type { Fen, MoneyUnit } from './amount';
import type { SourceRef } from './document';

/**
 * The 情况说明 (narrative) of a document as the importer read it, kept for the audit: its paragraphs
 * and the statements it makes, each with the sentence it was read from. Amounts keep how they were
 * printed, because the audit compares a figure at the precision the text states (「17,192 万元」 is a
 * whole-万元 figure; 「增长 79.05%」 has two decimals).
 */
export interface Narrative {
  paragraphs: NarrativeParagraph[];
  /** One per amount stated for a total (收入总计, 基本支出, …) or a 功能分类 类/款/项. */
  statements: Statement[];
  /** 「占 X%」 and 「完成年初预算的 X%」. */
  shares: ShareStatement[];
  /**
   * The precision of a fact (table `facts`) stated in 亿元, by its key: its value cannot tell it
   * (「0.16亿元」 is 1,600 万元 to the nearest 100 万元). Facts in 元, 千元 and 万元 carry theirs in
   * their value's last digits.
   */
  factPrecision?: Record<string, Precision>;
}

/** How finely an amount is printed: its unit and the digits after its point. */
export type Precision = Pick<StatedAmount, 'decimals' | 'unit'>;

export interface NarrativeParagraph {
  /** The paragraph's text, whitespace removed (PDF text breaks numbers and words with spaces). */
  text: string;
  /** Its first line (and page). */
  source: SourceRef;
}

/** An amount as printed in the text. */
export interface StatedAmount {
  fen: Fen;
  /** As printed, separators kept: 「1,623.18」. */
  text: string;
  /** Digits after the decimal point as printed (17,192 → 0; 73.77 → 2). */
  decimals: number;
  /** 万元 in most narratives; 元 in Shanghai's; 亿元 in a large department's totals. */
  unit: MoneyUnit;
}

/** A percentage as printed: 「79.05%」 → value '79.05', decimals 2. */
export interface StatedPercent {
  value: string;
  decimals: number;
}

/**
 * One stated figure with what the sentence says about it: 「行政运行（项）2026年预算安排 X 万元，比2025年
 * 预算执行数 Y 万元增加 Z%，主要原因是…」. `key` is a facts key (income_total, basic, …) for a total, or
 * the 功能分类 code of a 类/款/项 (empty when the item's name could not be matched to a code).
 */
export interface Statement {
  key: string;
  /** 'total' for the document's totals and their parts; 'class' / 'kind' / 'item' for 类 / 款 / 项. */
  level: 'total' | 'class' | 'kind' | 'item';
  /** What the sentence names, as printed (the item's names joined by 「/」 for 类/款/项). */
  subject: string;
  /** The names of 类, 款 and 项 as printed (items only; '' where the text does not name one). */
  path?: [string, string, string];
  /** The codes the tags print (「（204类）…（06款）…（01项）」 → ['204', '06', '01']), when they print any. */
  codes?: [string, string, string];
  /** The figure of the heading (or of the sentence when there is no heading). */
  amount: StatedAmount | null;
  /** The sentence's own 「预算安排」 figure when it differs in place from the heading's. */
  arranged: StatedAmount | null;
  /** The base the change is measured against, when stated (「比2025年预算执行数 Y 万元」). */
  base: StatedAmount | null;
  /** 「预算执行数」「预算」「上年」「年初预算」… as printed. */
  baseLabel: string;
  /** The year of the base, when printed (「比2026年预算」 → 2026). */
  baseYear: number | null;
  /** Signed change (减少 negative), when stated. */
  change: StatedAmount | null;
  /** The direction word as printed: 增加, 增长, 减少, 下降, 降低, 持平, 一致, … ('' when none). */
  direction: string;
  percent: StatedPercent | null;
  /** 「主要原因是…」 as printed ('' when none). */
  reason: string;
  /** The sentence(s) the statement was read from. */
  sentence: string;
  source: SourceRef;
}

/** 「基本支出 17123.19 万元，占 59.35%」, or 「支出决算为 Y 万元，完成年初预算的 X%」. */
export interface ShareStatement {
  kind: 'share' | 'completion';
  /** The part, as printed. */
  subject: string;
  /** A facts key, a 功能分类 code, or a 三公 row key (three_public.vehicle), '' when unknown. */
  key: string;
  amount: StatedAmount | null;
  /** The whole: stated in the same sentence or the one before (「本年支出合计 X 万元，其中：」). */
  whole: StatedAmount | null;
  wholeLabel: string;
  percent: StatedPercent;
  /** Shares listed together (「其中：A 占 x%；B 占 y%；C 占 z%」) share a group number. */
  group: number;
  sentence: string;
  source: SourceRef;
}
