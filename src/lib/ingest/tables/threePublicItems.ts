/**
 * The items of the 三公 table and the FORMAT keys they give. Where the table also carries 会议费 and
 * 培训费 (Jiangsu), its 合计 is not the 三公: it goes to `total_with_meeting_training`, and the 三公
 * 小计 gives both `subtotal` and `total`, so that `total` means the 三公 alone in every region.
 */
export type ThreePublicItem =
  | 'total' | 'subtotal' | 'overseas' | 'overseas_academic' | 'overseas_other' | 'vehicle' | 'vehicle_purchase'
  | 'vehicle_operation' | 'reception' | 'meeting' | 'training' | 'operating_cost';

export const THREE_PUBLIC_NAMES: Record<string, string> = {
  total: '合计', subtotal: '“三公”经费小计', overseas: '因公出国（境）费', vehicle: '公务用车购置及运行费',
  vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行费', reception: '公务接待费',
  operating_cost: '机关运行经费', meeting: '会议费', training: '培训费', total_with_meeting_training: '合计（含会议费、培训费）',
};

/** Item → the keys its amount is recorded under, given all the items the table prints. */
export function threePublicKeys(items: readonly string[]): Map<string, string[]> {
  const withMeetings = items.includes('meeting') || items.includes('training');
  const out = new Map<string, string[]>();
  for (const item of items) {
    if (withMeetings && item === 'total') out.set(item, ['total_with_meeting_training']);
    else if (withMeetings && item === 'subtotal') out.set(item, ['subtotal', 'total']);
    else out.set(item, [item]);
  }
  return out;
}
