/**
 * The “三公”经费 table (three_public): its rows, their Chinese names, and how they add up. Ingest
 * keys what it reads with these rows, the audit checks their sums, compare and the UI name them.
 *
 * `total` is the 三公 alone in every region. Where the table also carries 会议费 and 培训费 (Jiangsu),
 * its printed 合计 is `total_with_meeting_training`, and the 三公 小计 is both `subtotal` and `total`.
 */
export const THREE_PUBLIC_ROWS = {
  total: '合计',
  subtotal: '“三公”经费小计',
  overseas: '因公出国（境）费',
  overseas_academic: '其中：教学科研人员因公出国（境）费',
  overseas_other: '其他因公出国（境）费',
  vehicle: '公务用车购置及运行维护费',
  vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行维护费',
  reception: '公务接待费',
  reception_domestic: '其中：国内公务接待费',
  reception_foreign: '国（境）外公务接待费',
  operating_cost: '机关运行经费',
  meeting: '会议费',
  training: '培训费',
  total_with_meeting_training: '合计（含会议费、培训费）',
} as const;

export type ThreePublicRow = keyof typeof THREE_PUBLIC_ROWS;

/** The items a 三公 table prints as columns or rows (total_with_meeting_training is derived). */
export type ThreePublicItem = Exclude<ThreePublicRow, 'total_with_meeting_training'>;

/** 三公 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费. */
export const THREE_PUBLIC_PARTS = ['overseas', 'vehicle', 'reception'] as const satisfies readonly ThreePublicRow[];
/** 公务用车购置及运行维护费 = 购置费 + 运行维护费. */
export const VEHICLE_PARTS = ['vehicle_purchase', 'vehicle_operation'] as const satisfies readonly ThreePublicRow[];
/** 因公出国（境）费 = its two 其中 rows, where printed. */
export const OVERSEAS_PARTS = ['overseas_academic', 'overseas_other'] as const satisfies readonly ThreePublicRow[];
/** 公务接待费 = 国内 + 国（境）外, where printed (Yunnan's 决算). */
export const RECEPTION_PARTS = ['reception_domestic', 'reception_foreign'] as const satisfies readonly ThreePublicRow[];

/** Item → the rows its amount is recorded under, given all the items the table prints. */
export function threePublicKeys(items: readonly string[]): Map<string, ThreePublicRow[]> {
  const withMeetings = items.includes('meeting') || items.includes('training');
  const out = new Map<string, ThreePublicRow[]>();
  for (const item of items) {
    if (withMeetings && item === 'total') out.set(item, ['total_with_meeting_training']);
    else if (withMeetings && item === 'subtotal') out.set(item, ['subtotal', 'total']);
    else out.set(item, [item as ThreePublicRow]);
  }
  return out;
}
