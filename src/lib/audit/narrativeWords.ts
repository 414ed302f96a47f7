/** 增加/增长 → 1, 减少/下降/降低 → −1, 持平/一致/零增长 → 0; null when the word says nothing. */
export function directionOf(word: string): 1 | -1 | 0 | null {
  if (/增加|增长|上升|调增|提高/.test(word)) return 1;
  if (/减少|下降|降低|调减|压减|缩减/.test(word)) return -1;
  if (/持平|一致|零增长|无变化|相同|不变/.test(word)) return 0;
  return null;
}

/** Words of a reason that point one way: 「增加了…人员」 up, 「压减…」 down. */
export function reasonDirection(reason: string): 1 | -1 | 0 | null {
  const up = /增加|增长|新增|提高|上调|调增|扩大/.test(reason);
  const down = /减少|下降|压减|降低|缩减|调减|取消|停止/.test(reason);
  if (up && !down) return 1;
  if (down && !up) return -1;
  return up && down ? 0 : null;
}
